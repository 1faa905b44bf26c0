"""`claimgraph question|clusters|timeline|export`: the analyst's commands over the store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from claimgraph.analysis import clusters as clustering
from claimgraph.analysis import export as exporting
from claimgraph.analysis import questions as q
from claimgraph.analysis.rows import json_ready
from claimgraph.analysis.source import load_rows
from claimgraph.analysis.timelines import DIRECTIONS, UNITS, dyad_timeline
from claimgraph.commands.base import main
from claimgraph.model import PLOVER_TYPES, STATUSES
from claimgraph.store.errors import StoreError
from claimgraph.store.open import ENV_VAR, open_store

_DB = click.option("--db", "db", envvar=ENV_VAR, default=None, metavar="FILE|URL",
                   help="DuckDB file or postgresql:// URL [$CLAIMGRAPH_DB, ./claimgraph.duckdb].")


@contextmanager
def _store(db: str | None, read_only: bool = True) -> Iterator[Any]:
    """Open the store, turning its errors and bad filters into one-line CLI errors."""
    try:
        with open_store(db, read_only=read_only) as store:
            yield store
    except StoreError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(1)
    except q.QuestionError as exc:
        click.echo(f"claimgraph: {exc}", err=True)
        sys.exit(1)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO date (YYYY-MM-DD): {value}") from None


def _echo_json(obj: Any, indent: int | None = None) -> None:
    click.echo(json.dumps(json_ready(obj), ensure_ascii=False, indent=indent))


# -- questions ---------------------------------------------------------------------------------

@main.group("question")
def question_group() -> None:
    """Track questions ("Will Belarus join the war?") and their evidence."""


@question_group.command("add")
@click.argument("text")
@click.option("--actor", metavar="CODE", help="Who would act (BLR, RUS GOV, NATO); else parsed.")
@click.option("--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              help="PLOVER event type; else parsed from the text.")
@click.option("--recipient", metavar="CODE", help="Who it would be done to; else parsed.")
@click.option("--deadline", callback=_date, metavar="DATE", help="Horizon (YYYY-MM-DD); else parsed.")
@click.option("--document", metavar="ID", help="The document whose headline asks it.")
@_DB
def question_add(text: str, actor: str | None, type_: str | None, recipient: str | None,
                 deadline: dt.date | None, document: str | None, db: str | None) -> None:
    """Track the question TEXT; the coder reads actor, type, recipient and deadline from it."""
    if not (actor and type_):
        try:
            parsed = q.parse_question(text)
        except ImportError as exc:
            raise click.UsageError(f"cannot parse the question ({exc}); give --actor and --type") \
                from None
        actor = actor or parsed.actor
        type_ = type_ or parsed.event_type
        recipient = recipient or parsed.recipient
        deadline = deadline or parsed.deadline
    if not actor or not type_:
        raise click.UsageError("could not read an actor and event type in the question; "
                               "give --actor and --type")
    with _store(db, read_only=False) as store:
        question = q.QuestionBook(store).add(
            q.new_question(text, actor, type_, recipient, deadline, document))
    click.echo(f"{question.id}  {_describe(question)}")


@question_group.command("list")
@_DB
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl")), default="table",
              show_default=True)
def question_list(db: str | None, fmt: str) -> None:
    """List tracked questions."""
    with _store(db) as store:
        questions = q.QuestionBook(store).all()
    for question in questions:
        if fmt == "jsonl":
            _echo_json(question.to_dict())
        else:
            click.echo(f"{question.id}  {question.text}\n{' ' * 18}{_describe(question)}")


@question_group.command("candidates")
@_DB
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl")), default="table",
              show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N candidates.")
def question_candidates(db: str | None, fmt: str, limit: int | None) -> None:
    """Offer the questions that ingested headlines ask, as candidates to track."""
    with _store(db) as store:
        rows = load_rows(store, status="question", headline=True)
        found = q.headline_candidates(rows, q.QuestionBook(store).all())
    if not found:
        # in JSONL the output stays empty; the note goes to stderr
        click.echo("no candidate questions", err=fmt == "jsonl")
        return
    for cand in found[:limit]:
        if fmt == "jsonl":
            _echo_json(cand)
            continue
        mark = " (tracked)" if cand["tracked"] else ""
        click.echo(f"{cand['date'] or '-':10}  {cand['text']}{mark}")
        click.echo(f"{'':10}  {cand['actor']} {cand['event_type']} {cand['recipient'] or ''}"
                   f"  document {cand['document_id']}")


@question_group.command("show")
@click.argument("qid", metavar="ID")
@_DB
@click.option("--as-of", "as_of", callback=_date, metavar="DATE",
              help="Judge predictions as of this date [today].")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True)
def question_show(qid: str, db: str | None, as_of: dt.date | None, fmt: str) -> None:
    """Print a question's evidence board: assertions, predictions, denials and claimants' records."""
    with _store(db) as store:
        question = q.QuestionBook(store).get(qid)
        if question is None:
            click.echo(f"claimgraph: no question {qid}", err=True)
            sys.exit(1)
        board = board_for(store, question, as_of)
    if fmt == "json":
        _echo_json(board, indent=2)
        return
    for line in board_lines(board):
        click.echo(line)


@question_group.command("remove")
@click.argument("qid", metavar="ID")
@_DB
def question_remove(qid: str, db: str | None) -> None:
    """Stop tracking a question."""
    with _store(db, read_only=False) as store:
        if not q.QuestionBook(store).remove(qid):
            click.echo(f"claimgraph: no question {qid}", err=True)
            sys.exit(1)


def board_for(store: Any, question: q.Question, as_of: dt.date | None = None) -> dict[str, Any]:
    """Build a question's evidence board from the store."""
    return q.board_from_store(store, question, as_of)


_HEADINGS = (("asserted", "It happened (assertions)"), ("future", "Predictions"),
             ("negated", "Denials"), ("hypothetical", "Conditional"), ("question", "Asked"))


def board_lines(board: dict[str, Any]) -> Iterator[str]:
    """Render an evidence board as text lines."""
    qd = board["question"]
    yield qd["text"]
    yield (f"  {qd['actor']} {qd['event_type']} {qd['recipient'] or ''}"
           f"  deadline {qd['deadline'] or '-'}  state {board['state']} (as of {board['as_of']})")
    yield f"  {board['reports']} reporting document(s)"
    for key, heading in _HEADINGS:
        entries = board["groups"].get(key) or []
        yield ""
        yield f"{heading}: {len(entries)}"
        for e in entries:
            via = (" via " + " > ".join(e["via"])) if e["via"] else ""
            hedge = " (hedged)" if e["hedged"] else ""
            yield f"  - {e['date'] or '-'}  {e['claimant']}{via}{hedge}"
            yield f"    \"{e['evidence']}\""
            yield f"    why: {e['why_text']}"
            if key == "future":
                confirmed = e.get("confirmed_by")
                extra = (f", confirmed by {confirmed['document_id']} ({confirmed['event_date']})"
                         if confirmed else "")
                yield f"    deadline {e['deadline'] or '-'}: {e['outcome']}{extra}"
            yield f"    article {e['document_id']}: {e['title'] or ''} {e['url'] or ''}".rstrip()
    related = board.get("related") or []
    yield ""
    yield (f"Related (near misses, not evidence): {board.get('related_total', len(related))}"
           + "".join(f", {n} miss the {c}" for c, n in (board.get("related_counts") or {}).items()
                     if n))
    for e in related:
        yield f"  - {e['date'] or '-'}  {e['event_type']} {e['status']}  {e['claimant']}"
        yield f"    \"{e['evidence']}\""
        yield f"    why not: {e['why_text']}"
    yield ""
    yield "Claimants' records on predictions of this kind (came true / expired / open):"
    for c in board["claimants"]:
        yield (f"  {c['claimant']}: {c['came-true']} / {c['expired']} / {c['open']}"
               f" of {c['predictions']}")


def _describe(question: q.Question) -> str:
    return (f"{question.actor} {question.event_type} {question.recipient or '-'}"
            f" deadline {question.deadline.isoformat() if question.deadline else '-'}")


# -- clusters, timelines, exports ----------------------------------------------------------------

def _filters(f: Any) -> Any:
    f = click.option("--actor", multiple=True, metavar="CODE", help="Actor code (repeatable).")(f)
    f = click.option("--recipient", multiple=True, metavar="CODE", help="Recipient code.")(f)
    f = click.option("--type", "type_", multiple=True, metavar="TYPE", help="PLOVER event type.")(f)
    f = click.option("--status", multiple=True, type=click.Choice(STATUSES, case_sensitive=False),
                     help="Statement status (repeatable).")(f)
    f = click.option("--since", callback=_date, metavar="DATE", help="Events on or after.")(f)
    f = click.option("--until", callback=_date, metavar="DATE", help="Events on or before.")(f)
    return f


@main.command("clusters")
@_DB
@_filters
@click.option("--window", type=click.IntRange(0, 365), default=clustering.DEFAULT_WINDOW_DAYS,
              show_default=True, help="Days within which reports of one event are merged.")
@click.option("--min-reports", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl")), default="table",
              show_default=True)
def clusters_command(db: str | None, actor: tuple[str, ...], recipient: tuple[str, ...],
                     type_: tuple[str, ...], status: tuple[str, ...], since: dt.date | None,
                     until: dt.date | None, window: int, min_reports: int, fmt: str) -> None:
    """List events: statements reporting the same event merged, with report counts and sources."""
    with _store(db) as store:
        rows = load_rows(store, actor=list(actor), recipient=list(recipient), type=list(type_),
                         status=list(status), since=since, until=until)
    found = [c for c in clustering.cluster_statements(rows, window_days=window)
             if c.report_count >= min_reports]
    for c in found:
        s = c.summary()
        if fmt == "jsonl":
            _echo_json(s)
            continue
        click.echo(f"{s['first_date'] or '-':10}  {','.join(s['actors']) or '?':>10} "
                   f"{s['event_type']:<9} {','.join(s['recipients']) or '-':<10} {s['status']:<12}"
                   f" {s['report_count']:>3} report(s)  {', '.join(s['sites'])}")
    click.echo(f"{len(found)} event(s) from {len(rows)} statement(s)", err=True)


@main.command("timeline")
@click.argument("a")
@click.argument("b")
@_DB
@click.option("--direction", type=click.Choice(DIRECTIONS), default="both", show_default=True,
              help="ab: A acting on B; ba: B on A; both.")
@click.option("--unit", type=click.Choice(UNITS), default="events", show_default=True,
              help="Count events (clusters of reports) or individual statements.")
@click.option("--status", multiple=True, type=click.Choice(STATUSES, case_sensitive=False),
              help="Statuses to count [asserted].")
@click.option("--since", callback=_date, metavar="DATE")
@click.option("--until", callback=_date, metavar="DATE")
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table",
              show_default=True)
def timeline_command(a: str, b: str, db: str | None, direction: str, unit: str,
                     status: tuple[str, ...], since: dt.date | None, until: dt.date | None,
                     fmt: str) -> None:
    """Weekly counts, mean intensity and cooperation vs conflict between actors A and B."""
    with _store(db) as store:
        rows = load_rows(store, actor=[a, b], recipient=[a, b], since=since, until=until)
    result = dyad_timeline(rows, a, b, direction=direction, unit=unit,
                           statuses=[s.lower() for s in status] or ("asserted",))
    if fmt == "json":
        _echo_json(result, indent=2)
        return
    cols = ("week", "count", "ab", "ba", "cooperation", "conflict", "mean_intensity")
    if fmt == "csv":
        click.echo(",".join(cols))
        for w in result["weeks"]:
            click.echo(",".join("" if w[c] is None else str(w[c]) for c in cols))
        return
    click.echo(f"{result['a']}-{result['b']} ({direction}, {unit}): {result['total']} in "
               f"{len(result['weeks'])} week(s)")
    click.echo(f"{'week':10}  {'n':>4} {'A>B':>4} {'B>A':>4} {'coop':>5} {'confl':>5} {'mean':>6}")
    for w in result["weeks"]:
        mean = "" if w["mean_intensity"] is None else f"{w['mean_intensity']:.1f}"
        click.echo(f"{w['week']:10}  {w['count']:>4} {w['ab']:>4} {w['ba']:>4} "
                   f"{w['cooperation']:>5} {w['conflict']:>5} {mean:>6}")


@main.command("export")
@_DB
@_filters
@click.option("--format", "fmt", type=click.Choice(exporting.FORMATS), required=True)
@click.option("--level", type=click.Choice(exporting.LEVELS), default="statements",
              show_default=True, help="One row per statement, or per event cluster.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
def export_command(db: str | None, actor: tuple[str, ...], recipient: tuple[str, ...],
                   type_: tuple[str, ...], status: tuple[str, ...], since: dt.date | None,
                   until: dt.date | None, fmt: str, level: str, output: str) -> None:
    """Export statements or event clusters as JSONL, CSV, Parquet or GDELT 2.0 event-table CSV."""
    filtered = any((actor, recipient, type_, status, since, until))
    with _store(db) as store:
        rows = load_rows(store, actor=list(actor), recipient=list(recipient), type=list(type_),
                         status=list(status), since=since, until=until)
        records = None
        if fmt == "jsonl" and level == "statements" and not filtered:
            # Unfiltered, the JSONL export is claimgraph's own format: one record per document.
            records = (store.document(d["id"]).to_dict() for d in store.documents())
            n = exporting.write_export(rows, output, fmt, level, records=records)
        else:
            n = exporting.write_export(rows, output, fmt, level)
    unit = "document record(s)" if records is not None else f"{level[:-1]} row(s)"
    click.echo(f"claimgraph: wrote {n} {unit} to {output}", err=True)
