"""Opening inputs: size caps, gzip, binary and encoding checks shared by every reader."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from typing import BinaryIO

from claimgraph.errors import InputError

# Single documents (a page, a text file, one JSON record) are read whole, so they are capped;
# collections (JSONL, WARC, JSON arrays) stream and only each record is capped.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"

_STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile, OSError)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def too_large_reason(limit: int = MAX_DOCUMENT_BYTES) -> str:
    """Return the message for a single document over the size cap."""
    return (f"document larger than the {limit // (1024 * 1024)} MB limit for a single document "
            "(split it, or use JSONL or WARC, which stream)")


def stream_error_reason(exc: BaseException) -> str:
    """Return the message for a read that failed inside compressed or truncated data."""
    if isinstance(exc, EOFError):
        return "truncated gzip data (the compressed stream ends early)"
    return f"corrupt compressed data ({' '.join(str(exc).split()) or type(exc).__name__})"


def read_capped(stream: BinaryIO, origin: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a whole single document, refusing one over `limit` bytes."""
    try:
        data = stream.read(limit + 1)
    except _STREAM_ERRORS as exc:
        raise InputError(origin, stream_error_reason(exc)) from None
    if len(data) > limit:
        raise InputError(origin, too_large_reason(limit))
    return data


def looks_binary(data: bytes) -> bool:
    """Tell whether bytes are binary rather than text (NUL bytes or many control bytes)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode_utf8(data: bytes, origin: str) -> str:
    """Decode text as strict UTF-8 (BOM allowed), raising a clean error for binary or bad bytes."""
    check_text_bytes(data, origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"invalid UTF-8 at byte {exc.start}") from None


def check_text_bytes(data: bytes, origin: str) -> None:
    """Raise a clean error for empty or binary data."""
    if not data.strip():
        raise InputError(origin, "empty file")
    if looks_binary(data):
        raise InputError(origin, "binary file, not text")


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """Return the charset an HTML page or its Content-Type header declares, if Python knows it."""
    candidates = []
    if header:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.I)
        if m:
            candidates.append(m.group(1))
    m = _CHARSET.search(data[:SNIFF_BYTES])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_html(data: bytes, origin: str, header: str | None = None) -> str:
    """Decode an HTML page: BOM, then declared charset, else strict UTF-8."""
    check_text_bytes(data, origin)
    if data.startswith(codecs.BOM_UTF8):
        return decode_utf8(data, origin)
    charset = declared_charset(data, header)
    if charset and charset != "utf-8":
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass  # the declaration is wrong more often than UTF-8 is; fall through to UTF-8
    return decode_utf8(data, origin)
