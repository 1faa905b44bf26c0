"""Plain-text files: one flattened article per file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from claimgraph.errors import InputError
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import decode_utf8, read_capped
from claimgraph.sources.registry import register


@register("text", (".txt", ".text"))
def read_text(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Yield the file as one flattened-text item."""
    try:
        text = decode_utf8(read_capped(stream, origin), origin)
    except InputError as exc:
        yield exc
        return
    yield RawItem(origin=origin, text=text)
