"""Readers: every format, input order, directories and stdin."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.sources import RawItem, read



def items(paths):
    return list(read([str(p) for p in paths]))


def test_text_file_is_one_flattened_item(fixtures):
    (item,) = items([fixtures / "flattened.txt"])
    assert isinstance(item, RawItem)
    assert item.html is None and "grain corridor" in item.text
    assert item.origin == str(fixtures / "flattened.txt")


def test_html_file_is_one_html_item(fixtures):
    (item,) = items([fixtures / "page.html"])
    assert item.text is None and "<article>" in item.html


def test_jsonl_records_carry_fields_and_line_origins(fixtures):
    out = items([fixtures / "records.jsonl"])
    assert [type(x) for x in out] == [RawItem, RawItem, RawItem]
    first, second, third = out
    assert first.id == "rec-1" and first.url == "https://example.org/a"
    assert first.title == "Talks resume in Geneva" and first.published == "2022-04-19T21:01:57"
    assert first.origin.endswith("records.jsonl:1") and third.origin.endswith("records.jsonl:3")
    assert second.html is not None and second.text is None


def test_json_array_yields_each_record_and_an_error_for_the_bad_one(fixtures):
    out = items([fixtures / "records.json"])
    assert isinstance(out[0], RawItem) and out[0].id == "j1" and out[0].origin.endswith("records.json#1")
    assert isinstance(out[1], InputError) and "without text or html" in out[1].reason


def test_single_json_record_with_alternative_field_names(tmp_path):
    p = tmp_path / "cc.json"
    p.write_text('{"uri": "https://x.example/1", "domain": "x.example", "article_html": "<p>Hi</p>"}')
    (item,) = items([p])
    assert item.url == "https://x.example/1" and item.site == "x.example" and item.html == "<p>Hi</p>"
    assert item.origin == str(p)


def test_rss_entries_with_title_link_date_and_content(fixtures):
    out = items([fixtures / "feed.rss"])
    good, bad = out
    assert good.title == "Floods hit northern province" and good.url == "https://wire.example.org/floods"
    assert good.published == "2022-04-19T08:00:00Z" and good.site == "Wire Feed"
    assert good.text.splitlines() == [
        "Heavy rain flooded dozens of villages in the northern province on Monday, the regional governor said.",
        "Rescue teams evacuated more than 300 people overnight.",
    ]
    assert good.origin.endswith("feed.rss#1")
    assert isinstance(bad, InputError) and bad.path.endswith("feed.rss#2")


def test_atom_feed(fixtures):
    (entry,) = items([fixtures / "feed.atom"])
    assert entry.url == "https://atom.example.org/budget" and entry.published.startswith("2022-04-20T09:30")
    assert "narrow majority" in entry.text


def test_xml_that_is_a_feed_is_read_and_other_xml_is_refused(tmp_path, fixtures):
    feed = tmp_path / "wire.xml"
    feed.write_bytes((fixtures / "feed.atom").read_bytes())
    other = tmp_path / "config.xml"
    other.write_text('<?xml version="1.0"?><config><a>1</a></config>')
    out = items([feed, other])
    assert isinstance(out[0], RawItem)
    assert isinstance(out[1], InputError) and "not an RSS or Atom feed" in out[1].reason


def test_warc_yields_html_responses_only(tmp_path, make_warc):
    p = tmp_path / "crawl.warc.gz"
    make_warc(p, 3)
    out = items([p])
    assert [x.url for x in out] == [f"https://news.example.org/{i}" for i in (1, 2, 3)]
    assert all("<article>" in x.html for x in out)
    assert out[0].origin == f"{p}#2"  # record 1 is the warcinfo record


def test_uncompressed_warc(tmp_path, make_warc):
    p = tmp_path / "crawl.warc"
    make_warc(p, 2, gzip=False)
    assert len(items([p])) == 2


def test_gzip_wrapped_text_and_jsonl(tmp_path, fixtures):
    t = tmp_path / "a.txt.gz"
    t.write_bytes(gzip.compress((fixtures / "flattened.txt").read_bytes()))
    j = tmp_path / "b.jsonl.gz"
    j.write_bytes(gzip.compress((fixtures / "records.jsonl").read_bytes()))
    out = items([t, j])
    assert isinstance(out[0], RawItem) and "grain corridor" in out[0].text
    assert [x.origin for x in out[1:]] == [f"{j}:1", f"{j}:2", f"{j}:3"]


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article body.")
    (tmp_path / "a.txt").write_text("First article body.")
    (tmp_path / "c.txt").write_text("Third article body.")
    (tmp_path / ".hidden.txt").write_text("ignored")
    out = items([tmp_path])
    assert [Path(x.origin).relative_to(tmp_path).as_posix() for x in out] == ["a.txt", "b/2.txt", "c.txt"]


def test_input_order_is_preserved_across_paths(tmp_path, fixtures):
    a = tmp_path / "z.txt"
    a.write_text("Zed article.")
    out = items([a, fixtures / "page.html", tmp_path / "missing.txt", fixtures / "flattened.txt"])
    assert [type(x).__name__ for x in out] == ["RawItem", "RawItem", "InputError", "RawItem"]
    assert out[0].text == "Zed article." and out[1].html is not None


def test_stdin_is_sniffed(monkeypatch, fixtures):
    data = (fixtures / "records.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = list(read(["-"]))
    assert len(out) == 3 and out[0].origin == "<stdin>:1"


def test_stdin_gzip_html(monkeypatch, fixtures):
    data = gzip.compress((fixtures / "page.html").read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (item,) = list(read(["-"]))
    assert item.html is not None and item.origin == "<stdin>"


def test_extensionless_file_is_sniffed(tmp_path, fixtures):
    p = tmp_path / "download"
    p.write_bytes((fixtures / "feed.atom").read_bytes())
    (item,) = items([p])
    assert item.title == "Parliament passes budget"
