"""The embedded DuckDB backend: the file is opened per operation so other processes can take turns."""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from claimgraph.store.base import AddResult, Session, Store
from claimgraph.store.rows import DocumentRows
from claimgraph.store.errors import StoreError

#: seconds an operation waits for another process to release the file before giving up
DEFAULT_LOCK_TIMEOUT = 30.0
#: longest pause between attempts to open a locked file; short, so brief free windows are caught
_MAX_RETRY_PAUSE = 0.02


class DuckDBSession(Session):
    """A DuckDB connection with dict rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection, types: dict[str, dict[str, str]]) -> None:
        self.con = con
        self.types = types

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        """Insert many rows as one statement with one list parameter per column."""
        # DuckDB plans a long multi-row VALUES slowly; unnesting column lists is ~10x faster.
        if not rows:
            return
        if table not in self.types:
            found = self.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_schema = 'main' AND table_name = ?", [table])
            self.types[table] = {r["column_name"]: r["data_type"] for r in found}
        types = self.types[table]
        select = ", ".join(f"unnest(?::{types[c]}[])" for c in columns)
        self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}",
                         [list(col) for col in zip(*rows)])

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one statement and return its rows."""
        cur = self.con.execute(sql, list(params))
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def script(self, sql: str) -> None:
        """Run several parameterless statements."""
        self.con.execute(sql)


class DuckDBStore(Store):
    """A store in one DuckDB file.

    DuckDB lets one process write a file, and no other process open it meanwhile. So this class
    never keeps the file open between operations: each read and each batch of writes opens it,
    does its work in one short transaction and closes it. A process that finds the file locked
    retries with growing pauses for up to `lock_timeout` seconds. A writer leaves the file free
    for at least `write_gap` seconds between its transactions so waiting readers get a turn.
    """

    #: seconds the file stays free between two write transactions of this store
    write_gap: float = 0.05

    def __init__(self, path: str | Path, read_only: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        super().__init__(str(path), read_only)
        self.lock_timeout = lock_timeout
        # Per thread: a web server's threads must not share one connection block.
        self._local = threading.local()
        self._types: dict[str, dict[str, str]] = {}
        self._last_write = float("-inf")
        self._check_path()
        with self.session(write=not read_only) as s:
            self._init_schema(s)

    def _check_path(self) -> None:
        if self.path.is_dir():
            raise StoreError(self.target, "is a directory, not a database file")
        if self.read_only and not self.path.exists():
            raise StoreError(self.target, "no such database")
        parent = self.path.parent
        if not self.path.exists():
            if not parent.exists():
                raise StoreError(self.target, f"directory {parent} does not exist")
            if not parent.is_dir():
                raise StoreError(self.target, f"{parent} is not a directory")
            if not os.access(parent, os.W_OK | os.X_OK):
                raise StoreError(self.target, f"cannot create the database: directory {parent} "
                                 "is not writable")
        elif not os.access(self.path, os.R_OK):
            raise StoreError(self.target, "permission denied")
        elif not self.read_only and not os.access(self.path, os.W_OK):
            raise StoreError(self.target, "not writable (open it read-only to query it)")

    @contextmanager
    def session(self, write: bool = False) -> Iterator[DuckDBSession]:
        """Open the file for the duration of the block (reused when a block is already open)."""
        held: DuckDBSession | None = getattr(self._local, "session", None)
        if held is not None:
            yield held
            return
        # A writable store opens the file writable for reads too: DuckDB refuses two
        # connections with different access modes to one file within a process.
        con = self._connect(read_only=self.read_only)
        self._local.session = DuckDBSession(con, self._types)
        try:
            yield self._local.session
        finally:
            self._local.session = None
            con.close()

    def _write(self, batch: list[DocumentRows], result: AddResult) -> None:
        wait = self._last_write + self.write_gap - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            super()._write(batch, result)
        finally:
            self._last_write = time.monotonic()

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_timeout
        pause = 0.002
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.Error as exc:
                message = str(exc)
                if "different configuration" in message:
                    raise StoreError(self.target, "already open in this process with a different "
                                     "access mode (read-only vs writable)") from None
                if "Could not set lock" not in message:
                    raise StoreError(self.target, _reason(message)) from None
                if time.monotonic() >= deadline:
                    raise StoreError(self.target, "database is busy: another process held it for "
                                     f"more than {self.lock_timeout:g} s") from None
            # Jitter keeps several waiting processes from retrying in lockstep.
            time.sleep(min(pause * random.uniform(0.5, 1.0), max(0.0, deadline - time.monotonic())))
            pause = min(pause * 2, _MAX_RETRY_PAUSE)

    def _tables(self, s: Session) -> set[str]:
        rows = s.execute("SELECT table_name FROM information_schema.tables "
                         "WHERE table_schema = 'main'")
        return {r["table_name"] for r in rows}


def _reason(message: str) -> str:
    lowered = message.lower()
    if "not a valid duckdb database" in lowered:
        return "not a DuckDB database file"
    if "is a directory" in lowered:
        return "is a directory, not a database file"
    if "permission denied" in lowered:
        return "permission denied"
    if "serialized in version" in lowered or "storage version" in lowered:
        return "written by a different DuckDB version: " + _first_line(message)
    return _first_line(message)


def _first_line(message: str) -> str:
    text = message.split("\n", 1)[0]
    for prefix in ("IO Error: ", "Connection Error: ", "Invalid Input Error: "):
        text = text.removeprefix(prefix)
    return text
