"""Evaluate the coder on PETRARCH's validation records (`claimgraph eval petrarch`)."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.eval.plover import code_doc, primary
from claimgraph.events.petrarch_coder import actor_code

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.DOTALL)
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


@dataclass
class Coding:
    """One expected PETRARCH event: source, target and CAMEO code."""

    source: str
    target: str
    code: str


@dataclass
class Record:
    """One validation sentence and the events PETRARCH is expected to code from it.

    `error` is the record's expected error (`storydiscard`, `sentencediscard`, `dateline`,
    `bad_input_parse`): such records, like `noevents` ones, expect no event.
    """

    id: str
    date: dt.date | None
    text: str
    expected: list[Coding]
    error: str | None = None


@dataclass
class Report:
    """Agreement counts over the validation records.

    Denominator: every record with at least one expected event. A record agrees on the root
    when its main event's 2-digit code is the root of one of its expected codes; source and
    target agreement are counted on those records, with PETRARCH-style actor codes.
    """

    with_events: int = 0
    without_events: int = 0
    coded: int = 0
    root_primary: int = 0
    root_any: int = 0
    source_agree: int = 0
    target_agree: int = 0
    expected_events: int = 0
    events_found: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and rates as JSON-ready data."""
        n = self.with_events or 1
        r = self.root_primary or 1
        return {
            "records_with_events": self.with_events,
            "records_expecting_no_event": self.without_events,
            "records_coded": self.coded,
            "root_agreement": round(self.root_primary / n, 4),
            "root_agreement_any_event": round(self.root_any / n, 4),
            "source_agreement": round(self.source_agree / r, 4) if self.root_primary else 0.0,
            "target_agreement": round(self.target_agree / r, 4) if self.root_primary else 0.0,
            "expected_events": self.expected_events,
            "expected_events_found_exactly": self.events_found,
            "false_alarms_on_no_event_records": len(self.false_alarms),
            "false_alarm_ids": list(self.false_alarms),
            "root_misses": list(self.misses),
        }

    def to_text(self) -> str:
        """Return the report as text."""
        d = self.to_dict()
        return "\n".join([
            (f"records with expected events: {d['records_with_events']}, "
             f"coded: {d['records_coded']}"),
            f"2-digit root agreement (main event): {d['root_agreement']:.3f}",
            f"2-digit root agreement (any event):  {d['root_agreement_any_event']:.3f}",
            (f"where the root agrees: source code {d['source_agreement']:.3f}, "
             f"target code {d['target_agreement']:.3f}"),
            (f"expected (source, target, code) events produced exactly: "
             f"{d['expected_events_found_exactly']}/{d['expected_events']}"),
            (f"records expecting no event: {d['records_expecting_no_event']}, "
             f"of which coded with an event: {d['false_alarms_on_no_event_records']} "
             f"({', '.join(d['false_alarm_ids']) or 'none'})"),
            f"root misses ({len(d['root_misses'])}): {_some(d['root_misses'])}",
        ])


def _some(ids: list[str], n: int = 20) -> str:
    shown = ", ".join(ids[:n]) or "none"
    return shown + (f", ... ({len(ids) - n} more)" if len(ids) > n else "")


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
        error = None
        for coding in _CODING.findall(body):
            c = dict(_ATTR.findall(coding))
            if "eventcode" in c:
                expected.append(Coding(c.get("sourcecode", ""), c.get("targetcode", ""),
                                       c["eventcode"]))
            error = error or c.get("error")
        out.append(Record(id=a.get("id", ""), date=_date(a.get("date", "")),
                          text=html.unescape(" ".join(m.group(1).split())), expected=expected,
                          error=error))
    if not out:
        raise InputError(str(path), "no <Sentence> records found")
    return out


def _date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def evaluate(records: list[Record], nlp: Any, resolver: Any, coder: Any) -> Report:
    """Code each record (parsed by spaCy from its text) and compare with the expected codings."""
    report = Report()
    for rec, doc in zip(records, nlp.pipe(r.text for r in records)):
        events = code_doc(doc, resolver.find(doc, rec.date), coder)
        if not rec.expected:
            report.without_events += 1
            if events:
                report.false_alarms.append(rec.id)
            continue
        report.with_events += 1
        produced = {(_codes(e.actors), _codes(e.recipients), e.cameo) for _, e in events}
        report.expected_events += len(rec.expected)
        report.events_found += sum(
            any(c.code == code and (c.source or "---") in src and (c.target or "---") in tgt
                for src, tgt, code in produced)
            for c in rec.expected)
        roots = {c.code[:2] for c in rec.expected}
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
        sources, targets = _codes(main.actors), _codes(main.recipients)
        report.source_agree += any((c.source or "---") in sources for c in expected)
        report.target_agree += any((c.target or "---") in targets for c in expected)
    return report


def _codes(mentions: list[Any]) -> frozenset[str]:
    return frozenset(actor_code(m) for m in mentions) or frozenset({"---"})


_ENV_TAGS = {"Verbfile": "verbs", "Actorfile": "actors", "Agentfile": "actors",
             "Discardfile": "discards"}


def dictionary_files(folder: Path, records_path: Path | None = None) -> dict[str, list[Path]]:
    """The PETRARCH dictionaries to use, by kind: actors (and agents), verbs, discards.

    The records file's `<Environment>` names them (`<Verbfile>`, `<Actorfile>`, `<Agentfile>`,
    `<Discardfile>`), as in PETRARCH's own validation runs; kinds it does not name are every
    `*actors.txt`/`*agents.txt`, `*verbs.txt` and `*discards.txt` file of the folder.
    """
    folder = Path(folder)
    named: dict[str, list[Path]] = {"actors": [], "verbs": [], "discards": []}
    if records_path is not None:
        text = Path(records_path).read_text(encoding="utf-8", errors="replace")
        env = re.search(r"<Environment>(.*?)</Environment>", text, re.DOTALL)
        for tag, name in re.findall(r"<(\w+)>\s*([^<]*?)\s*</\1>", env.group(1) if env else ""):
            if tag in _ENV_TAGS and name:
                named[_ENV_TAGS[tag]].append(folder / name)
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    found = {
        "actors": [p for p in files if p.name.lower().endswith(("actors.txt", "agents.txt"))],
        "verbs": [p for p in files if p.name.lower().endswith("verbs.txt")],
        "discards": [p for p in files if p.name.lower().endswith("discards.txt")],
    }
    out = {kind: named[kind] or found[kind] for kind in found}
    for paths in out.values():
        for p in paths:
            if not p.is_file():
                raise InputError(str(p), "dictionary named by the records file not found")
    return out


def run(records_path: Path, folder: Path, builtin_verbs: bool = False) -> Report:
    """Evaluate on validation records with the folder's PETRARCH dictionaries.

    Actors and agents go through the actor importer; the verb dictionary and discard lists
    drive the PETRARCH pattern coder (codes kept as the dictionary writes them). With
    `builtin_verbs`, claimgraph's own event coder is used instead of the verb dictionary.
    """
    from claimgraph import nlp
    from claimgraph.actors import ActorResolver
    from claimgraph.events import EventCoder
    from claimgraph.events.petrarch_coder import PetrarchCoder

    records = read_records(records_path)
    files = dictionary_files(folder, records_path)
    if not files["actors"]:
        raise InputError(str(folder), "no PETRARCH actors/agents dictionaries (*actors.txt)")
    resolver = ActorResolver.from_files(files["actors"], include_builtin=False)
    if builtin_verbs:
        coder: Any = EventCoder.default()
    else:
        if not files["verbs"]:
            raise InputError(str(folder), "no PETRARCH verb dictionary (*verbs.txt)")
        coder = PetrarchCoder.from_files(files["verbs"], files["discards"], plover_only=False)
    return evaluate(records, nlp.load(), resolver, coder)
