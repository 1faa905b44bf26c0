"""The committed corpus: its documents rebuild from the shared data, and its test split is frozen."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from claimgraph.eval import corpus
from claimgraph.eval.corpus_sources import load_document, sentence_hash

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_test_split_gold_is_unchanged_since_it_was_frozen():
    split = {json.loads(l)["ref"]: json.loads(l)["split"] for l in (CORPUS / "documents.jsonl").open()}
    ref_of = {json.loads(l)["id"]: json.loads(l)["ref"] for l in (CORPUS / "sentences.jsonl").open()}
    lines = [l.rstrip("\n") for l in (CORPUS / "gold.jsonl").open()]
    test_lines = [l for l in lines if split[ref_of[json.loads(l)["id"]]] == "test"]
    digest, count = (CORPUS / "test.sha256").read_text().split()[:2]
    assert int(count) == len(test_lines)
    assert hashlib.sha256("\n".join(test_lines).encode("utf-8")).hexdigest() == digest


def test_splits_never_share_a_document_or_an_outlet():
    docs = [json.loads(l) for l in (CORPUS / "documents.jsonl").open()]
    by_outlet = {}
    for d in docs:
        if d["collection"] in ("flattened-api-bodies-2022-04", "article-extraction-benchmark", "cc-news"):
            by_outlet.setdefault((d["collection"], d["outlet"]), set()).add(d["split"])
    assert all(len(s) == 1 for s in by_outlet.values())
    assert Counter(d["split"] for d in docs)["test"] >= 80


def test_corpus_size_and_double_annotation_share():
    items = sum(1 for _ in (CORPUS / "sentences.jsonl").open())
    docs = sum(1 for _ in (CORPUS / "documents.jsonl").open())
    second = json.loads((CORPUS / "assignments.json").read_text())["second"]
    assert items >= 4000 and docs >= 400
    assert len(second) / docs >= 0.15


def test_annotated_offsets_still_point_at_the_same_text(shared_data):
    c = corpus.load(CORPUS)
    for ref in c.refs("train")[:12]:
        doc = load_document(shared_data, ref)
        for item in c.items[ref]:
            text = doc.title if item.field == "title" else doc.text
            assert sentence_hash(text[item.start:item.end]) == item.sha1, (ref, item.id)
