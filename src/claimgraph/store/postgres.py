"""The PostgreSQL backend (psycopg 3): same schema and queries; the server handles concurrency."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from claimgraph.store.base import Session, Store
from claimgraph.store.errors import StoreError


class PostgresSession(Session):
    """A psycopg connection in autocommit mode; transactions are explicit BEGIN/COMMIT."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one statement (`?` placeholders) and return its rows."""
        query = sql.replace("%", "%%").replace("?", "%s") if params else sql
        with self.con.cursor() as cur:
            cur.execute(query, list(params) if params else None)
            if cur.description is None:
                return []
            names = [d.name for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def script(self, sql: str) -> None:
        """Run several parameterless statements."""
        with self.con.cursor() as cur:
            cur.execute(sql)


class PostgresStore(Store):
    """A store in a PostgreSQL database given by a `postgresql://` URL; one connection per thread."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        super().__init__(_redact(url), read_only)
        self.url = url
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        with self.session(write=not read_only) as s:
            self._init_schema(s)

    def _connection(self) -> Any:
        con = getattr(self._local, "con", None)
        if con is not None and not con.closed:
            return con
        try:
            import psycopg
        except ImportError:
            raise StoreError(self.target, "PostgreSQL support needs psycopg 3 "
                             "(pip install 'psycopg[binary]')") from None
        try:
            con = psycopg.connect(self.url, autocommit=True)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StoreError(self.target, f"cannot connect: {reason}") from None
        if self.read_only:
            con.execute("SET default_transaction_read_only = on")
        self._local.con = con
        with self._lock:
            self._all.append(con)
        return con

    @contextmanager
    def session(self, write: bool = False) -> Iterator[PostgresSession]:
        """Yield this thread's connection."""
        yield PostgresSession(self._connection())

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._lock:
            for con in self._all:
                con.close()
            self._all.clear()
        self._local = threading.local()

    def _tables(self, s: Session) -> set[str]:
        rows = s.execute("SELECT table_name FROM information_schema.tables "
                         "WHERE table_schema = current_schema()")
        return {r["table_name"] for r in rows}


def _redact(url: str) -> str:
    """Return the URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
