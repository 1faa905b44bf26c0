"""The output records: documents, statements and attributions (see docs/output-format.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("asserted", "future", "hypothetical", "negated", "question")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def to_date(value: Any) -> dt.date | None:
    """Return the date of an ISO date/datetime string, a date or a datetime; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def stable_id(*parts: object) -> str:
    """Return a short, stable hex id for the given parts."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass
class Document:
    """One cleaned article."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
    credited_source: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)
    source_path: str | None = None


@dataclass
class Event:
    """A coded PLOVER event with its CAMEO equivalent."""

    type: str
    cameo: str
    quad_class: int
    intensity: float
    trigger: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass
class ActorRef:
    """An actor or recipient as it appears in a statement."""

    text: str
    code: str | None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class Claimant:
    """Who the text says makes a claim."""

    text: str
    code: str | None = None
    sector: str | None = None
    cue: str | None = None
    org: str | None = None
    name: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class Relay:
    """One link of a claim's relay chain (an outlet, a spokesperson, an agency)."""

    text: str
    cue: str | None = None
    code: str | None = None
    sector: str | None = None


@dataclass
class When:
    """The event's own time: the range [start, end] (ISO dates) and how precise the text is
    (day, week, month, season, year or range): "in 1941" is 1941-01-01..1941-12-31, year."""

    text: str | None
    start: str | None = None
    end: str | None = None
    granularity: str | None = None


GRANULARITIES = ("day", "week", "month", "season", "year", "range")


def when_granularity(start: str | None, end: str | None, given: str | None = None) -> str | None:
    """The granularity of a time range: `given` when the record has one, else read off the
    range (records written before `when.granularity` existed): a whole year, month, Monday to
    Sunday week, or one day; any other span is a range."""
    if given:
        return given
    a, b = to_date(start), to_date(end)
    if a is None or b is None:
        return "range" if (a or b) else None
    if a == b:
        return "day"
    if a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return "year"
    if (a.year, a.month) == (b.year, b.month) and a.day == 1 and (b + dt.timedelta(days=1)).day == 1:
        return "month"
    if a.weekday() == 0 and (b - a).days == 6:
        return "week"
    return "range"


def when_label(start: str | None, end: str | None, granularity: str | None = None) -> str | None:
    """How to show a time range: "1941", "2022-06", "2022-06-21", else "start..end"."""
    g = when_granularity(start, end, granularity)
    if g is None:
        return None
    if start is None or end is None:
        return f"by {end}" if end else f"from {start}"
    if g == "day":
        return start
    if g == "month":
        return start[:7]
    if g == "year":
        return start[:4]
    if g == "season":
        return f"{start[:7]}..{end[:7]}"
    return f"{start}..{end}"


@dataclass
class Where:
    """The event's place."""

    text: str
    country: str | None = None


@dataclass
class Statement:
    """One coded event claim in a sentence."""

    id: str
    sentence: int
    span: tuple[int, int] | None
    evidence: str
    event: Event
    actor: list[ActorRef]
    recipient: list[ActorRef]
    status: str = "asserted"
    hedged: bool = False
    claimant: Claimant | None = None
    via: list[Relay] = field(default_factory=list)
    when: When | None = None
    where: Where | None = None
    confidence: float = 0.5
    #: the string the actor, recipient and claimant spans index: "text" (document.text), or
    #: "title" (document.title) for a headline statement (sentence -1)
    spans_in: str = "text"


@dataclass
class Attribution:
    """A source-cue-content triple found in the text (character offsets into document.text)."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int] | None
    source_text: str | None = None
    cue_text: str | None = None
    content_text: str | None = None
    source_code: str | None = None
    source_sector: str | None = None
    kind: str | None = None
    via: list[Relay] = field(default_factory=list)


@dataclass
class Record:
    """Everything claimgraph says about one document."""

    document: Document
    statements: list[Statement] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict of the output format."""
        doc = asdict(self.document)
        doc.pop("source_path", None)
        return {
            "document": doc,
            "statements": [_clean(asdict(s)) for s in self.statements],
            "attributions": [_clean(asdict(a)) for a in self.attributions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """Rebuild a record from its output-format dict."""
        d = data["document"]
        document = Document(**{k: d.get(k) for k in Document.__dataclass_fields__ if k in d})
        document.removed = list(d.get("removed") or [])
        statements = [_statement_from_dict(s) for s in data.get("statements", [])]
        attributions = [
            Attribution(**{k: _tuple(v) if k in ("source", "cue", "content") else v
                           for k, v in a.items() if k in Attribution.__dataclass_fields__ and k != "via"},
                        via=[Relay(**r) for r in a.get("via") or []])
            for a in data.get("attributions", [])
        ]
        return cls(document, statements, attributions)


def _tuple(v: Any) -> tuple[int, int] | None:
    return tuple(v) if v is not None else None  # type: ignore[return-value]


def _pick(klass: type, d: dict[str, Any] | None) -> Any:
    if d is None:
        return None
    fields = klass.__dataclass_fields__
    kwargs = {k: v for k, v in d.items() if k in fields}
    if "span" in kwargs:
        kwargs["span"] = _tuple(kwargs["span"])
    return klass(**kwargs)


def _statement_from_dict(s: dict[str, Any]) -> Statement:
    return Statement(
        id=s["id"], sentence=s["sentence"], span=_tuple(s.get("span")), evidence=s["evidence"],
        event=_pick(Event, s["event"]),
        actor=[_pick(ActorRef, a) for a in s.get("actor", [])],
        recipient=[_pick(ActorRef, a) for a in s.get("recipient", [])],
        status=s.get("status", "asserted"), hedged=bool(s.get("hedged")),
        claimant=_pick(Claimant, s.get("claimant")),
        via=[_pick(Relay, r) for r in s.get("via") or []],
        when=_pick(When, s.get("when")), where=_pick(Where, s.get("where")),
        confidence=s.get("confidence", 0.5),
        # records written before the field: a headline's spans were already the title's
        spans_in=s.get("spans_in") or ("title" if s["sentence"] == -1 else "text"),
    )


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Turn tuples into lists so the dict serialises as the documented JSON."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        if isinstance(v, tuple):
            out[k] = list(v)
        elif isinstance(v, dict):
            out[k] = _clean(v)
        elif isinstance(v, list):
            out[k] = [_clean(x) if isinstance(x, dict) else (list(x) if isinstance(x, tuple) else x) for x in v]
        else:
            out[k] = v
    return out
