"""Statement rows: the flat view of a statement and its document that every analysis works on."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from claimgraph.model import Record, to_date, when_granularity, when_label

# A row is a plain dict with these keys (dates are datetime.date or None, lists are lists of dicts):
ROW_KEYS = (
    "id", "document_id", "sentence", "span_start", "span_end", "evidence",
    "event_type", "event_mode", "cameo", "quad_class", "intensity", "trigger",
    "status", "hedged", "claimant_text", "claimant_code", "claimant_sector", "claimant_cue",
    "via", "when_text", "when_start", "when_end", "when_granularity", "when_label",
    "where_text", "where_country", "confidence",
    "event_date", "actors", "recipients",
    "url", "title", "published", "published_date", "site", "credited_source",
)


def rows_from_record(record: Record) -> list[dict[str, Any]]:
    """Flatten a record's statements into rows, dated as the store dates them."""
    doc = record.document
    published = to_date(doc.published)
    out = []
    for s in record.statements:
        when_start = to_date(s.when.start) if s.when else None
        out.append({
            "id": s.id, "document_id": doc.id, "sentence": s.sentence,
            "span_start": s.span[0] if s.span else None, "span_end": s.span[1] if s.span else None,
            "evidence": s.evidence,
            "event_type": s.event.type, "event_mode": s.event.mode, "cameo": s.event.cameo,
            "quad_class": s.event.quad_class, "intensity": s.event.intensity,
            "trigger": s.event.trigger,
            "status": s.status, "hedged": bool(s.hedged),
            "claimant_text": s.claimant.text if s.claimant else None,
            "claimant_code": s.claimant.code if s.claimant else None,
            "claimant_sector": s.claimant.sector if s.claimant else None,
            "claimant_cue": s.claimant.cue if s.claimant else None,
            "via": [asdict(r) for r in s.via],
            "when_text": s.when.text if s.when else None,
            "when_start": when_start,
            "when_end": to_date(s.when.end) if s.when else None,
            "when_granularity": (when_granularity(s.when.start, s.when.end, s.when.granularity)
                                 if s.when else None),
            "when_label": when_label(s.when.start, s.when.end, s.when.granularity) if s.when else None,
            "where_text": s.where.text if s.where else None,
            "where_country": s.where.country if s.where else None,
            "confidence": s.confidence,
            "event_date": when_start or published,
            "actors": [_actor_dict(a) for a in s.actor],
            "recipients": [_actor_dict(a) for a in s.recipient],
            "url": doc.url, "title": doc.title, "published": doc.published,
            "published_date": published, "site": doc.site, "credited_source": doc.credited_source,
        })
    return out


def rows_from_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Flatten many records into one list of rows."""
    return [row for record in records for row in rows_from_record(record)]


def _actor_dict(a: Any) -> dict[str, Any]:
    return {"text": a.text, "code": a.code, "sector": a.sector, "org": a.org, "name": a.name}


def normalise_row(raw: Mapping[str, Any], actors: list[dict[str, Any]] | None = None,
                  recipients: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Turn a store result row (statement columns joined with document columns) into a row."""
    row = {k: raw.get(k) for k in ROW_KEYS}
    via = raw.get("via")
    if isinstance(via, str):
        try:
            via = json.loads(via)
        except ValueError:
            via = []
    row["via"] = list(via or [])
    for key in ("when_start", "when_end", "event_date", "published_date"):
        row[key] = to_date(row[key])
    if row["published_date"] is None:
        row["published_date"] = to_date(row["published"])
    row["hedged"] = bool(row["hedged"])
    record = _record(raw.get("record"))
    given = record.get("when") or {}
    start, end = raw.get("when_start"), raw.get("when_end")
    row["when_granularity"] = when_granularity(start, end, given.get("granularity"))
    row["when_label"] = when_label(start, end, given.get("granularity"))
    if actors is None or recipients is None:
        actors, recipients = _actors_from_record(record)
    row["actors"] = list(actors or [])
    row["recipients"] = list(recipients or [])
    return row


def _record(record: Any) -> Mapping[str, Any]:
    """The stored statement record as a mapping (empty when absent or unreadable)."""
    if isinstance(record, str):
        try:
            record = json.loads(record)
        except ValueError:
            return {}
    return record if isinstance(record, Mapping) else {}


def _actors_from_record(record: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    keys = ("text", "code", "sector", "org", "name")
    return ([{k: a.get(k) for k in keys} for a in record.get("actor") or []],
            [{k: a.get(k) for k in keys} for a in record.get("recipient") or []])


def actor_key(actor: Mapping[str, Any], level: str = "country") -> str:
    """Return the identity of an actor for grouping: its code (IGO: its org), optionally with sector.

    `level` "country" groups "Lukashenko" (BLR GOV) with "Belarus" (BLR): outlets name the same
    actor differently, so a coarser identity finds more of the same event's reports.
    """
    code = actor.get("code")
    if code == "IGO" and actor.get("org"):
        base = f"IGO:{actor['org']}"
    elif code:
        base = str(code)
    else:
        base = "?" + " ".join(str(actor.get("text") or "").lower().split())
    if level == "full" and actor.get("sector"):
        return f"{base}/{actor['sector']}"
    return base


def matches_actor(actors: Iterable[Mapping[str, Any]], wanted: str) -> bool:
    """True when one of the actors is `wanted`: a country code ("BLR"), "BLRGOV", "BLR/GOV" or an org."""
    want = wanted.strip().upper()
    for a in actors:
        code = (a.get("code") or "").upper()
        sector = (a.get("sector") or "").upper()
        org = (a.get("org") or "").upper()
        if want in (code, org, f"IGO:{org}") and want:
            return True
        if sector and want in (code + sector, f"{code}/{sector}"):
            return True
    return False


def json_ready(value: Any) -> Any:
    """Return `value` with dates turned into ISO strings, recursively, for JSON output."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [json_ready(v) for v in value]
    return value
