"""Training examples from the corpus: each item's text, the rule coder's proposals and its gold labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimgraph.eval.corpus import Corpus, item_statements
from claimgraph.eval.corpus_sources import load_document
from claimgraph.events.learned import GATE, LABELS, SentenceInput
from claimgraph.model import Record


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


def label_matrix(exs: list[Example]) -> list[list[int]]:
    """Rows of 0/1 per label in LABELS order."""
    return [[int(label in e.labels) for label in LABELS] for e in exs]
