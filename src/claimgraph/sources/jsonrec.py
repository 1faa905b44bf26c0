"""JSON (one record or an array of records) and JSON Lines, both streamed record by record."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from claimgraph.errors import InputError
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import (
    MAX_DOCUMENT_BYTES,
    looks_binary,
    stream_error_reason,
    too_large_reason,
)
from claimgraph.sources.records import record_to_item
from claimgraph.sources.registry import register

_CHUNK = 1024 * 1024


@register("jsonl", (".jsonl", ".ndjson", ".jsonlines"))
def read_jsonl(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Yield one item (or error) per non-blank line; a bad line never stops the others."""
    lineno = 0
    seen_any = False
    while True:
        try:
            line = stream.readline(MAX_DOCUMENT_BYTES + 1)
        except (EOFError, OSError) as exc:
            yield InputError(f"{origin}:{lineno + 1}", stream_error_reason(exc))
            return
        if not line:
            break
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            try:
                _skip_rest_of_line(stream)
            except (EOFError, OSError) as exc:
                yield InputError(where, stream_error_reason(exc))
                return
            yield InputError(where, too_large_reason())
            seen_any = True
            continue
        if not line.strip():
            continue
        seen_any = True
        yield _line_item(line, where)
    if not seen_any:
        yield InputError(origin, "empty file")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _line_item(line: bytes, where: str) -> RawItem | InputError:
    if looks_binary(line):
        return InputError(where, "binary data, not a JSON line")
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(where, f"invalid UTF-8 at byte {exc.start} of the line")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputError(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
    try:
        return record_to_item(record, where)
    except InputError as exc:
        return exc


@register("json", (".json",))
def read_json(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Yield the record of a JSON object, or each record of a JSON array (streamed)."""
    try:
        for n, value, in_array in _iter_json_values(stream, origin):
            try:
                yield record_to_item(value, f"{origin}#{n}" if in_array else origin)
            except InputError as exc:
                yield exc
    except InputError as exc:
        yield exc


def _iter_json_values(stream: BinaryIO, origin: str) -> Iterator[tuple[int, Any, bool]]:
    """Yield (number, value, in_array) for each element of a top-level array, or the single value."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    parser = json.JSONDecoder()
    buf = ""
    eof = False
    consumed = 0

    def more() -> bool:
        nonlocal buf, eof, consumed
        if eof:
            return False
        try:
            chunk = stream.read(_CHUNK)
        except (EOFError, OSError) as exc:
            raise InputError(origin, stream_error_reason(exc)) from None
        if consumed == 0 and chunk and looks_binary(chunk):
            raise InputError(origin, "binary file, not text")
        try:
            buf += decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise InputError(origin, f"invalid UTF-8 at byte {consumed + exc.start}") from None
        consumed += len(chunk)
        eof = not chunk
        return True

    while not buf.strip() and more():
        pass
    buf = buf.lstrip()
    if not buf:
        raise InputError(origin, "empty file")
    if buf[0] != "[":
        # A single record is a single document: read it whole, under the cap.
        while more():
            if len(buf) > MAX_DOCUMENT_BYTES:
                raise InputError(origin, too_large_reason())
        try:
            yield 1, json.loads(buf), False
        except json.JSONDecodeError as exc:
            raise InputError(origin, f"malformed JSON ({exc.msg} at line {exc.lineno})") from None
        return
    buf = buf[1:]
    expect_value = True
    n = 0
    while True:
        buf = buf.lstrip()
        if not buf:
            if not more():
                raise InputError(origin, "truncated JSON array (no closing ']')")
            continue
        if buf[0] == "]":
            return
        if buf[0] == ",":
            if expect_value:
                raise InputError(origin, "malformed JSON array (unexpected ',')")
            buf = buf[1:]
            expect_value = True
            continue
        if not expect_value:
            raise InputError(origin, f"malformed JSON array (unexpected {buf[0]!r})")
        try:
            value, end = parser.raw_decode(buf)
        except json.JSONDecodeError as exc:
            if len(buf) > MAX_DOCUMENT_BYTES:
                raise InputError(origin, too_large_reason()) from None
            if more():
                continue
            raise InputError(origin, f"malformed JSON ({exc.msg})") from None
        if end == len(buf) and not eof:
            # a number or literal may continue in the next chunk
            if not isinstance(value, (dict, list, str)) and more():
                continue
        n += 1
        yield n, value, True
        buf = buf[end:]
        expect_value = False
