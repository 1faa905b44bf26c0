"""Tracked questions ("Will Belarus join the war?") and their evidence boards."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any

from claimgraph.analysis.evidence import Verdict, judge, related_types  # noqa: F401
from claimgraph.analysis.rows import actor_key, json_ready, to_date
from claimgraph.analysis.source import load_rows
from claimgraph.model import PLOVER_TYPES, stable_id

BOARD_GROUPS = ("asserted", "future", "negated", "hypothetical", "question")


class QuestionError(ValueError):
    """A question that cannot be parsed or stored."""


@dataclass
class Question:
    """A question an analyst follows: did/will ACTOR do TYPE (to RECIPIENT) by DEADLINE?"""

    id: str
    text: str
    actor: str
    event_type: str
    recipient: str | None = None
    deadline: dt.date | None = None
    source_document: str | None = None
    created_at: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the question as a JSON-ready dict."""
        return json_ready(asdict(self))


def new_question(text: str, actor: str, event_type: str, recipient: str | None = None,
                 deadline: dt.date | str | None = None,
                 source_document: str | None = None) -> Question:
    """Build a validated question; its id is stable for the same wording and coding."""
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question has no text")
    actor = (actor or "").strip().upper()
    if not actor:
        raise QuestionError("the question has no actor (give --actor, e.g. BLR)")
    event_type = (event_type or "").strip().upper()
    if event_type not in PLOVER_TYPES:
        raise QuestionError(f"unknown event type {event_type!r}; use one of {', '.join(PLOVER_TYPES)}")
    recipient = recipient.strip().upper() if recipient and recipient.strip() else None
    parsed_deadline = to_date(deadline) if deadline else None
    if deadline and parsed_deadline is None:
        raise QuestionError(f"deadline is not an ISO date: {deadline!r}")
    qid = stable_id("question", text.lower(), actor, event_type, recipient)
    return Question(qid, text, actor, event_type, recipient, parsed_deadline, source_document,
                    dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0))


# -- parsing -----------------------------------------------------------------------------------

@dataclass
class ParsedQuestion:
    """What the coder reads in a question's wording."""

    actor: str | None
    event_type: str | None
    recipient: str | None
    deadline: dt.date | None
    trigger: str | None = None


def parse_question(text: str, today: dt.date | None = None, nlp: Any = None, resolver: Any = None,
                   coder: Any = None, claims: Any = None) -> ParsedQuestion:
    """Code a question's wording with the pipeline's own pieces: actor, type, recipient, deadline.

    The pieces default to the pipeline's (`claimgraph.nlp.load()`, `ActorResolver.default()`,
    `EventCoder.default()`, `ClaimLayer()`); the deadline is the end of the time the text gives.
    """
    if nlp is None:
        from claimgraph import nlp as backbone
        nlp = backbone.load()
    if resolver is None:
        from claimgraph.actors import ActorResolver
        resolver = ActorResolver.default()
    if coder is None:
        from claimgraph.events import EventCoder
        coder = EventCoder.default()
    if claims is None:
        try:
            from claimgraph.claims import ClaimLayer
            claims = ClaimLayer()
        except ImportError:
            claims = None
    today = today or dt.date.today()
    doc = nlp(text)
    mentions = resolver.find(doc, today)
    best = None
    for sent in doc.sents:
        for match in coder.code(sent, mentions):
            if match.actors and (best is None or _score(match) > _score(best)):
                best = match
    if best is None:
        return ParsedQuestion(None, None, None, None)
    deadline = None
    if claims is not None:
        analysis = claims.analyze(doc, mentions, today, headline=True)
        when = analysis.when(best.trigger)
        if when is not None:
            deadline = to_date(when.end) or to_date(when.start)
    return ParsedQuestion(
        actor=_spec(best.actors), event_type=best.type,
        recipient=_spec(best.recipients) if best.recipients else None,
        deadline=deadline, trigger=best.trigger_text)


def _score(match: Any) -> tuple:
    return (bool(match.recipients), float(match.confidence or 0.0))


def _spec(mentions: list[Any]) -> str | None:
    """The filter spec of the first resolved mention: its country code, or an IGO's acronym."""
    for m in mentions:
        if m.code == "IGO" and getattr(m, "org", None):
            return str(m.org).upper()
        if m.code:
            return str(m.code).upper()
    return None


# -- storage -----------------------------------------------------------------------------------

class QuestionBook:
    """The questions kept in a store's database, in a table of their own."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def _has_table(self) -> bool:
        rows = self.store.sql("SELECT count(*) AS n FROM information_schema.tables "
                              "WHERE table_name = ?", ["questions"])
        return bool(rows and rows[0]["n"])

    def _ensure(self, session: Any) -> None:
        session.script(resources.files("claimgraph.analysis").joinpath("questions.sql")
                       .read_text("utf-8"))

    def add(self, question: Question) -> Question:
        """Save a question (replacing one with the same id) and return it."""
        if getattr(self.store, "read_only", False):
            raise QuestionError("the store is open read-only")
        with self.store.session(write=True) as s:
            self._ensure(s)
            s.execute("BEGIN TRANSACTION")
            s.execute("DELETE FROM questions WHERE id = ?", [question.id])
            s.execute("INSERT INTO questions (id, text, actor, event_type, recipient, deadline, "
                      "source_document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [question.id, question.text, question.actor, question.event_type,
                       question.recipient, question.deadline, question.source_document,
                       question.created_at])
            s.execute("COMMIT")
        return question

    def remove(self, qid: str) -> bool:
        """Delete a question by id (or unique id prefix); return whether it existed."""
        question = self.get(qid)
        if question is None:
            return False
        with self.store.session(write=True) as s:
            s.execute("DELETE FROM questions WHERE id = ?", [question.id])
        return True

    def all(self) -> list[Question]:
        """Return every question, oldest first."""
        if not self._has_table():
            return []
        rows = self.store.sql("SELECT * FROM questions ORDER BY created_at, id")
        return [_question(r) for r in rows]

    def get(self, qid: str) -> Question | None:
        """Return the question with this id or unique id prefix, or None."""
        if not qid or not self._has_table():
            return None
        rows = self.store.sql("SELECT * FROM questions WHERE id LIKE ? ORDER BY id",
                              [qid.lower().replace("%", "").replace("_", "") + "%"])
        if len(rows) > 1:
            exact = [r for r in rows if r["id"] == qid]
            if not exact:
                raise QuestionError(f"question id {qid!r} is ambiguous")
            rows = exact
        return _question(rows[0]) if rows else None


def _question(row: dict[str, Any]) -> Question:
    created = row.get("created_at")
    return Question(id=row["id"], text=row["text"], actor=row["actor"],
                    event_type=row["event_type"], recipient=row.get("recipient"),
                    deadline=to_date(row.get("deadline")),
                    source_document=row.get("source_document"),
                    created_at=created if isinstance(created, dt.datetime) else None)


# -- evidence ----------------------------------------------------------------------------------

def matches_question(row: dict[str, Any], question: Question,
                     window_start: dt.date | None = None) -> bool:
    """True when a statement row settles or supports the question: its actor, recipient, type
    and time (in the window from `window_start` to the deadline) all match (analysis.evidence)."""
    return judge(row, question, window_start).settles


def claimant_label(row: dict[str, Any]) -> str:
    """Who makes a statement's claim: its claimant, else the outlet that publishes it."""
    if row.get("claimant_text"):
        return " ".join(str(row["claimant_text"]).split())
    outlet = row.get("credited_source") or row.get("site")
    return f"{outlet} (article)" if outlet else "the article"


def prediction_deadline(row: dict[str, Any]) -> dt.date | None:
    """The date by which a prediction says the event happens (the end of its `when`)."""
    return row.get("when_end") or row.get("when_start")


def made_on(row: dict[str, Any]) -> dt.date | None:
    """The date a statement was made: its document's publication date, else its event date."""
    return row.get("published_date") or row.get("event_date")


class OutcomeIndex:
    """Asserted statements by (type, actor) for checking whether predictions came true."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self._by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            if row.get("status") != "asserted" or row.get("event_date") is None:
                continue
            for a in {actor_key(x) for x in row.get("actors") or []}:
                self._by_key[(row.get("event_type"), a)].append(row)

    def confirming(self, prediction: dict[str, Any],
                   accept: Any = None) -> dict[str, Any] | None:
        """The earliest asserted report of the predicted event made on or after the prediction
        and dated by its deadline, or None.

        The report must involve every actor of the prediction ("Belarus will join the war
        together with Russian troops" is not borne out by Russia alone) and share a recipient
        where the prediction names one; `accept(row)` may narrow it further.
        """
        start = made_on(prediction)
        deadline = prediction_deadline(prediction)
        actors = {actor_key(x) for x in prediction.get("actors") or []}
        recipients = {actor_key(x) for x in prediction.get("recipients") or []}
        best = None
        seen: set[int] = set()
        for a in actors:
            for row in self._by_key.get((prediction.get("event_type"), a), ()):
                if id(row) in seen:
                    continue
                seen.add(id(row))
                date = row["event_date"]
                if start is not None and date < start:
                    continue
                if deadline is not None and date > deadline:
                    continue
                if row["document_id"] == prediction["document_id"]:
                    continue
                row_recipients = {actor_key(x) for x in row.get("recipients") or []}
                participants = {actor_key(x) for x in row.get("actors") or []} | row_recipients
                if not actors <= participants:
                    continue
                if recipients and not recipients & row_recipients:
                    continue
                if accept is not None and not accept(row):
                    continue
                if best is None or date < best["event_date"]:
                    best = row
        return best


def prediction_outcome(prediction: dict[str, Any], index: OutcomeIndex, today: dt.date,
                       accept: Any = None) -> tuple[str, dict[str, Any] | None]:
    """Return ("came-true" | "expired" | "open", the confirming report or None)."""
    confirmation = index.confirming(prediction, accept)
    if confirmation is not None:
        return "came-true", confirmation
    deadline = prediction_deadline(prediction)
    if deadline is not None and deadline < today:
        return "expired", None
    return "open", None


def claimant_records(rows: Iterable[dict[str, Any]], index: OutcomeIndex,
                     today: dt.date) -> dict[str, dict[str, int]]:
    """For each claimant, how their predictions (status future) turned out."""
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        if row.get("status") != "future":
            continue
        outcome, _ = prediction_outcome(row, index, today)
        rec = out.setdefault(claimant_label(row),
                             {"predictions": 0, "came-true": 0, "expired": 0, "open": 0})
        rec["predictions"] += 1
        rec[outcome] += 1
    return out


def evidence_board(question: Question, rows: list[dict[str, Any]], today: dt.date | None = None,
                   all_rows: list[dict[str, Any]] | None = None,
                   related_limit: int | None = None,
                   window_start: dt.date | None = None) -> dict[str, Any]:
    """Return the question's evidence board from statement rows.

    Evidence (`groups`, by status) is the statements whose actor, recipient, type and time all
    match the question; near misses that fail one criterion (another or no recipient, a related
    event type, a time past the deadline, a non-state actor of the country) are listed apart in
    `related` (closest first, at most `related_limit`; `related_counts` counts them all by the
    criterion they miss) and never decide the question. The question's window runs from
    `window_start` (see `board_window_start`; open when None) to its deadline. Every item carries `why`: a reason per
    criterion. `rows` need only hold candidates (e.g. the store's rows for the actor, with the
    question's type and its related types); `all_rows`, when given, is the wider set claimants'
    past predictions are scored on (default: `rows`).
    """
    today = today or dt.date.today()
    matched: list[tuple[dict[str, Any], Verdict]] = []
    near: list[tuple[dict[str, Any], Verdict]] = []
    for row in rows:
        verdict = judge(row, question, window_start)
        if verdict.settles:
            matched.append((row, verdict))
        elif verdict.near_miss:
            near.append((row, verdict))
    index = OutcomeIndex(all_rows if all_rows is not None else rows)
    groups: dict[str, list[dict[str, Any]]] = {g: [] for g in BOARD_GROUPS}
    claimants: set[str] = set()
    for row, verdict in matched:
        entry = board_entry(row, verdict)
        if row.get("status") == "future":
            # On a question's board, only a report that answers the question bears it out.
            outcome, confirmation = prediction_outcome(
                row, index, today, accept=lambda r: matches_question(r, question, window_start))
            entry["deadline"] = _iso(prediction_deadline(row))
            entry["outcome"] = outcome
            entry["confirmed_by"] = (board_entry(confirmation) if confirmation else None)
        groups.setdefault(row.get("status") or "asserted", []).append(entry)
        claimants.add(claimant_label(row))
    # Closest first: a missing or other recipient, then a related type, a time, a sector.
    near.sort(key=lambda rv: (CRITERIA_ORDER.index(rv[1].failed[0]),
                              -(made_on(rv[0]) or dt.date.min).toordinal()))
    related_counts = {c: 0 for c in CRITERIA_ORDER}
    for _, verdict in near:
        related_counts[verdict.failed[0]] += 1
    shown = near if related_limit is None else near[:related_limit]
    related = [{**board_entry(r, v), "missed": v.failed[0]} for r, v in shown]
    record_rows = all_rows if all_rows is not None else rows
    records = claimant_records(record_rows, index, today)
    if any(r.get("status") == "asserted" for r, _ in matched):
        state = "happened"
    elif question.deadline is not None and question.deadline < today:
        state = "expired"
    else:
        state = "open"
    return {
        "question": question.to_dict(),
        "state": state,
        "as_of": today.isoformat(),
        "window": {"start": _iso(window_start), "end": _iso(question.deadline)},
        "counts": {g: len(v) for g, v in groups.items()},
        "reports": len({r["document_id"] for r, _ in matched}),
        "groups": groups,
        "related": related,
        "related_total": len(near),
        "related_counts": related_counts,
        "claimants": [{"claimant": c, **records.get(c, {"predictions": 0, "came-true": 0,
                                                       "expired": 0, "open": 0})}
                      for c in sorted(claimants)],
    }


#: near misses a board from the store lists (a question about a belligerent has thousands)
RELATED_SHOWN = 100


def board_window_start(store: Any, question: Question) -> dt.date | None:
    """Where a question's window opens: at the publication of the headline that asked it, else
    at the earliest publication in the store. History the news mentions in passing ("since
    1992") does not answer what the news asks."""
    if question.source_document:
        rows = store.sql("SELECT published_date FROM documents WHERE id = ?",
                         [question.source_document])
        if rows and rows[0]["published_date"]:
            return to_date(rows[0]["published_date"])
    rows = store.sql("SELECT min(published_date) AS d FROM documents")
    return to_date(rows[0]["d"]) if rows else None


def board_from_store(store: Any, question: Question, as_of: dt.date | None = None,
                     related_limit: int | None = RELATED_SHOWN) -> dict[str, Any]:
    """Build a question's evidence board from the store: candidates are the statements of the
    question's actor of its type and related types; claimants are scored on every statement of
    the type; the closest `related_limit` near misses are listed (all are counted)."""
    candidates = load_rows(store, actor=question.actor,
                           type=[question.event_type, *related_types(question.event_type)])
    scored = load_rows(store, type=question.event_type)
    return evidence_board(question, candidates, today=as_of, all_rows=scored,
                          related_limit=related_limit,
                          window_start=board_window_start(store, question))


#: the order near misses are listed in, by the criterion they miss
CRITERIA_ORDER = ("recipient", "type", "time", "actor")


def board_entry(row: dict[str, Any], verdict: Verdict | None = None) -> dict[str, Any]:
    """One statement as the board shows it: what, who claims it, through whom, when, where from,
    and (given its verdict) why it is on the board."""
    entry = json_ready({
        "statement_id": row["id"], "document_id": row["document_id"],
        "evidence": row.get("evidence"), "status": row.get("status"),
        "hedged": bool(row.get("hedged")), "event_type": row.get("event_type"),
        "actors": [a.get("text") for a in row.get("actors") or []],
        "recipients": [a.get("text") for a in row.get("recipients") or []],
        "claimant": claimant_label(row), "claimant_cue": row.get("claimant_cue"),
        "via": [r.get("text") for r in row.get("via") or []],
        "when": row.get("when_text"), "when_label": row.get("when_label"),
        "event_date": row.get("event_date"),
        "date": made_on(row), "title": row.get("title"), "url": row.get("url"),
        "site": row.get("site"), "headline": row.get("sentence") == -1,
        "actor_codes": [_code_text(a) for a in row.get("actors") or []],
        "recipient_codes": [_code_text(a) for a in row.get("recipients") or []],
    })
    if verdict is not None:
        entry["why"] = verdict.why()
        entry["why_text"] = verdict.why_text()
    return entry


def _code_text(actor: dict[str, Any]) -> str | None:
    """An actor's code as the filters write it: "BLR GOV", "IGO NATO", or None when unresolved."""
    if actor.get("code") == "IGO" and actor.get("org"):
        return f"IGO {actor['org']}"
    parts = [str(x) for x in (actor.get("code"), actor.get("sector")) if x]
    return " ".join(parts) if actor.get("code") else None


def headline_candidates(rows: Iterable[dict[str, Any]],
                        known: Iterable[Question] = ()) -> list[dict[str, Any]]:
    """Headlines that ask a codable question (status question, sentence -1), not yet tracked."""
    tracked = {(q.actor, q.event_type, q.recipient) for q in known}
    seen: set[tuple] = set()
    out = []
    for row in rows:
        if row.get("sentence") != -1 or row.get("status") != "question":
            continue
        actor = _row_spec(row.get("actors") or [])
        if actor is None:
            continue
        recipient = _row_spec(row.get("recipients") or [])
        key = (actor, row.get("event_type"), recipient)
        if key in seen:
            continue
        seen.add(key)
        out.append(json_ready({
            "text": row.get("title") or row.get("evidence"), "actor": actor,
            "event_type": row.get("event_type"), "recipient": recipient,
            "deadline": row.get("when_end") or row.get("when_start"),
            "document_id": row["document_id"], "date": made_on(row),
            "tracked": key in tracked,
        }))
    return out


def _row_spec(actors: list[dict[str, Any]]) -> str | None:
    for a in actors:
        if a.get("code") == "IGO" and a.get("org"):
            return str(a["org"]).upper()
        if a.get("code"):
            return str(a["code"]).upper()
    return None


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
