"""Whether a statement answers a tracked question, criterion by criterion, and why.

A question ("Will Russia attack Moldova?" = RUS ASSAULT MDA, perhaps with a deadline) is settled
or supported only by a statement whose actor is the asked actor, whose recipient is the asked
recipient (a statement naming no recipient cannot answer a question that names one), whose event
type is the asked type and whose time falls in the question's window (on or before its deadline).
A statement that fails exactly one of these is a near miss: shown apart as related, never as
evidence. Every verdict carries a short reason per criterion so the board can show why.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from claimgraph.model import to_date

CRITERIA = ("actor", "recipient", "type", "time")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_COUNTRY_SECTOR = re.compile(r"^([A-Z]{3})([A-Z]{3})$")


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The question rules of questions.yaml: state sectors and related event types."""
    text = resources.files("claimgraph.analysis").joinpath("questions.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return {"state_sectors": frozenset(data.get("state_sectors") or ()),
            "related_types": {k: tuple(v or ()) for k, v in (data.get("related_types") or {}).items()}}


def related_types(event_type: str) -> tuple[str, ...]:
    """Event types whose statements bear on a question about `event_type`."""
    return rules()["related_types"].get(event_type, ())


@dataclass(frozen=True)
class ActorSpec:
    """An actor as a question names it: a country ("BLR"), a country and sector ("BLR GOV",
    "BLRGOV", "BLR/GOV") or an organisation ("NATO", "IGO NATO")."""

    asked: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None

    @classmethod
    def parse(cls, spec: str) -> "ActorSpec":
        """Read a spec the way the store's actor filters read it."""
        key = re.sub(r"[^A-Za-z0-9]", "", spec or "").upper()
        if not key:
            raise ValueError(f"empty actor code: {spec!r}")
        if key.startswith("IGO") and len(key) > 3:
            return cls(key[3:], org=key[3:])
        if _COUNTRY.match(key):
            # three letters are a country code, or the acronym of an organisation (IMF, WHO)
            return cls(key, country=key, org=key)
        if m := _COUNTRY_SECTOR.match(key):
            return cls(key, country=m.group(1), sector=m.group(2))
        return cls(key, org=key)

    def matches(self, actor: Mapping[str, Any], state_only: bool = False) -> bool:
        """True when `actor` ({code, sector, org}) is this spec.

        A bare country code is matched by that country's actors of any sector, or with
        `state_only` by its state alone (no sector or a state sector: government, military,
        police, intelligence, judiciary), never by a text that merely names the country.
        """
        code = str(actor.get("code") or "").upper()
        sector = str(actor.get("sector") or "").upper()
        org = str(actor.get("org") or "").upper()
        if self.org and code == "IGO" and org == self.org:
            return True
        if not self.country or code != self.country:
            return False
        if self.sector:
            return sector == self.sector
        return not state_only or not sector or sector in rules()["state_sectors"]


@dataclass(frozen=True)
class Check:
    """One criterion of a verdict: whether it holds and a short reason ("actor ✓ RUS ...")."""

    criterion: str
    ok: bool
    detail: str

    @property
    def reason(self) -> str:
        """The criterion, a tick or a cross, and what was found."""
        return f"{self.criterion} {'✓' if self.ok else '✗'} {self.detail}"

    def to_dict(self) -> dict[str, Any]:
        """Return the check as a JSON-ready dict."""
        return {"criterion": self.criterion, "ok": self.ok, "reason": self.reason}


@dataclass(frozen=True)
class Verdict:
    """How a statement measures up to a question."""

    checks: tuple[Check, ...]
    status: str
    related_type: bool

    @property
    def failed(self) -> list[str]:
        """The criteria the statement fails."""
        return [c.criterion for c in self.checks if not c.ok]

    @property
    def settles(self) -> bool:
        """True when every criterion holds: the statement is evidence on the question."""
        return not self.failed

    @property
    def near_miss(self) -> bool:
        """True when exactly one criterion fails (a type only when it is a related type)."""
        failed = self.failed
        return len(failed) == 1 and (failed != ["type"] or self.related_type)

    def why(self) -> list[dict[str, Any]]:
        """The reasons, one per criterion, then the statement's status."""
        return [c.to_dict() for c in self.checks] + [
            {"criterion": "status", "ok": True, "reason": f"status {self.status}"}]

    def why_text(self) -> str:
        """The reasons on one line."""
        return " · ".join(r["reason"] for r in self.why())


def judge(row: Mapping[str, Any], question: Any, window_start: dt.date | None = None) -> Verdict:
    """Check a statement row against a question (anything with actor, event_type, recipient,
    deadline), criterion by criterion; the question's window runs from `window_start` (open
    when None) to its deadline (open when None), and a statement's time must lie wholly in it."""
    wanted_type = question.event_type
    got_type = row.get("event_type")
    status = row.get("status") or "asserted"
    checks = (
        _participant_check("actor", row.get("actors") or [], question.actor, state_only=True),
        _participant_check("recipient", row.get("recipients") or [], question.recipient,
                           state_only=False),
        Check("type", got_type == wanted_type,
              str(got_type) if got_type == wanted_type else f"{got_type}, asked {wanted_type}"),
        _time_check(row, window_start, question.deadline, status),
    )
    return Verdict(checks, status, got_type in related_types(wanted_type))


def _participant_check(role: str, actors: Iterable[Mapping[str, Any]], asked: str | None,
                       state_only: bool) -> Check:
    actors = list(actors)
    if not asked:
        return Check(role, True, "any (none asked)")
    spec = ActorSpec.parse(asked)
    for a in actors:
        if spec.matches(a, state_only=state_only):
            return Check(role, True, f"{spec.asked}: {_describe(a)}")
    if not actors:
        return Check(role, False, f"none, asked {spec.asked}")
    return Check(role, False, f"{', '.join(_describe(a) for a in actors)}, asked {spec.asked}")


def _describe(actor: Mapping[str, Any]) -> str:
    text = " ".join(str(actor.get("text") or "?").split())
    if actor.get("code") == "IGO" and actor.get("org"):
        code = str(actor["org"])
    else:
        code = " ".join(str(x) for x in (actor.get("code"), actor.get("sector")) if x) or "no code"
    return f"{text} ({code})"


def statement_time(row: Mapping[str, Any], status: str) -> tuple[dt.date | None, dt.date | None]:
    """The time a statement puts its event at: its `when`, else (except for a prediction, whose
    time is its horizon) the event date the store gives it (the publication date)."""
    start, end = to_date(row.get("when_start")), to_date(row.get("when_end"))
    if start is None and end is None and status != "future":
        start = end = to_date(row.get("event_date"))
    return start or end, end or start


def _time_check(row: Mapping[str, Any], window_start: dt.date | None, deadline: dt.date | None,
                status: str) -> Check:
    start, end = statement_time(row, status)
    window = _window_text(window_start, deadline)
    if start is None:
        if status == "future":
            return Check("time", True, f"in window (no horizon given; {window})")
        if window_start is None and deadline is None:
            return Check("time", True, f"in window (undated; {window})")
        return Check("time", False, f"undated, window {window}")
    shown = _span_text(row, start, end)
    if window_start is not None and start < window_start:
        where = "before" if end < window_start else "starts before"
        return Check("time", False, f"{shown} {where} the window ({window})")
    if deadline is not None and end > deadline:
        where = "after deadline" if start > deadline else "runs past deadline"
        return Check("time", False, f"{shown} {where} {deadline}")
    return Check("time", True, f"in window ({shown}; {window})")


def _window_text(start: dt.date | None, deadline: dt.date | None) -> str:
    if start is None and deadline is None:
        return "no deadline"
    if start is None:
        return f"deadline {deadline}"
    return f"from {start}" + (f", deadline {deadline}" if deadline else ", no deadline")


def _span_text(row: Mapping[str, Any], start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return "undated"
    label = row.get("when_label")
    if label and row.get("when_start"):
        return str(label)
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


