"""Cleaning and extraction over the shared development data (skipped when it is absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimgraph.clean import make_document
from claimgraph.clean.quality import token_scores
from claimgraph.errors import InputError
from claimgraph.model import Document
from claimgraph.sources import RawItem, read

pytestmark = pytest.mark.shared

EXAMPLE = "examples/000_62ed1af39ab017d1.txt"
# Lines of the example page that are not article text.
EXAMPLE_BOILERPLATE = ["16.3 C", "New York", "Wednesday, May 25, 2022", "- Advertisement -",
                       "More about the Ukrainian war on Tagesspiegel Plus:", "Source link", "New Articles"]


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", paragraph) if s.strip()]


def test_example_keeps_every_article_sentence_and_drops_the_boilerplate(shared):
    raw = (shared / EXAMPLE).read_text(encoding="utf-8")
    (item,) = list(read([str(shared / EXAMPLE)]))
    doc = make_document(item)
    assert doc.title == "Will Lukashenko intervene in the Russian war?"
    assert doc.published == "2022-05-25"
    assert doc.credited_source == "Tagesspiegel"
    assert doc.language == "en"
    # the article body: everything between the headline and "Source link" that is not furniture
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    body = lines[lines.index(doc.title) + 1: lines.index("Source link")]
    body = [ln for ln in body if ln not in EXAMPLE_BOILERPLATE and not ln.startswith("[")]
    flat = " ".join(doc.text.split())
    for paragraph in body:
        for sentence in _sentences(paragraph):
            assert " ".join(sentence.split()) in flat, sentence
    assert "If Putin wants more, he will get it" in doc.text.split("\n\n")
    for line in EXAMPLE_BOILERPLATE:
        assert line not in doc.text.split("\n\n"), line
        assert line in doc.removed, line
    assert "Tagesspiegel-App" not in doc.text and "Tagesspiegel-App" in " ".join(doc.removed)
    assert doc.title not in doc.text


def test_all_flattened_bodies_give_documents(shared):
    path = shared / "news" / "flattened-api-bodies-2022-04.jsonl"
    docs = [make_document(x) for x in read([str(path)])]
    assert len(docs) == 85
    for doc in docs:
        assert doc.text.strip() and doc.title and doc.language
        assert "\n\n\n" not in doc.text
        # nothing the cleaner removed is an ordinary article paragraph left in the body twice
        assert not set(doc.text.split("\n\n")) & {"Advertisement", "- Advertisement -", "Source link"}


def _outcomes(paths: list[Path]) -> tuple[list[Document], list[InputError]]:
    docs, errors = [], []
    for item in read([str(p) for p in paths]):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            docs.append(make_document(item))
        except InputError as exc:
            errors.append(exc)
    return docs, errors


def test_every_html_page_gives_a_document_or_a_clean_error(shared):
    docs, errors = _outcomes([shared / "html"])
    assert len(docs) >= 230
    for err in errors:
        assert "\n" not in err.line() and err.reason
    for doc in docs:
        assert doc.text.strip() and doc.language


def test_cc_news_json_records_carry_url_and_language(shared):
    docs, errors = _outcomes([shared / "html" / "cc-news-sample"])
    assert not errors and len(docs) == 39
    assert all(d.url and d.url.startswith("http") for d in docs)
    langs = {d.language for d in docs}
    assert {"en", "ru", "pt", "el", "es"} <= langs


def test_article_extraction_benchmark_f1(shared):
    """Token-level F1 of the extracted body against articleBody (mean over pages)."""
    root = shared / "html" / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for item in read([str(root / "html")]):
        assert isinstance(item, RawItem)
        gold = truth[Path(item.origin).name.split(".")[0]]["articleBody"]
        try:
            text = make_document(item).text
        except InputError:
            text = ""
        scores.append(token_scores(text, gold).f1)
    mean = sum(scores) / len(scores)
    print(f"article-extraction-benchmark: {len(scores)} pages, mean token F1 {mean:.3f}")
    assert len(scores) == 181
    assert mean >= 0.93


def test_trafilatura_eval_segments(shared):
    root = shared / "html" / "trafilatura-eval-selection"
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    kept = total_with = dropped = total_without = 0
    for url, case in evaldata.items():
        (item,) = list(read([str(root / case["file"])]))
        item.url = url
        text = " ".join(make_document(item).text.split())
        kept += sum(" ".join(s.split()) in text for s in case["with"])
        total_with += len(case["with"])
        dropped += sum(" ".join(s.split()) not in text for s in case["without"])
        total_without += len(case["without"])
    print(f"trafilatura-eval-selection: kept {kept}/{total_with}, dropped {dropped}/{total_without}")
    assert kept / total_with >= 0.95 and dropped / total_without >= 0.9


def test_press_releases_keep_their_bodies(shared):
    # Releases arrive as one long line each: none may lose its body to a phrase-level rule.
    paths = sorted((shared / "news").glob("*-2021-2022.jsonl"))
    docs, errors = _outcomes(paths)
    assert errors == []
    assert len(docs) == 808 + 975
    shrunk = [d.id for d in docs if sum(len(r) for r in d.removed) > len(d.text)]
    assert len(shrunk) <= 5, shrunk
