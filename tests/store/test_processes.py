"""Real processes: an ingest killed with SIGKILL, and readers querying while a writer ingests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.store import Store, StoreError, open_store

HELPERS = Path(__file__).resolve().parent / "helpers"
N = 30
BATCH = 5
STATEMENTS = 4  # per bulk record; each has 2 actors and 1 recipient, and 1 attribution


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _wait_for_line(proc: subprocess.Popen, wanted: str) -> None:
    for line in proc.stdout:
        if line.strip() == wanted:
            return
    proc.wait()
    raise AssertionError(f"helper ended before printing {wanted!r}: {proc.stderr.read()}")


def _finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def assert_consistent(store: Store) -> set[str]:
    """Check every stored document is whole and nothing is orphaned; return the stored ids."""
    bad = store.sql(
        "SELECT d.id FROM documents d WHERE d.n_statements <> "
        "(SELECT count(*) FROM statements s WHERE s.document_id = d.id) OR d.n_attributions <> "
        "(SELECT count(*) FROM attributions a WHERE a.document_id = d.id)")
    assert bad == []
    for table in ("statements", "statement_actors", "attributions"):
        orphans = store.sql(f"SELECT count(*) AS n FROM {table} t WHERE NOT EXISTS "
                            "(SELECT 1 FROM documents d WHERE d.id = t.document_id)")
        assert orphans[0]["n"] == 0, table
    actors = store.sql("SELECT count(*) AS n FROM statement_actors")[0]["n"]
    assert actors == 3 * store.count("statements")
    return {d["id"] for d in store.documents()}


def test_kill_9_mid_transaction_then_rerun(db_target: str) -> None:
    ingest = str(HELPERS / "slow_ingest.py")
    proc = _spawn(ingest, db_target, str(N), "--batch", str(BATCH), "--pause", "0.05")
    # Records 10-14 are the third batch: two batches are committed, and the third's transaction
    # is open with its documents and statements written.
    _wait_for_line(proc, f"insert statements bulk-{2 * BATCH:05d}")
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL

    with open_store(db_target) as store:
        stored = assert_consistent(store)
        assert stored == {f"bulk-{i:05d}" for i in range(2 * BATCH)}

    result = _finish(_spawn(ingest, db_target, str(N), "--batch", str(BATCH)))
    assert (result["added"], result["replaced"]) == (N - 2 * BATCH, 2 * BATCH)
    with open_store(db_target, read_only=True) as store:
        assert len(assert_consistent(store)) == N
        assert store.count("statements") == N * STATEMENTS
        assert store.count("attributions") == N


def test_reader_process_queries_while_writer_process_ingests(tmp_path: Path) -> None:
    db = str(tmp_path / "busy.duckdb")
    seen = tmp_path / "reader-has-read"
    open_store(db).close()
    # The writer holds the file for a while inside every transaction, and pauses after two
    # batches (holding nothing) until the reader has read once: so reads happen mid-ingest.
    writer = _spawn(str(HELPERS / "slow_ingest.py"), db, str(N), "--batch", str(BATCH),
                    "--pause", "0.02", "--gap", "0.01", "--wait-for", str(seen),
                    "--after", str(2 * BATCH))
    _wait_for_line(writer, "insert documents bulk-00000")
    reader = _spawn(str(HELPERS / "poll_reader.py"), db, str(N), str(seen))
    report = _finish(reader)
    result = _finish(writer)

    assert report["errors"] == []
    counts = report["counts"]
    assert counts == sorted(counts)
    assert all(c % BATCH == 0 for c in counts)  # only whole batches are ever visible
    assert any(0 < c < N for c in counts)  # it did read during the ingest
    assert counts[-1] == N
    assert result["added"] == N
    with open_store(db, read_only=True) as store:
        assert len(assert_consistent(store)) == N


def test_reader_gives_up_with_one_line_when_the_file_stays_locked(tmp_path: Path) -> None:
    db = str(tmp_path / "held.duckdb")
    open_store(db).close()
    holder = _spawn(str(HELPERS / "slow_ingest.py"), db, "3", "--batch", "3", "--pause", "600")
    try:
        _wait_for_line(holder, "insert documents bulk-00000")
        with pytest.raises(StoreError) as info:
            open_store(db, read_only=True, lock_timeout=0.2)
        assert info.value.line() == (f"claimgraph: {db}: database is busy: another process held "
                                     "it for more than 0.2 s")
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.communicate()
    with open_store(db, read_only=True) as store:
        assert store.count() == 0
