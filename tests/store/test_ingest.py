"""`ingest()`: records are stored, rejected inputs are reported and counted."""

from __future__ import annotations

from claimgraph.errors import InputError
from claimgraph.model import Record
from claimgraph.store import Store, ingest


def test_ingest_stores_records_and_reports_errors(store: Store, records: list[Record]) -> None:
    bad = InputError("broken.html", "no article text")
    reported: list[InputError] = []
    result = ingest([records[0], bad, *records[1:]], store, on_error=reported.append)
    assert reported == [bad]
    assert (result.added, result.replaced, result.rejected) == (len(records), 0, 1)
    assert store.count() == len(records)
    assert "1 rejected" in str(result)


def test_ingest_flushes_batches_as_they_fill(store: Store, records: list[Record]) -> None:
    store.batch_size = 2
    store.flush_seconds = 3600.0  # batches by size only, whatever the machine's speed
    seen: list[int] = []

    def stream():
        for record in records:
            seen.append(store.count())
            yield record

    ingest(stream(), store)
    # Counted before each record is handed over: earlier full batches are already committed.
    assert seen == [0, 0, 2, 2]
