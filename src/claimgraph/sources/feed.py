"""RSS and Atom feeds: each entry (title, link, date, content or summary) is one item."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from claimgraph.errors import InputError
from claimgraph.sources.fragment import fragment_text
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import check_text_bytes, read_capped
from claimgraph.sources.registry import register, sniff


@register("feed", (".rss", ".atom"))
def read_feed(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Yield one item per feed entry; an entry without content or summary is an error of its own."""
    yield from _read(stream, origin, require_feed=False)


@register("xml", (".xml",))
def read_xml(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Read an .xml file that is an RSS/Atom feed; any other XML is refused."""
    yield from _read(stream, origin, require_feed=True)


def _read(stream: BinaryIO, origin: str, require_feed: bool) -> Iterator[RawItem | InputError]:
    try:
        data = read_capped(stream, origin)
        check_text_bytes(data, origin)
    except InputError as exc:
        yield exc
        return
    if require_feed and sniff(data[:65536]) != "feed":
        yield InputError(origin, "XML file that is not an RSS or Atom feed")
        return
    yield from _entries(data, origin)


def _entries(data: bytes, origin: str) -> Iterator[RawItem | InputError]:
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            detail = " ".join(str(parsed.get("bozo_exception", "")).split())[:160]
            yield InputError(origin, f"malformed feed ({detail})" if detail else "malformed feed")
        else:
            yield InputError(origin, "feed without entries")
        return
    site = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        body = _body(entry)
        if not body:
            yield InputError(where, "feed entry without content or summary")
            continue
        yield RawItem(
            origin=where,
            text=fragment_text(body),
            id=entry.get("id") or None,
            url=entry.get("link") or None,
            title=" ".join((entry.get("title") or "").split()) or None,
            published=_date(entry),
            site=site,
        )


def _body(entry: Any) -> str | None:
    # full content beats the summary when the feed carries both
    for content in entry.get("content") or []:
        value = (content.get("value") or "").strip()
        if value:
            return value
    summary = (entry.get("summary") or "").strip()
    return summary or None


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            stamp = calendar.timegm(parsed)
            return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for key in ("published", "updated"):
        if entry.get(key):
            return entry[key]
    return None
