"""Turn one JSON record (a dict) into a RawItem, accepting the common field-name variants."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import InputError, NotADocument
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import MAX_DOCUMENT_BYTES, too_large_reason


@functools.lru_cache(maxsize=1)
def field_names() -> dict[str, list[str]]:
    """Return the accepted field names per RawItem field (from fields.yaml)."""
    with open(Path(__file__).with_name("fields.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _pick(record: dict[str, Any], field: str) -> str | None:
    for key in field_names()[field]:
        value = record.get(key)
        if isinstance(value, dict):
            # e.g. NewsAPI's {"source": {"id": ..., "name": ...}}
            value = value.get("name") or value.get("title")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "id":
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value
    return None


def record_to_item(record: Any, origin: str) -> RawItem:
    """Return the RawItem of a record, or raise InputError when it holds no text or HTML."""
    if not isinstance(record, dict):
        raise InputError(origin, f"record is a JSON {type(record).__name__}, not an object")
    text = _pick(record, "text")
    html = None if text is not None else _pick(record, "html")
    if text is None and html is None:
        raise NotADocument(origin, "record without text or html")
    body = text if text is not None else html
    if len(body) > MAX_DOCUMENT_BYTES:  # characters, a close enough proxy for bytes here
        raise InputError(origin, too_large_reason())
    return RawItem(
        origin=origin,
        text=text,
        html=html,
        id=_pick(record, "id"),
        url=_pick(record, "url"),
        title=_pick(record, "title"),
        published=_pick(record, "published"),
        site=_pick(record, "site"),
    )
