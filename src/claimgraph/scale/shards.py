"""Cut the input into shards a cluster can process independently: files, groups of small files, or
line ranges of a large JSON Lines file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.sources import RawItem, read
from claimgraph.sources.jsonrec import read_jsonl

#: a shard holds about this many bytes of input (one task's work, one Parquet partition)
DEFAULT_SHARD_BYTES = 32 * 1024 * 1024
#: small files are grouped into one shard up to this many files
MAX_FILES_PER_SHARD = 1000
# Plain JSON Lines can be cut at any line start; compressed files and other formats cannot.
_SPLITTABLE = (".jsonl", ".ndjson", ".jsonlines")
_SCAN_BLOCK = 1024 * 1024


@dataclass(frozen=True)
class Shard:
    """Whole files read in order, or (one file, `start`..`end` bytes) of a JSON Lines file."""

    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None
    first_line: int = 1

    @property
    def is_range(self) -> bool:
        """True when the shard is a byte range of one JSON Lines file."""
        return self.end is not None

    def describe(self) -> str:
        """Return a short human-readable name for messages."""
        if self.is_range:
            return f"{self.paths[0]} from line {self.first_line}"
        if len(self.paths) == 1:
            return self.paths[0]
        return f"{self.paths[0]} and {len(self.paths) - 1} more files"


def plan_shards(paths: Iterable[str | Path], shard_bytes: int = DEFAULT_SHARD_BYTES) -> list[Shard]:
    """Return the shards for files and directories, in input order (stdin cannot be sharded)."""
    if shard_bytes < 1:
        raise ValueError("shard_bytes must be at least 1")
    shards: list[Shard] = []
    group: list[str] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            shards.append(Shard(tuple(group)))
        group, group_bytes = [], 0

    for file in _files(paths):
        size = _size(file)
        if size > shard_bytes and file.lower().endswith(_SPLITTABLE):
            flush()
            shards.extend(_split_jsonl(file, size, shard_bytes))
            continue
        group.append(file)
        group_bytes += size
        if group_bytes >= shard_bytes or len(group) >= MAX_FILES_PER_SHARD:
            flush()
    flush()
    return shards


def read_shard(shard: Shard) -> Iterator[RawItem | InputError]:
    """Yield the shard's raw items with the origins a whole-file read would give them."""
    if not shard.is_range:
        yield from read(shard.paths)
        return
    path = shard.paths[0]
    offset = shard.first_line - 1
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield InputError(path, " ".join(str(exc).split()))
        return
    with f:
        f.seek(shard.start)
        for result in read_jsonl(_Window(f, shard.end or 0), path):
            if isinstance(result, InputError):
                if result.path == path:
                    continue  # "empty file" of a range that holds only blank lines
                yield InputError(_shift(result.path, path, offset), result.reason)
            else:
                result.origin = _shift(result.origin, path, offset)
                yield result


def _shift(origin: str, path: str, offset: int) -> str:
    """Turn `path:N` (line within the range) into the line number within the file."""
    head, _, line = origin.rpartition(":")
    if head == path and line.isdigit():
        return f"{path}:{int(line) + offset}"
    return origin


class _Window:
    """A read-only view of a file that ends at byte `end` (readline is all the JSONL reader needs)."""

    def __init__(self, f, end: int) -> None:
        self._f = f
        self._end = end

    def readline(self, limit: int = -1) -> bytes:
        """Read one line, never past the window's end."""
        left = self._end - self._f.tell()
        if left <= 0:
            return b""
        return self._f.readline(left if limit is None or limit < 0 else min(limit, left))

    def read(self, n: int = -1) -> bytes:
        """Read up to n bytes, never past the window's end."""
        left = self._end - self._f.tell()
        if left <= 0:
            return b""
        return self._f.read(left if n is None or n < 0 else min(n, left))


def _files(paths: Iterable[str | Path]) -> Iterator[str]:
    """Expand directories like the readers do: depth first, sorted, hidden entries skipped."""
    for path in paths:
        p = str(path)
        if p == "-":
            raise ValueError("standard input cannot be split into shards; pass files")
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.startswith("."):
                        yield os.path.join(dirpath, name)
        else:
            yield p  # a missing file stays, so its shard reports it like `read` would


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _split_jsonl(path: str, size: int, shard_bytes: int) -> list[Shard]:
    """Cut a JSON Lines file into ranges of about shard_bytes, each starting at a line start."""
    cuts = [(0, 1)]  # (byte offset, line number there)
    target = shard_bytes
    lines = pos = 0
    with open(path, "rb") as f:
        while target < size:
            block = f.read(_SCAN_BLOCK)
            if not block:
                break
            while target - pos < len(block):
                i = block.find(b"\n", max(0, target - pos))
                if i < 0:
                    break
                cut = pos + i + 1
                if cut < size:
                    cuts.append((cut, lines + block.count(b"\n", 0, i + 1) + 1))
                target = cut + shard_bytes
            lines += block.count(b"\n")
            pos += len(block)
    ends = [c[0] for c in cuts[1:]] + [size]
    return [Shard((path,), start, end, line) for (start, line), end in zip(cuts, ends)]
