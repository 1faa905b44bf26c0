"""make_document: HTML and flattened text to a final Document."""

from __future__ import annotations

import pytest

from claimgraph.clean import make_document
from claimgraph.clean.credit import credited_source
from claimgraph.clean.quality import token_scores
from claimgraph.errors import InputError
from claimgraph.model import stable_id
from claimgraph.sources import RawItem, read


def test_flattened_text_document(fixtures):
    (item,) = list(read([str(fixtures / "flattened.txt")]))
    doc = make_document(item)
    assert doc.title == "Ministers agree on new grain corridor"
    assert doc.published == "2022-03-07"
    assert doc.credited_source == "Morgenpost"
    assert doc.language == "en"
    assert doc.source_path == item.origin
    assert doc.id == stable_id(doc.text)  # no id, no url: the cleaned text names it
    assert "\n\n" in doc.text and "\n\n\n" not in doc.text


def test_html_document(fixtures):
    (item,) = list(read([str(fixtures / "page.html")]))
    doc = make_document(item)
    assert doc.title.startswith("Harbour reopens after storm")
    assert doc.published.startswith("2022-03-08")
    assert doc.site == "Coast Gazette"
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("The harbour of the small coastal town")
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_ids_urls_and_non_english(fixtures):
    first, second, third = list(read([str(fixtures / "records.jsonl")]))
    d1, d2, d3 = make_document(first), make_document(second), make_document(third)
    assert d1.id == "rec-1" and d1.title == "Talks resume in Geneva"
    assert not d1.text.startswith("Talks resume")
    assert d1.published == "2022-04-19T21:01:57"
    assert d2.id == stable_id("https://example.org/b") and "interest rate" in d2.text
    assert d3.language == "de" and d3.text.startswith("Der Bundestag")


def test_html_without_article_is_an_input_error():
    item = RawItem(origin="nav.html", html="<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError) as err:
        make_document(item)
    assert "HTML without an article" in err.value.reason and err.value.path == "nav.html"


def test_boilerplate_only_text_is_an_input_error():
    with pytest.raises(InputError):
        make_document(RawItem(origin="x.txt", text="- Advertisement -\nSource link\nShare this article"))


def test_whitespace_is_normalised_within_lines():
    doc = make_document(RawItem(origin="w.txt", text="The  mayor\u00a0said   on Monday that the bridge would reopen.\r\n\r\n\r\nIt had been closed for a year."))
    assert doc.text == "The mayor said on Monday that the bridge would reopen.\n\nIt had been closed for a year."


@pytest.mark.parametrize("lines, expected", [
    (["KYIV, Ukraine (AP) — Russian forces pressed their attack on Tuesday."], "Associated Press"),
    (["MOSCOW (Reuters) - The central bank cut rates."], "Reuters"),
    (["The body text.", "Source: Reuters/ec"], "Reuters"),
    (["Body.", "This article originally appeared in The Conversation."], "The Conversation"),
    (["Body.", "This report by The Canadian Press was first published April 19, 2022."], "The Canadian Press"),
    (["Washington (US) | PTI: The fund projected growth."], "Press Trust of India"),
    (["DAVID KLEPPER , Associated Press, Associated Press", "Body."], "Associated Press"),
    (["The minister said so on Monday."], None),
])
def test_credited_source(lines, expected):
    assert credited_source(lines) == expected


def test_token_scores():
    assert token_scores("a b c", "a b c").f1 == 1.0
    s = token_scores("a b", "a b c d")
    assert s.precision == 1.0 and s.recall == 0.5
    assert token_scores("", "a").f1 == 0.0
