"""`claimgraph statements`: query the store from the command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from typing import Any

import click

from claimgraph.commands.base import main
from claimgraph.model import STATUSES
from claimgraph.store.errors import StoreError
from claimgraph.store.open import ENV_VAR, open_store
from claimgraph.store.query import date_value

CSV_COLUMNS = (
    "event_date", "actor", "event_type", "event_mode", "cameo", "quad_class", "intensity",
    "recipient", "status", "hedged", "claimant", "claimant_code", "claimant_sector", "via",
    "when_text", "when_start", "when_end", "where_text", "where_country", "confidence",
    "evidence", "statement_id", "sentence", "document_id", "document_title", "document_url",
    "site", "published",
)
# Fixed table columns (heading, widest width); the evidence column takes the rest of the line.
TABLE_COLUMNS = (("date", 10), ("actor", 16), ("event", 14), ("recipient", 16), ("status", 21),
                 ("claimant", 22))
_MIN_EVIDENCE = 20


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        date_value(value, param.name or "date")
    except ValueError:
        raise click.BadParameter(f"not an ISO date (YYYY-MM-DD): {value}") from None
    return value


@main.command("statements")
@click.option("--db", "db", envvar=ENV_VAR, default=None, metavar="FILE|URL",
              help=f"Database file or postgresql:// URL (default: ${ENV_VAR} or ./claimgraph.duckdb).")
@click.option("--actor", multiple=True, metavar="CODE",
              help='Actor code: "BLR", "BLR GOV"/"BLRGOV", or an IGO acronym like NATO (repeatable).')
@click.option("--recipient", multiple=True, metavar="CODE", help="Recipient code, as --actor.")
@click.option("--type", "type_", multiple=True, metavar="TYPE",
              help="PLOVER event type, e.g. ASSAULT (repeatable).")
@click.option("--status", multiple=True, type=click.Choice(STATUSES, case_sensitive=False),
              help="Statement status (repeatable).")
@click.option("--since", callback=_date_option, metavar="DATE",
              help="Events on or after this date (when.start, else publication date).")
@click.option("--until", callback=_date_option, metavar="DATE", help="Events on or before this date.")
@click.option("--claimant", multiple=True, metavar="X",
              help="Claimant code (as --actor) or words of the claimant's text.")
@click.option("--document", multiple=True, metavar="ID", help="Only this document's statements.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N statements.")
@click.option("--newest/--oldest", default=True, show_default=True,
              help="Newest events first, or oldest first.")
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl", "csv")), default="table",
              show_default=True)
def statements_command(db: str | None, actor: tuple[str, ...], recipient: tuple[str, ...],
                       type_: tuple[str, ...], status: tuple[str, ...], since: str | None,
                       until: str | None, claimant: tuple[str, ...], document: tuple[str, ...],
                       limit: int | None, newest: bool, fmt: str) -> None:
    """List stored statements, filtered by actor, recipient, type, status, date and claimant."""
    try:
        with open_store(db, read_only=True) as store:
            rows = store.statements(actor=list(actor), recipient=list(recipient), type=list(type_),
                                    status=list(status), since=since, until=until,
                                    claimant=list(claimant), document=list(document), limit=limit,
                                    newest_first=newest)
    except StoreError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(1)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            flat = flat_row(row)
            writer.writerow(["" if flat[c] is None else flat[c] for c in CSV_COLUMNS])
            click.echo(buffer.getvalue(), nl=False)
            buffer.seek(0)
            buffer.truncate()
        click.echo(buffer.getvalue(), nl=False)
    else:
        width = shutil.get_terminal_size((120, 24)).columns
        for line in table_lines(rows, width):
            click.echo(line)
        click.echo(f"{len(rows)} statement{'s' if len(rows) != 1 else ''}", err=True)


def actor_label(refs: list[dict[str, Any]]) -> str:
    """Return actors as codes ("BLR GOV", "IGO NATO"), or their text where unresolved."""
    labels = []
    for ref in refs:
        if ref.get("code") == "IGO" and ref.get("org"):
            labels.append(f"IGO {ref['org']}")
        elif ref.get("code"):
            labels.append(" ".join(x for x in (ref["code"], ref.get("sector")) if x))
        else:
            labels.append(f'"{ref.get("text") or "?"}"')
    return ", ".join(dict.fromkeys(labels))


def claimant_label(claimant: dict[str, Any] | None) -> str:
    """Return the claimant's text with its code, or "-" when the article itself asserts it."""
    if not claimant:
        return "-"
    code = actor_label([claimant]) if claimant.get("code") else ""
    text = claimant.get("text") or ""
    return f"{text} ({code})" if code and code.strip('"') != text else text


def status_label(row: dict[str, Any]) -> str:
    """Return the status, marked "(hedged)" where the text signals doubt."""
    return row["status"] + (" (hedged)" if row.get("hedged") else "")


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """Return one statement as a flat dict of CSV_COLUMNS."""
    event, when, where = row["event"], row.get("when") or {}, row.get("where") or {}
    claimant = row.get("claimant") or {}
    return {
        "event_date": row.get("event_date"), "actor": actor_label(row["actor"]),
        "event_type": event["type"], "event_mode": event.get("mode"), "cameo": event.get("cameo"),
        "quad_class": event.get("quad_class"), "intensity": event.get("intensity"),
        "recipient": actor_label(row["recipient"]), "status": row["status"],
        "hedged": row.get("hedged"), "claimant": claimant.get("text"),
        "claimant_code": claimant.get("code"), "claimant_sector": claimant.get("sector"),
        "via": " > ".join(r.get("text") or "" for r in row.get("via") or []) or None,
        "when_text": when.get("text"), "when_start": when.get("start"), "when_end": when.get("end"),
        "where_text": where.get("text"), "where_country": where.get("country"),
        "confidence": row.get("confidence"), "evidence": row["evidence"],
        "statement_id": row["id"], "sentence": row["sentence"], "document_id": row["document_id"],
        "document_title": row.get("document_title"), "document_url": row.get("document_url"),
        "site": row.get("site"), "published": row.get("published"),
    }


def table_lines(rows: list[dict[str, Any]], width: int) -> list[str]:
    """Return an aligned text table of statements that fits `width` columns."""
    cells = []
    for row in rows:
        event = row["event"]["type"] + (f"/{row['event']['mode']}" if row["event"].get("mode") else "")
        cells.append([row.get("event_date") or "", actor_label(row["actor"]) or "-", event,
                      actor_label(row["recipient"]) or "-", status_label(row),
                      claimant_label(row.get("claimant")), " ".join(row["evidence"].split())])
    widths = [min(cap, max([len(name)] + [len(c[i]) for c in cells]))
              for i, (name, cap) in enumerate(TABLE_COLUMNS)]
    used = sum(widths) + 2 * len(widths)
    evidence = max(_MIN_EVIDENCE, width - used)
    headings = [name for name, _ in TABLE_COLUMNS] + ["evidence"]
    out = [_line(headings, widths + [evidence])]
    out.extend(_line(c, widths + [evidence]) for c in cells)
    return out


def _line(values: list[str], widths: list[int]) -> str:
    parts = [_fit(v, w).ljust(w) for v, w in zip(values, widths)]
    return "  ".join(parts).rstrip()


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"
