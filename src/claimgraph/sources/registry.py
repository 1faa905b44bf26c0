"""Which reader handles which input: by file extension, else by sniffing the first bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from claimgraph.errors import InputError
from claimgraph.sources.item import RawItem

Reader = Callable[[BinaryIO, str], Iterator["RawItem | InputError"]]


@dataclass(frozen=True)
class Format:
    """One input format: its name, the extensions it owns and its reader."""

    name: str
    extensions: tuple[str, ...]
    reader: Reader
    # True when the reader decompresses gzip itself (WARC); else `.gz` is unwrapped before it.
    handles_gzip: bool = False


_FORMATS: dict[str, Format] = {}


def register(name: str, extensions: tuple[str, ...], handles_gzip: bool = False) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of a format."""

    def deco(fn: Reader) -> Reader:
        _FORMATS[name] = Format(name, extensions, fn, handles_gzip)
        return fn

    return deco


def by_name(name: str) -> Format:
    """Return the format registered under `name`."""
    return _FORMATS[name]


def by_extension(filename: str) -> tuple[Format | None, bool]:
    """Return (format, gzip-wrapped) for a file name; format None when no extension matches."""
    lower = filename.lower()
    gz = lower.endswith(".gz")
    for fmt in _FORMATS.values():
        for ext in fmt.extensions:
            if lower.endswith(ext):
                return fmt, False
            if gz and lower[:-3].endswith(ext):
                return fmt, not fmt.handles_gzip
    return None, gz


def sniff(head: bytes) -> str | None:
    """Guess a format name from the first bytes of (decompressed) content; None if unknown."""
    body = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not body:
        return None
    if body.startswith(b"WARC/"):
        return "warc"
    if body[:1] == b"[":
        return "json"
    if body[:1] == b"{":
        return "jsonl" if _first_line_is_json(body) else "json"
    if body[:1] == b"<":
        low = body[:8192].lower()
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "feed"
        if low.startswith(b"<?xml") and b"<html" not in low:
            return "xml"
        return "html"
    return "text"


def _first_line_is_json(body: bytes) -> bool:
    import json

    line, sep, _rest = body.partition(b"\n")
    if not sep and len(body) >= 65536:
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
