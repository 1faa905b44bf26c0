"""Translate records to table rows and back (pure functions; no database access here)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from claimgraph.model import Record, to_date

DOCUMENT_COLUMNS = (
    "id", "url", "title", "published", "published_date", "site", "credited_source", "language",
    "text", "removed", "source_path", "extra", "n_statements", "n_attributions", "ingested_at",
)
STATEMENT_COLUMNS = (
    "document_id", "position", "id", "sentence", "span_start", "span_end", "evidence",
    "event_type", "event_mode", "cameo", "quad_class", "intensity", "trigger", "status", "hedged",
    "claimant_text", "claimant_code", "claimant_sector", "claimant_org", "claimant_name",
    "claimant_cue", "via", "via_text", "when_text", "when_start", "when_end", "where_text",
    "where_country", "where_geonames_id", "where_name", "where_admin1", "where_lat", "where_lon",
    "where_precision", "confidence", "event_date", "record",
)
ACTOR_COLUMNS = (
    "document_id", "statement_position", "statement_id", "role", "position", "text", "code",
    "sector", "org", "name", "span_start", "span_end",
)
ATTRIBUTION_COLUMNS = (
    "document_id", "position", "source_start", "source_end", "cue_start", "cue_end",
    "content_start", "content_end", "source_text", "cue_text", "content_text", "source_code",
    "source_sector", "kind", "via", "record",
)
# Document fields with a column of their own; anything else the model grows goes to `extra`.
_DOCUMENT_FIELDS = ("id", "url", "title", "published", "site", "credited_source", "language",
                    "text", "removed", "source_path")


@dataclass
class DocumentRows:
    """All rows that store one record."""

    document_id: str
    document: tuple
    statements: list[tuple]
    actors: list[tuple]
    attributions: list[tuple]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _pair(span: Any) -> tuple[Any, Any]:
    if not span:
        return None, None
    return span[0], span[1]


def record_rows(record: Record, now: dt.datetime | None = None) -> DocumentRows:
    """Return the rows for one record (raises ValueError on a record the store cannot hold)."""
    if not isinstance(record, Record):
        raise TypeError(f"expected a Record, got {type(record).__name__}")
    data = record.to_dict()
    doc = data["document"]
    doc_id = doc.get("id")
    if not doc_id:
        raise ValueError("record has no document id")
    published_date = to_date(doc.get("published"))
    extra = {k: v for k, v in doc.items() if k not in _DOCUMENT_FIELDS}
    ingested = (now or dt.datetime.now(dt.timezone.utc)).replace(tzinfo=None)
    document = (
        doc_id, doc.get("url"), doc.get("title"), doc.get("published"), published_date,
        doc.get("site"), doc.get("credited_source"), doc.get("language"), doc.get("text") or "",
        _dumps(doc.get("removed") or []), record.document.source_path,
        _dumps(extra) if extra else None, len(data["statements"]), len(data["attributions"]),
        ingested,
    )
    statements: list[tuple] = []
    actors: list[tuple] = []
    for pos, s in enumerate(data["statements"]):
        event = s.get("event") or {}
        claimant = s.get("claimant") or {}
        when = s.get("when") or {}
        where = s.get("where") or {}
        via = s.get("via") or []
        span_start, span_end = _pair(s.get("span"))
        event_date = to_date(when.get("start")) or published_date
        statements.append((
            doc_id, pos, s["id"], s["sentence"], span_start, span_end, s["evidence"],
            event.get("type"), event.get("mode"), event.get("cameo"), event.get("quad_class"),
            event.get("intensity"), event.get("trigger"), s.get("status") or "asserted",
            bool(s.get("hedged")), claimant.get("text"), claimant.get("code"),
            claimant.get("sector"), claimant.get("org"), claimant.get("name"), claimant.get("cue"),
            _dumps(via), " > ".join(r.get("text") or "" for r in via) or None, when.get("text"),
            when.get("start"), when.get("end"), where.get("text"), where.get("country"),
            where.get("geonames_id"), where.get("name"), where.get("admin1"), where.get("lat"),
            where.get("lon"), where.get("precision"),
            s.get("confidence"), event_date, _dumps(s),
        ))
        for role in ("actor", "recipient"):
            for apos, a in enumerate(s.get(role) or []):
                a_start, a_end = _pair(a.get("span"))
                actors.append((doc_id, pos, s["id"], role, apos, a.get("text"), a.get("code"),
                               a.get("sector"), a.get("org"), a.get("name"), a_start, a_end))
    attributions: list[tuple] = []
    for pos, a in enumerate(data["attributions"]):
        s0, s1 = _pair(a.get("source"))
        c0, c1 = _pair(a.get("cue"))
        t0, t1 = _pair(a.get("content"))
        attributions.append((
            doc_id, pos, s0, s1, c0, c1, t0, t1, a.get("source_text"), a.get("cue_text"),
            a.get("content_text"), a.get("source_code"), a.get("source_sector"), a.get("kind"),
            _dumps(a.get("via") or []), _dumps(a),
        ))
    return DocumentRows(doc_id, document, statements, actors, attributions)


def document_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """Return the output-format document dict stored in a documents row."""
    doc = {k: row.get(k) for k in _DOCUMENT_FIELDS if k != "source_path"}
    doc["removed"] = json.loads(row["removed"]) if row.get("removed") else []
    if row.get("extra"):
        doc.update(json.loads(row["extra"]))
    return doc


def record_from_rows(document: dict[str, Any], statements: list[dict[str, Any]],
                     attributions: list[dict[str, Any]]) -> Record:
    """Rebuild the Record stored in a document row and its statement/attribution rows."""
    data = {
        "document": document_from_row(document),
        "statements": [json.loads(r["record"]) for r in statements],
        "attributions": [json.loads(r["record"]) for r in attributions],
    }
    record = Record.from_dict(data)
    record.document.source_path = document.get("source_path")
    return record
