"""HTML files: one page per file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from claimgraph.errors import InputError
from claimgraph.sources.item import RawItem
from claimgraph.sources.opening import decode_html, read_capped
from claimgraph.sources.registry import register


@register("html", (".html", ".htm", ".xhtml"))
def read_html(stream: BinaryIO, origin: str) -> Iterator[RawItem | InputError]:
    """Yield the page as one HTML item."""
    try:
        html = decode_html(read_capped(stream, origin), origin)
    except InputError as exc:
        yield exc
        return
    yield RawItem(origin=origin, html=html)
