"""Evaluate the event coder on PLOVER gold-standard records (`claimgraph eval plover-gsr`)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc

from claimgraph.actors.mention import Mention
from claimgraph.errors import InputError
from claimgraph.events.lexicon import DATA
from claimgraph.events.match import EventMatch
from claimgraph.model import PLOVER_TYPES


@dataclass
class GoldRecord:
    """One PLOVER gold record: its text, date, event type and actor/recipient codes."""

    id: str
    text: str
    date: dt.date | None
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    # (code, sector) per participant; sector None where the gold gives none
    actor_roles: frozenset[tuple[str, str | None]] = frozenset()
    recipient_roles: frozenset[tuple[str, str | None]] = frozenset()


@dataclass
class Outcome:
    """What the coder said about one gold record."""

    gold: GoldRecord
    predicted: str | None
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    any_types: frozenset[str] = frozenset()
    actor_roles: frozenset[tuple[str, str | None]] = frozenset()
    recipient_roles: frozenset[tuple[str, str | None]] = frozenset()

    @property
    def type_right(self) -> bool:
        """True when the primary predicted event has the gold type."""
        return self.predicted == self.gold.type


@dataclass
class Report:
    """Per-type and overall scores over a set of outcomes."""

    outcomes: list[Outcome] = field(default_factory=list)

    def per_type(self) -> dict[str, dict[str, float]]:
        """Return precision, recall, F1 and support per gold/predicted type."""
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        for o in self.outcomes:
            if o.type_right:
                tp[o.gold.type] += 1
                continue
            fn[o.gold.type] += 1
            if o.predicted is not None:
                fp[o.predicted] += 1
        out = {}
        for t in PLOVER_TYPES:
            if tp[t] or fp[t] or fn[t]:
                out[t] = _prf(tp[t], fp[t], fn[t]) | {"support": tp[t] + fn[t]}
        return out

    def overall(self) -> dict[str, float]:
        """Return micro-averaged scores, the any-event recall and participant accuracies."""
        n = len(self.outcomes)
        right = [o for o in self.outcomes if o.type_right]
        predicted = sum(1 for o in self.outcomes if o.predicted is not None)
        scores = _prf(len(right), predicted - len(right), n - len(right))
        scores["records"] = n
        scores["coded"] = predicted
        scores["any_event_recall"] = _ratio(sum(o.gold.type in o.any_types for o in self.outcomes), n)
        # country accuracy: the sets of country (or IGO/NGO/IMG) codes are equal, sectors aside
        scores["actor_accuracy"] = _ratio(sum(o.actors == o.gold.actors for o in right), len(right))
        scores["recipient_accuracy"] = _ratio(
            sum(o.recipients == o.gold.recipients for o in right), len(right))
        # strict: the codes are equal and every sector the gold gives is predicted for its code
        scores["actor_strict"] = _ratio(
            sum(o.actors == o.gold.actors and _sectors_ok(o.actor_roles, o.gold.actor_roles)
                for o in right), len(right))
        scores["recipient_strict"] = _ratio(
            sum(o.recipients == o.gold.recipients
                and _sectors_ok(o.recipient_roles, o.gold.recipient_roles) for o in right),
            len(right))
        scores["actor_overlap"] = _ratio(sum(_overlap(o.actors, o.gold.actors) for o in right),
                                         len(right))
        scores["recipient_overlap"] = _ratio(
            sum(_overlap(o.recipients, o.gold.recipients) for o in right), len(right))
        return scores

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {"overall": self.overall(), "per_type": self.per_type()}

    def to_text(self) -> str:
        """Return the report as a plain-text table."""
        lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}"]
        for t, s in self.per_type().items():
            lines.append(f"{t:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                         f"{s['support']:>4}")
        o = self.overall()
        lines.append(f"{'overall':<10} {o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f} "
                     f"{o['records']:>4}")
        lines.append(f"records coded: {o['coded']}/{o['records']}; gold type among all events: "
                     f"{o['any_event_recall']:.3f}")
        lines.append(f"where the type is right: actor country {o['actor_accuracy']:.3f} "
                     f"(strict {o['actor_strict']:.3f}, overlap {o['actor_overlap']:.3f}), "
                     f"recipient country {o['recipient_accuracy']:.3f} "
                     f"(strict {o['recipient_strict']:.3f}, overlap {o['recipient_overlap']:.3f})")
        return "\n".join(lines)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = _ratio(tp, tp + fp)
    r = _ratio(tp, tp + fn)
    return {"precision": p, "recall": r, "f1": _ratio(2 * p * r, p + r)}


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


def _sectors_ok(pred: frozenset[tuple[str, str | None]],
                gold: frozenset[tuple[str, str | None]]) -> bool:
    return all((code, sector) in pred for code, sector in gold if sector)


def _overlap(pred: frozenset[str], gold: frozenset[str]) -> bool:
    return bool(pred & gold) if gold else not pred


def _tables() -> tuple[dict[str, str], dict[str, str]]:
    with (DATA / "plover_gold.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return data["labels"], data["codes"]


def read_gold(path: Path) -> list[GoldRecord]:
    """Read a PLOVER gold file (a JSON list of records); raise InputError if unreadable."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read PLOVER records: {exc}") from exc
    if not isinstance(raw, list):
        raise InputError(str(path), "expected a JSON list of PLOVER records")
    labels, codes = _tables()
    out = []
    for i, rec in enumerate(raw):
        if not isinstance(rec, dict) or not rec.get("text") or not rec.get("event"):
            raise InputError(str(path), f"record {i}: needs `text` and `event`")
        type_ = labels.get(rec["event"], rec["event"])
        if type_ not in PLOVER_TYPES:
            raise InputError(str(path), f"record {i}: unknown event type {rec['event']!r}")
        actors = _roles(rec.get("source"), codes)
        recipients = _roles(rec.get("target"), codes)
        out.append(GoldRecord(
            id=str(rec.get("id", i)), text=rec["text"], date=_date(rec.get("date")), type=type_,
            actors=frozenset(c for c, _ in actors), recipients=frozenset(c for c, _ in recipients),
            actor_roles=actors, recipient_roles=recipients))
    return out


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _roles(value: object, aliases: dict[str, str]) -> frozenset[tuple[str, str | None]]:
    """Gold participants as (code, sector): a list, one mapping, or "" / a mode word (none)."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return frozenset()
    out = set()
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            code = str(a["code"]).strip().upper()
            sector = str(a.get("sector") or "").strip().upper() or None
            out.add((aliases.get(code, code), sector))
    return frozenset(out)


# CAMEO codes transnational actors by kind; claimgraph gives them no country code, so the
# comparison with gold maps an actor the dictionary codes without country to the CAMEO code.
_TRANSNATIONAL = {"REB": "IMG", "NGO": "NGO", "BUS": "MNC"}


def gold_code(m: Mention) -> str | None:
    """The code of a predicted participant in the gold's CAMEO code space (None: uncoded)."""
    if m.code:
        return m.code
    if m.stateless and m.sector in _TRANSNATIONAL:
        return _TRANSNATIONAL[m.sector]
    return None


def _pred_roles(mentions: Sequence[Mention]) -> frozenset[tuple[str, str | None]]:
    return frozenset((c, m.sector) for m in mentions if (c := gold_code(m)))


def primary(events: Sequence[tuple[int, EventMatch]]) -> EventMatch | None:
    """The record's main event: the trigger nearest its sentence root, then the earliest."""
    if not events:
        return None
    return min(events, key=lambda pair: (pair[0], pair[1].trigger))[1]


def code_doc(doc: Doc, mentions: list[Mention], coder: Any) -> list[tuple[int, EventMatch]]:
    """Code every sentence of a parsed doc; return (trigger depth, event) pairs."""
    out = []
    for sent in doc.sents:
        for ev in coder.code(sent, mentions):
            out.append((_depth(doc[ev.trigger]), ev))
    return out


def _depth(tok: Any) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok = tok.head
        d += 1
    return d


def evaluate(records: Iterable[GoldRecord], nlp: Any, resolver: Any, coder: Any) -> Report:
    """Run parser, actor resolver and event coder on each record and compare with gold."""
    records = list(records)
    report = Report()
    for gold, doc in zip(records, nlp.pipe(r.text for r in records)):
        mentions = resolver.find(doc, gold.date)
        events = code_doc(doc, mentions, coder)
        main = primary(events)
        if main is None:
            report.outcomes.append(Outcome(gold, None))
            continue
        actor_roles, recipient_roles = _pred_roles(main.actors), _pred_roles(main.recipients)
        report.outcomes.append(Outcome(
            gold, main.type,
            actors=frozenset(c for c, _ in actor_roles),
            recipients=frozenset(c for c, _ in recipient_roles),
            any_types=frozenset(e.type for _, e in events),
            actor_roles=actor_roles, recipient_roles=recipient_roles))
    return report
