"""WARC archives (plain or gzipped): every HTML response record is one page, streamed."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimgraph.errors import InputError
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import MAX_DOCUMENT_BYTES, decode_html, too_large_reason
from claimgraph.sources.registry import register

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@register("warc", (".warc", ".arc"), handles_gzip=True)
def read_warc(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Yield one HTML item per response/resource record; records before a truncation still come out."""
    n = 0
    pages = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            n += 1
            item = _record_item(record, f"{origin}#{n}")
            if item is not None:
                pages += 1
                yield item
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        yield InputError(f"{origin}#{n + 1}", f"truncated or corrupt WARC record ({detail})")
        return
    if n == 0:
        yield InputError(origin, "empty WARC file")
    elif pages == 0:
        yield InputError(origin, "WARC file without HTML response records")


def _record_item(record, where: str) -> RawItem | InputError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response" and record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or "200"
        if not status.startswith("2"):
            return None
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if not ctype.lower().startswith(_HTML_TYPES):
        return None
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        return InputError(where, too_large_reason())
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        html = decode_html(data, where, ctype)
    except InputError as exc:
        return exc
    return RawItem(origin=where, html=html, url=url,
                   id=None, published=None)
