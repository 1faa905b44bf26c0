"""Score records against claimgraph's own annotated corpus (`claimgraph eval corpus SPLIT`).

The corpus (`corpus/` in the repository, rules in `docs/annotation.md`) holds sentence items as
offsets into the cleaned text of shared-data documents and, per item, the gold statements: PLOVER
type, actor, recipient, status, claimant, and whether it is a key statement. Scoring runs the
pipeline on each document and compares, item by item:

- **types**: per item, the set of predicted event types against the gold set (P/R/F1 per type,
  micro and macro);
- **no-event precision**: of the items given no statement, the share with no gold event;
- **participants over all gold statements**: each gold statement is paired one-to-one with a
  predicted statement of its item (same type first); an unpaired gold statement counts as wrong;
- **status** (per class and macro F1) and **claimant** on the type-matched pairs;
- **key-statement recall**: gold key statements with a prediction of the same type, actor and
  recipient countries and status.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.actors.mention import country_key
from claimgraph.errors import InputError
from claimgraph.eval.corpus_sources import load_document, sentence_hash
from claimgraph.model import PLOVER_TYPES, Record, Statement

SPLITS = ("train", "dev", "test")
STATUSES = ("asserted", "future", "hypothetical", "negated", "question")
NONE = "none"


@dataclass(frozen=True)
class Item:
    """One annotated sentence (or headline) of a corpus document."""

    id: str
    ref: str
    field: str
    start: int
    end: int
    sha1: str


@dataclass
class Predicted:
    """A statement reduced to what is scored."""

    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    status: str
    claimant: str | None
    has_claimant: bool


@dataclass
class GoldStatement(Predicted):
    """One gold statement of an item: what is scored, and whether it is a key statement."""

    key: bool = False


@dataclass
class Corpus:
    """The corpus's documents, items and gold statements (items without gold are left out)."""

    split_of: dict[str, str]
    items: dict[str, list[Item]]
    gold: dict[str, list[GoldStatement]]
    no_event: dict[str, str | None] = field(default_factory=dict)

    def refs(self, split: str) -> list[str]:
        """Documents of a split that have at least one annotated item, in a fixed order."""
        return sorted(r for r, s in self.split_of.items() if s == split and self.items.get(r))


def load(corpus_dir: Path, gold_file: str = "gold.jsonl") -> Corpus:
    """Read documents, items and gold annotations; raise InputError naming a malformed file."""
    split_of = {}
    for row in _jsonl(corpus_dir / "documents.jsonl"):
        split_of[row["ref"]] = row["split"]
    by_id: dict[str, Item] = {}
    for row in _jsonl(corpus_dir / "sentences.jsonl"):
        by_id[row["id"]] = Item(row["id"], row["ref"], row["field"], row["start"], row["end"], row["sha1"])
    items: dict[str, list[Item]] = defaultdict(list)
    gold: dict[str, list[GoldStatement]] = {}
    no_event: dict[str, str | None] = {}
    for row in _jsonl(corpus_dir / gold_file):
        item = by_id.get(row.get("id"))
        if item is None:
            raise InputError(str(corpus_dir / gold_file), f"unknown item {row.get('id')!r}")
        items[item.ref].append(item)
        gold[item.id] = [_gold_statement(e) for e in row.get("events") or []]
        no_event[item.id] = row.get("no_event")
    for ref in items:
        items[ref].sort(key=lambda i: (i.field != "title", i.start))
    return Corpus(split_of, dict(items), gold, no_event)


def _gold_statement(e: dict[str, Any]) -> GoldStatement:
    claimant = e.get("claimant")
    return GoldStatement(
        type=e["type"],
        actors=frozenset(c for c in (country_key(p.get("code")) for p in e.get("actor") or []) if c),
        recipients=frozenset(c for c in (country_key(p.get("code")) for p in e.get("recipient") or []) if c),
        status=e.get("status") or "asserted",
        claimant=country_key(claimant.get("code")) if claimant else None,
        has_claimant=claimant is not None,
        key=bool(e.get("key")),
    )


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{path}:{n}", f"not JSON ({exc.msg})") from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be read") from None


def reduce(s: Statement) -> Predicted:
    """What scoring compares of one output statement."""
    return Predicted(
        type=s.event.type,
        actors=frozenset(c for c in (country_key(a.code, a.org) for a in s.actor) if c),
        recipients=frozenset(c for c in (country_key(a.code, a.org) for a in s.recipient) if c),
        status=s.status,
        claimant=country_key(s.claimant.code, s.claimant.org) if s.claimant else None,
        has_claimant=s.claimant is not None,
    )


def item_statements(record: Record, items: list[Item]) -> dict[str, list[Statement]]:
    """Assign a document's statements to its annotated items (headline, or the sentence's offsets)."""
    out: dict[str, list[Statement]] = {i.id: [] for i in items}
    for s in record.statements:
        for item in items:
            if item.field == "title":
                if s.sentence == -1:
                    out[item.id].append(s)
            elif s.sentence >= 0 and s.span and s.span[0] < item.end and item.start < s.span[1]:
                out[item.id].append(s)
                break
    return out


def check_item(record: Record, item: Item) -> bool:
    """True when the item's offsets still hold the text it was annotated on."""
    text = record.document.title if item.field == "title" else record.document.text
    return bool(text) and sentence_hash(text[item.start:item.end]) == item.sha1


@dataclass
class Scores:
    """Counts gathered over items; `report()` turns them into the figures."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    items: int = 0
    gold_statements: int = 0
    actor_right: int = 0
    recipient_right: int = 0
    none_pred: int = 0
    none_pred_right: int = 0
    none_gold: int = 0
    status_pairs: list[tuple[str, str]] = field(default_factory=list)
    claimant_pairs: int = 0
    claimant_right: int = 0
    key_gold: int = 0
    key_found: int = 0
    stale: int = 0

    def add(self, gold: list[GoldStatement], predicted: list[Predicted]) -> None:
        """Score one item."""
        self.items += 1
        gold_types = {g.type for g in gold}
        pred_types = {p.type for p in predicted}
        for t in gold_types & pred_types:
            self.tp[t] += 1
        for t in pred_types - gold_types:
            self.fp[t] += 1
        for t in gold_types - pred_types:
            self.fn[t] += 1
        if not gold:
            self.none_gold += 1
        if not predicted:
            self.none_pred += 1
            self.none_pred_right += not gold
        for g, p in pair(gold, predicted):
            self.gold_statements += 1
            if p is None:
                self.key_gold += g.key
                continue
            self.actor_right += g.actors == p.actors
            self.recipient_right += g.recipients == p.recipients
            if g.type == p.type:
                self.status_pairs.append((g.status, p.status))
                self.claimant_pairs += 1
                self.claimant_right += _same_claimant(g, p)
            if g.key:
                self.key_gold += 1
                self.key_found += (g.type == p.type and g.actors == p.actors
                                   and g.recipients == p.recipients and g.status == p.status)

    def report(self) -> dict[str, Any]:
        """The figures, as a JSON-ready dict."""
        per_type = {}
        for t in PLOVER_TYPES:
            if self.tp[t] or self.fp[t] or self.fn[t]:
                per_type[t] = prf(self.tp[t], self.fp[t], self.fn[t]) | {"support": self.tp[t] + self.fn[t]}
        micro = prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        supported = [v["f1"] for v in per_type.values() if v["support"]]
        status = status_scores(self.status_pairs)
        return {
            "items": self.items,
            "gold_statements": self.gold_statements,
            "type_micro": micro,
            "type_macro_f1": _mean(supported),
            "per_type": per_type,
            "no_event_precision": _ratio(self.none_pred_right, self.none_pred),
            "no_event_recall": _ratio(self.none_pred_right, self.none_gold),
            "no_event_items": self.none_gold,
            "actor_country": _ratio(self.actor_right, self.gold_statements),
            "recipient_country": _ratio(self.recipient_right, self.gold_statements),
            "status": status,
            "claimant": _ratio(self.claimant_right, self.claimant_pairs),
            "key_recall": _ratio(self.key_found, self.key_gold),
            "key_statements": self.key_gold,
            "stale_items": self.stale,
        }


def pair(gold: list[GoldStatement], predicted: list[Predicted]) -> list[tuple[GoldStatement, Predicted | None]]:
    """Pair gold and predicted statements one to one, best agreement first (type, then participants)."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score = (4 * (g.type == p.type) + 2 * (g.actors == p.actors) + (g.recipients == p.recipients)
                     + 0.5 * (g.status == p.status))
            scored.append((score, gi, pi))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = predicted[pi]
    return [(g, out.get(gi)) for gi, g in enumerate(gold)]


def _same_claimant(g: GoldStatement, p: Predicted) -> bool:
    if g.has_claimant != p.has_claimant:
        return False
    return not g.has_claimant or g.claimant == p.claimant


def status_scores(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Per-class P/R/F1 of statuses over (gold, predicted) pairs, macro F1 over the gold classes,
    the same over happened / did not happen / uncertain, and the always-'asserted' baseline."""
    def table(ps: list[tuple[str, str]], classes: Iterable[str]) -> dict[str, Any]:
        per = {}
        for c in classes:
            tp = sum(1 for g, p in ps if g == c and p == c)
            fp = sum(1 for g, p in ps if g != c and p == c)
            fn = sum(1 for g, p in ps if g == c and p != c)
            if tp + fn:
                per[c] = prf(tp, fp, fn) | {"support": tp + fn}
        return {"per_class": per, "macro_f1": _mean([v["f1"] for v in per.values()]),
                "accuracy": _ratio(sum(g == p for g, p in ps), len(ps))}
    three = {"asserted": "happened", "negated": "did not happen", "future": "uncertain",
             "hypothetical": "uncertain", "question": "uncertain"}
    coarse = [(three[g], three.get(p, "uncertain")) for g, p in pairs]
    baseline = [(g, "asserted") for g, _ in pairs]
    return {"five": table(pairs, STATUSES),
            "three": table(coarse, ("happened", "did not happen", "uncertain")),
            "baseline_asserted": table(baseline, STATUSES)["macro_f1"],
            "pairs": len(pairs)}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def _mean(xs: list[float]) -> float:
    return round(sum(xs) / len(xs), 3) if xs else 0.0


Runner = Callable[[list], Iterable[Any]]


def predictions(corpus: Corpus, refs: list[str], data: Path, run: Runner,
                progress: Callable[[int], None] | None = None) -> dict[str, list[Predicted] | None]:
    """Run `run` (cleaned Documents in, Records out) over the documents and reduce each item's
    statements; None marks an item whose text no longer matches its annotation."""
    docs = [load_document(data, ref) for ref in refs]
    out: dict[str, list[Predicted] | None] = {}
    for ref, record in zip(refs, run(docs)):
        if not isinstance(record, Record):
            for item in corpus.items[ref]:
                out[item.id] = None
            continue
        assigned = item_statements(record, corpus.items[ref])
        for item in corpus.items[ref]:
            out[item.id] = [reduce(s) for s in assigned[item.id]] if check_item(record, item) else None
        if progress:
            progress(1)
    return out


def score(corpus: Corpus, predicted: dict[str, list[Predicted] | None], refs: list[str]) -> dict[str, Any]:
    """Score the predictions of the given documents' items."""
    scores = Scores()
    for ref in refs:
        for item in corpus.items[ref]:
            p = predicted.get(item.id)
            if p is None:
                scores.stale += 1
                continue
            scores.add(corpus.gold[item.id], p)
    return scores.report()


def to_text(report: dict[str, Any], title: str) -> str:
    """A readable table of one report."""
    m = report["type_micro"]
    st = report["status"]
    lines = [title, f"items {report['items']}, gold statements {report['gold_statements']}, "
                    f"no-event items {report['no_event_items']}, stale items {report['stale_items']}",
             f"event type micro P {m['p']:.3f} R {m['r']:.3f} F1 {m['f1']:.3f}; macro F1 {report['type_macro_f1']:.3f}",
             f"no-event precision {report['no_event_precision']:.3f} (recall {report['no_event_recall']:.3f})",
             f"actor country {report['actor_country']:.3f}, recipient country {report['recipient_country']:.3f} "
             "(over all gold statements)",
             f"status macro F1 {st['five']['macro_f1']:.3f} (always 'asserted' {st['baseline_asserted']:.3f}); "
             f"3-way {st['three']['macro_f1']:.3f}; on {st['pairs']} type-matched pairs",
             f"claimant {report['claimant']:.3f}; key-statement recall {report['key_recall']:.3f} "
             f"of {report['key_statements']}", "", f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}"]
    for t, v in report["per_type"].items():
        lines.append(f"{t:10} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
    lines.append("")
    lines.append(f"{'status':13} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for c, v in st["five"]["per_class"].items():
        lines.append(f"{c:13} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
    return "\n".join(lines)
