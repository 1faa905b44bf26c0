"""Every kind of bad input yields one clean InputError, and the inputs after it still come out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.sources import RawItem, read
from claimgraph.sources.opening import MAX_DOCUMENT_BYTES



def run(*paths: Path):
    return list(read([str(p) for p in paths]))


def good(tmp_path: Path) -> Path:
    p = tmp_path / "zz-good.txt"
    p.write_text("The committee approved the plan on Friday.")
    return p


def assert_one_error_then_good(out, reason_part: str):
    assert len(out) == 2, out
    err, ok = out
    assert isinstance(err, InputError), err
    assert reason_part in err.reason
    assert "\n" not in err.line() and err.line().startswith("claimgraph: ")
    assert isinstance(ok, RawItem) and "committee" in ok.text


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert_one_error_then_good(run(p, good(tmp_path)), "empty file")


def test_whitespace_only_file_is_empty(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("  \n\n ")
    assert_one_error_then_good(run(p, good(tmp_path)), "empty file")


def test_binary_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(bytes(range(256)) * 40)
    assert_one_error_then_good(run(p, good(tmp_path)), "binary file")


def test_invalid_utf8(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Die Bürger wählten am Sonntag.".encode("latin-1"))
    out = run(p, good(tmp_path))
    assert_one_error_then_good(out, "invalid UTF-8")
    assert "byte 5" in out[0].reason


def test_truncated_gzip_single_document(tmp_path):
    p = tmp_path / "cut.txt.gz"
    data = gzip.compress(("A long article sentence about the harbour. " * 400).encode())
    p.write_bytes(data[: len(data) // 2])
    assert_one_error_then_good(run(p, good(tmp_path)), "truncated gzip")


def test_truncated_gzip_jsonl_keeps_earlier_records(tmp_path):
    lines = "".join(json.dumps({"id": str(i), "text": f"Record {i} says the mayor resigned. " * 20}) + "\n"
                    for i in range(200))
    data = gzip.compress(lines.encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: int(len(data) * 0.6)])
    out = run(p, good(tmp_path))
    records = [x for x in out[:-1] if isinstance(x, RawItem)]
    errors = [x for x in out if isinstance(x, InputError)]
    assert len(records) >= 10 and [r.id for r in records] == [str(i) for i in range(len(records))]
    assert len(errors) == 1 and "truncated gzip" in errors[0].reason
    assert isinstance(out[-1], RawItem) and "committee" in out[-1].text


def test_truncated_warc_keeps_records_before_the_cut(tmp_path, make_warc):
    p = tmp_path / "cut.warc.gz"
    data = make_warc(p, 6)
    p.write_bytes(data[: int(len(data) * 0.7)])
    out = run(p, good(tmp_path))
    pages = [x for x in out[:-1] if isinstance(x, RawItem)]
    errors = [x for x in out if isinstance(x, InputError)]
    assert 2 <= len(pages) < 6
    assert [x.url for x in pages] == [f"https://news.example.org/{i}" for i in range(1, len(pages) + 1)]
    assert len(errors) == 1 and "WARC" in errors[0].reason and "#" in errors[0].path
    assert isinstance(out[-1], RawItem)


def test_malformed_json_line_does_not_stop_the_others(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"text": "First record text."}\n{"text": "broken\n\n{"text": "Third record text."}\n')
    out = run(p)
    assert [type(x) for x in out] == [RawItem, InputError, RawItem]
    assert out[1].path == f"{p}:2" and "malformed JSON line" in out[1].reason
    assert out[2].text == "Third record text." and out[2].origin == f"{p}:4"


def test_unknown_extension(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4 ...")
    assert_one_error_then_good(run(p, good(tmp_path)), "unsupported file type '.pdf'")


def test_missing_path(tmp_path):
    assert_one_error_then_good(run(tmp_path / "nope.txt", good(tmp_path)), "no such file or directory")


def test_record_without_text_or_html(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text('{"id": "1", "title": "Only a title"}\n{"id": "2", "text": "Body of two."}\n')
    out = run(p)
    assert isinstance(out[0], InputError) and "without text or html" in out[0].reason
    assert out[0].path == f"{p}:1" and isinstance(out[1], RawItem) and out[1].id == "2"


def test_fifty_megabyte_single_document_is_refused(tmp_path):
    p = tmp_path / "huge.html"
    block = b"<p>" + b"word " * 200 + b"</p>\n"
    with open(p, "wb") as fh:
        for _ in range((50 * 1024 * 1024) // len(block) + 1):
            fh.write(block)
    assert p.stat().st_size >= 50 * 1024 * 1024
    out = run(p, good(tmp_path))
    assert_one_error_then_good(out, "MB limit")


def test_large_jsonl_streams(tmp_path):
    """A JSONL file bigger than the single-document cap is fine: only each line is capped."""
    p = tmp_path / "big.jsonl"
    body = "The minister said the talks would continue next week. " * 40
    n = 0
    with open(p, "w", encoding="utf-8") as fh:
        while fh.tell() <= MAX_DOCUMENT_BYTES + 1024 * 1024:
            fh.write(json.dumps({"id": str(n), "text": body}) + "\n")
            n += 1
    count = 0
    for item in read([str(p)]):
        assert isinstance(item, RawItem)
        count += 1
    assert count == n


def test_oversized_jsonl_line_is_one_error(tmp_path):
    p = tmp_path / "one-big-line.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "x" * (MAX_DOCUMENT_BYTES + 10)}) + "\n")
        fh.write(json.dumps({"text": "After the big one."}) + "\n")
    out = run(p)
    assert isinstance(out[0], InputError) and "MB limit" in out[0].reason and out[0].path == f"{p}:1"
    assert isinstance(out[1], RawItem) and out[1].origin == f"{p}:2"


def test_errors_never_abort_a_directory(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "d.txt").write_text("Real article text.")
    out = run(tmp_path)
    # b.bin is not a document type, so the folder walk passes it by; the others are reported.
    assert [type(x).__name__ for x in out] == ["InputError", "InputError", "RawItem"]


def test_folder_walk_skips_non_documents_but_named_files_are_errors(tmp_path):
    (tmp_path / "LICENSE").write_text("Permission is hereby granted to anyone.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "gold.json").write_text('{"p1": {"articleBody": "x", "url": "u"}}')
    (tmp_path / "article.txt").write_text("Real article text.")
    out = run(tmp_path)
    assert [type(x).__name__ for x in out] == ["RawItem"]
    named = run(*(tmp_path / n for n in ("notes.bin", "gold.json")))
    assert len(named) == 2 and all(isinstance(x, InputError) for x in named)
