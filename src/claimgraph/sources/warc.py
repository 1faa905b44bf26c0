"""WARC archives (plain or gzipped): every HTML response record is one page, streamed."""

from __future__ import annotations

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
    end = 0  # byte offset just past the last complete record
    records = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in records:
            n += 1
            item = _record_item(record, f"{origin}#{n}")
            records.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                # fewer bytes than the record's Content-Length: the archive was cut inside it
                yield InputError(f"{origin}#{n}", "truncated WARC (the archive ends inside a record)")
                return
            if item is not None:
                pages += 1
                yield item
            end = records.get_record_offset() + records.get_record_length()
    except Exception as exc:  # noqa: BLE001 -- warcio raises many kinds of errors on damaged data
        detail = " ".join(str(exc).split())[:160] if isinstance(exc, ArchiveLoadFailed) else ""
        reason = "truncated or corrupt WARC record" + (f" ({detail})" if detail else "")
        yield InputError(f"{origin}#{n + 1}", reason)
        return
    # warcio ends quietly at a cut-off record: bytes left after the last whole record mean truncation
    if _has_data_after(stream, end):
        yield InputError(f"{origin}#{n + 1}", "truncated WARC (the archive ends inside a record)")
        return
    if n == 0:
        yield InputError(origin, "empty WARC file")
    elif pages == 0:
        yield InputError(origin, "WARC file without HTML response records")


def _has_data_after(stream: BinaryIO, end: int) -> bool:
    """Tell whether anything but padding follows the last whole record."""
    try:
        stream.seek(end)
    except (OSError, ValueError, AttributeError):
        return False  # not seekable: warcio read what it could; nothing more to check
    while chunk := stream.read(1 << 20):
        if chunk.strip(b"\r\n\t \x00"):
            return True
    return False


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
    return RawItem(origin=where, html=html, url=url)
