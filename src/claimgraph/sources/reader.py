"""`read(paths)`: files, directories and stdin to raw items, in input order, one error per bad input."""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

# Importing the format modules registers their readers.
from claimgraph.sources import feed, html, jsonrec, text, warc  # noqa: F401
from claimgraph.errors import InputError, NotADocument
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import GZIP_MAGIC, SNIFF_BYTES, stream_error_reason
from claimgraph.sources.registry import Format, by_extension, by_name, sniff

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
# stdin is spooled so it can be sniffed and re-read; past this size the spool moves to disk.
_SPOOL_BYTES = 8 * 1024 * 1024


def read(paths: Iterable[str]) -> Iterator[RawItem | InputError]:
    """Yield raw items (or one InputError per bad input) for files, directories and `-` (stdin)."""
    for path in paths:
        if path == STDIN:
            yield from _guarded(_read_stdin(), STDIN_ORIGIN)
            continue
        p = Path(path)
        if p.is_dir():
            # In a folder, only files of a known document type are inputs, and a JSON file that is
            # one non-article object (a manifest, a gold-label file) is skipped, not an error.
            for file in _walk(p):
                if by_extension(file.name)[0] is None:
                    continue
                for item in _guarded(_read_file(file, str(file)), str(file)):
                    if not (isinstance(item, NotADocument) and item.path == str(file)):
                        yield item
        elif p.exists():
            yield from _guarded(_read_file(p, path), path)
        else:
            yield InputError(path, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    """Yield the files under root in sorted path order (a folder's files where its name sorts); hidden entries skipped."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _guarded(items: Iterator[RawItem | InputError], origin: str) -> Iterator[RawItem | InputError]:
    """Pass items through; a reader failure becomes one InputError so later inputs still run."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except (OSError, EOFError) as exc:
        yield InputError(origin, _os_reason(exc))
    except Exception as exc:  # noqa: BLE001 -- one bad input must never abort the rest
        yield InputError(origin, f"unreadable input ({type(exc).__name__}: {exc})")


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, (EOFError, gzip.BadGzipFile)):
        return stream_error_reason(exc)
    return " ".join(str(exc).split()) or type(exc).__name__


def _read_file(path: Path, origin: str) -> Iterator[RawItem | InputError]:
    fmt, wrapped = by_extension(path.name)
    if fmt is None and path.suffix and path.suffix.lower() != ".gz":
        yield InputError(origin, f"unsupported file type '{path.suffix}'")
        return
    if path.stat().st_size == 0:
        yield InputError(origin, "empty file")
        return
    with open(path, "rb") as raw:
        yield from _dispatch(raw, origin, fmt, wrapped)


def _read_stdin() -> Iterator[RawItem | InputError]:
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
        if spool.tell() == 0:
            yield InputError(STDIN_ORIGIN, "empty input")
            return
        spool.seek(0)
        yield from _dispatch(spool, STDIN_ORIGIN, None, False)  # type: ignore[arg-type]


def _dispatch(raw: BinaryIO, origin: str, fmt: Format | None, wrapped: bool) -> Iterator[RawItem | InputError]:
    """Pick the reader (sniffing when the name did not decide) and run it on the right stream."""
    if fmt is None:
        magic = raw.read(2)
        raw.seek(0)
        gz = magic == GZIP_MAGIC
        head = _head(gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw)
        raw.seek(0)
        name = sniff(head)
        if name is None:
            yield InputError(origin, "empty file")
            return
        if name == "warc":
            fmt, wrapped = by_name("warc"), False
        else:
            fmt, wrapped = by_name(name), gz
    stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if wrapped else raw  # type: ignore[assignment]
    yield from fmt.reader(stream, origin)


def _head(stream: BinaryIO) -> bytes:
    try:
        return stream.read(SNIFF_BYTES)
    except (EOFError, OSError):
        return b""  # a damaged stream is reported by the reader that runs next
