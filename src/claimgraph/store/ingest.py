"""Store a pipeline's output: records are added, rejected inputs are reported and counted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from claimgraph.errors import InputError
from claimgraph.model import Record
from claimgraph.store.base import AddResult, Store


def ingest(records: Iterable[Record | InputError], store: Store,
           on_error: Callable[[InputError], None] | None = None) -> AddResult:
    """Add every Record to the store; pass each InputError to `on_error` and count it as rejected."""
    rejected = 0

    def only_records() -> Iterator[Record]:
        nonlocal rejected
        for item in records:
            if isinstance(item, InputError):
                rejected += 1
                if on_error is not None:
                    on_error(item)
                continue
            yield item

    result = store.add(only_records())
    result.rejected = rejected
    return result
