"""Evaluate the coder on PETRARCH's validation records (`claimgraph eval petrarch`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.eval.plover import code_doc, primary

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


@dataclass
class Coding:
    """One expected PETRARCH event: source, target and CAMEO code."""

    source: str
    target: str
    code: str


@dataclass
class Record:
    """One validation sentence and the events PETRARCH is expected to code from it."""

    id: str
    date: dt.date | None
    text: str
    expected: list[Coding]


@dataclass
class Report:
    """Agreement counts over the validation records."""

    with_events: int = 0
    without_events: int = 0
    cameo_roots: int = 0
    coded: int = 0
    root_primary: int = 0
    root_any: int = 0
    source_agree: int = 0
    target_agree: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and rates as JSON-ready data."""
        n = self.with_events or 1
        r = self.root_primary or 1
        return {
            "records_with_events": self.with_events,
            "records_expecting_no_event": self.without_events,
            "records_with_a_cameo_root": self.cameo_roots,
            "records_coded": self.coded,
            "root_agreement": round(self.root_primary / n, 4),
            "root_agreement_any_event": round(self.root_any / n, 4),
            "source_agreement": round(self.source_agree / r, 4) if self.root_primary else 0.0,
            "target_agreement": round(self.target_agree / r, 4) if self.root_primary else 0.0,
            "false_alarms_on_no_event_records": self.false_alarms,
        }

    def to_text(self) -> str:
        """Return the report as text."""
        d = self.to_dict()
        return "\n".join([
            f"records with expected events: {d['records_with_events']} "
            f"({d['records_with_a_cameo_root']} expect a CAMEO root 01-20; the rest expect test "
            f"codes of the validation dictionary)",
            f"coded: {d['records_coded']}",
            f"2-digit CAMEO root agreement (main event): {d['root_agreement']:.3f}",
            f"2-digit CAMEO root agreement (any event):  {d['root_agreement_any_event']:.3f}",
            f"where the root agrees: source code {d['source_agreement']:.3f}, "
            f"target code {d['target_agreement']:.3f}",
            f"records expecting no event: {d['records_expecting_no_event']}, "
            f"of which coded with an event: {d['false_alarms_on_no_event_records']}",
        ])


def read_records(path: Path) -> list[Record]:
    """Read PETRARCH validation XML records; raise InputError if unreadable."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(str(path), f"cannot read validation records: {exc}") from exc
    out = []
    for attrs, body in _SENTENCE.findall(text):
        a = dict(_ATTR.findall(attrs))
        m = _TEXT.search(body)
        if not m:
            continue
        expected = []
        for coding in _CODING.findall(body):
            c = dict(_ATTR.findall(coding))
            if "eventcode" in c:
                expected.append(Coding(c.get("sourcecode", ""), c.get("targetcode", ""),
                                       c["eventcode"]))
        out.append(Record(id=a.get("id", ""), date=_date(a.get("date", "")),
                          text=" ".join(m.group(1).split()), expected=expected))
    if not out:
        raise InputError(str(path), "no <Sentence> records found")
    return out


def _date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def _code(m: Any) -> str:
    return f"{m.code or '---'}{m.sector or ''}"


def evaluate(records: list[Record], nlp: Any, resolver: Any, coder: Any) -> Report:
    """Code each record and compare with PETRARCH's expected codings."""
    report = Report()
    for rec, doc in zip(records, nlp.pipe(r.text for r in records)):
        events = code_doc(doc, resolver.find(doc, rec.date), coder)
        if not rec.expected:
            report.without_events += 1
            report.false_alarms += bool(events)
            continue
        report.with_events += 1
        roots = {c.code[:2] for c in rec.expected}
        report.cameo_roots += any(r.isdigit() and 1 <= int(r) <= 20 for r in roots)
        main = primary(events)
        if main is None:
            report.misses.append(rec.id)
            continue
        report.coded += 1
        report.root_any += any(e.cameo[:2] in roots for _, e in events)
        if main.cameo[:2] not in roots:
            report.misses.append(rec.id)
            continue
        report.root_primary += 1
        expected = [c for c in rec.expected if c.code[:2] == main.cameo[:2]]
        sources = {_code(m) for m in main.actors}
        targets = {_code(m) for m in main.recipients}
        report.source_agree += any(c.source in sources for c in expected)
        report.target_agree += any(c.target in targets or (c.target == "---" and not targets)
                                   for c in expected)
    return report
