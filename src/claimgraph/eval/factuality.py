"""Score the status reader on event-factuality data (MEANTIME/UW jsonl, labels -3..+3).

Gold classes by the label: `pos` (label >= 1, happened or will), `neg` (label <= -1, did not
happen) and `uncertain` (in between).  Predicted class from our status: asserted and future -> pos,
negated -> neg, hypothetical/question -> uncertain.  Future counts as positive because the scale
measures the author's commitment, and both corpora rate committed predictions as factual (on the
train splits, events under "will" average +2.4 on UW and +2.8 on MEANTIME).
For MAE: asserted +3, future +2, negated -3 (each halved when hedged), others 0.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.claims.status import StatusReader

CLASSES = ("pos", "uncertain", "neg")


@dataclass
class Item:
    """One sentence with its predicate targets (token index, label)."""

    words: list[str]
    targets: list[tuple[int, float]]


@dataclass
class FactualityScores:
    """Confusion counts and absolute error."""

    confusion: Counter = field(default_factory=Counter)
    abs_error: float = 0.0
    n: int = 0

    def accuracy(self) -> float:
        """Share of targets whose predicted class equals the gold class."""
        ok = sum(v for (g, p), v in self.confusion.items() if g == p)
        return ok / self.n if self.n else 0.0

    def per_class(self) -> dict[str, dict[str, float]]:
        """Precision, recall and support per class."""
        out = {}
        for c in CLASSES:
            tp = self.confusion[(c, c)]
            gold = sum(v for (g, _), v in self.confusion.items() if g == c)
            pred = sum(v for (_, p), v in self.confusion.items() if p == c)
            out[c] = {"precision": round(tp / pred, 4) if pred else 0.0,
                      "recall": round(tp / gold, 4) if gold else 0.0, "gold": gold, "predicted": pred}
        return out

    def macro_f1(self) -> float:
        """Mean F1 over the three classes that occur in the gold."""
        f1s = []
        for c, v in self.per_class().items():
            if v["gold"]:
                p, r = v["precision"], v["recall"]
                f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        return sum(f1s) / len(f1s) if f1s else 0.0

    def majority(self) -> dict[str, float | str]:
        """The always-the-commonest-gold-class baseline: its class, accuracy and macro F1."""
        gold = Counter()
        for (g, _), v in self.confusion.items():
            gold[g] += v
        if not gold:
            return {"class": "", "accuracy": 0.0, "macro_f1": 0.0}
        top, count = gold.most_common(1)[0]
        p = count / self.n
        # F1 of the majority class, zero for the others, averaged over the gold classes
        return {"class": top, "accuracy": round(p, 4),
                "macro_f1": round((2 * p / (p + 1)) / len(gold), 4)}

    def mae(self) -> float:
        """Mean absolute error of the numeric mapping."""
        return self.abs_error / self.n if self.n else 0.0


def gold_class(label: float) -> str:
    """Map a -3..+3 factuality label to pos / uncertain / neg."""
    if label >= 1.0:
        return "pos"
    if label <= -1.0:
        return "neg"
    return "uncertain"


def predicted_class(status: str) -> str:
    """Map a claimgraph status to pos / uncertain / neg."""
    return {"asserted": "pos", "future": "pos", "negated": "neg"}.get(status, "uncertain")


def predicted_value(status: str, hedged: bool) -> float:
    """Map a status (and hedging) onto the -3..+3 scale."""
    base = {"asserted": 3.0, "future": 2.0, "negated": -3.0}.get(status, 0.0)
    return base / 2 if hedged else base


def read_jsonl(path: Path) -> Iterator[Item]:
    """Yield the items of a factuality jsonl file (whitespace-tokenised text, span1 token ranges)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            words = d["text"].split(" ")
            targets = [(int(t["span1"][0]), float(t["label"])) for t in d.get("targets", [])]
            yield Item(words, targets)


def evaluate(items: Iterable[Item], nlp: Language, reader: StatusReader | None = None,
             batch_size: int = 64) -> FactualityScores:
    """Parse each sentence on its gold tokens and score the status of every target predicate."""
    reader = reader or StatusReader()
    items = [it for it in items if it.words and all(it.words)]
    scores = FactualityScores()
    docs = (Doc(nlp.vocab, words=it.words) for it in items)
    for it, doc in zip(items, nlp.pipe(docs, batch_size=batch_size)):
        for i, label in it.targets:
            if not 0 <= i < len(doc):
                continue
            status, hedged = reader.read(doc[i])
            scores.confusion[(gold_class(label), predicted_class(status))] += 1
            scores.abs_error += abs(predicted_value(status, hedged) - label)
            scores.n += 1
    return scores
