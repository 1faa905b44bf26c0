"""Training examples from the corpus: each item's text, the rule coder's proposals and its gold labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claimgraph.clean import make_document

from claimgraph.errors import InputError
from claimgraph.eval.corpus import Corpus, item_statements
from claimgraph.eval.corpus_sources import load_document
from claimgraph.events.learned import GATE, LABELS, SentenceInput
from claimgraph.model import Document, Record
from claimgraph.sources import RawItem


@dataclass
class Example:
    """One corpus item as the classifier sees it, with its gold label set."""

    item: str
    ref: str
    input: SentenceInput
    labels: frozenset[str]


def examples(corpus: Corpus, refs: list[str], data: Path, pipeline) -> list[Example]:
    """Run the rule pipeline over the documents and pair each item's proposals with its gold."""
    docs = [load_document(data, ref) for ref in refs]
    out = []
    for ref, doc, record in zip(refs, docs, pipeline.run_documents(docs)):
        items = corpus.items[ref]
        assigned = item_statements(record, items) if isinstance(record, Record) else {i.id: [] for i in items}
        for item in items:
            text = (doc.title if item.field == "title" else doc.text)[item.start:item.end]
            stmts = assigned[item.id]
            inp = SentenceInput.of(text, [(s.event.type, s.event.trigger) for s in stmts])
            gold = {g.type for g in corpus.gold[item.id]}
            out.append(Example(item.id, ref, inp, frozenset(gold | ({GATE} if gold else set()))))
    return out


def _document(row: dict) -> Document | InputError:
    """The cleaned one-sentence document, or the error (boilerplate such as a newsletter line is
    cleaned away: the rules then propose nothing, and the classifier still learns the item)."""
    try:
        return make_document(RawItem(origin=row["id"], text=row["text"]))
    except InputError as exc:
        return exc


def label_matrix(exs: list[Example]) -> list[list[int]]:
    """Rows of 0/1 per label in LABELS order."""
    return [[int(label in e.labels) for label in LABELS] for e in exs]


def synthetic_examples(folder: Path, pipeline) -> list[Example]:
    """Examples from the generated train-only sentences in FOLDER/*.jsonl (each its own document).

    Their `ref` is the item id, so cross-validation folds never split one; they are for training only
    and are never scored.
    """
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                if row.get("synthetic") and isinstance(row.get("text"), str):
                    rows.append(row)
    docs = [_document(row) for row in rows]
    out = []
    for row, record in zip(rows, pipeline.run_documents(docs)):
        stmts = record.statements if isinstance(record, Record) else []
        inp = SentenceInput.of(row["text"], [(s.event.type, s.event.trigger) for s in stmts])
        gold = {e["type"] for e in row.get("events", [])}
        out.append(Example(row["id"], row["id"], inp, frozenset(gold | ({GATE} if gold else set()))))
    return out
