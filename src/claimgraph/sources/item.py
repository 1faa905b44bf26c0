"""The unit every reader yields: one raw document, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawItem:
    """One document as a reader found it.

    `origin` names it in messages: a path, `path:line` for JSONL, `path#record` for WARC/feeds.
    Exactly one of `text` (flattened text) or `html` is set.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
