"""The backend-independent store: records in, statements and documents out (portable SQL)."""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from claimgraph.model import Record
from claimgraph.store.errors import StoreError
from claimgraph.store.query import (DateLike, Values, Where, date_value, placeholders,
                                    statement_filters, statement_order, values)
from claimgraph.store.rows import (
    ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, DOCUMENT_COLUMNS, STATEMENT_COLUMNS, DocumentRows,
    record_from_rows, record_rows,
)

SCHEMA_VERSION = 1
TABLES = ("meta", "documents", "statements", "statement_actors", "attributions")
# Children first, so a document never loses its row while its statements are still there.
_CHILD_TABLES = ("statement_actors", "statements", "attributions")
_COUNTABLE = {"documents": "documents", "statements": "statements",
              "actors": "statement_actors", "attributions": "attributions"}
# Parameters per multi-row INSERT; PostgreSQL allows 65535 per statement.
_MAX_PARAMS = 20000


@dataclass
class AddResult:
    """What an add or ingest did."""

    added: int = 0
    replaced: int = 0
    statements: int = 0
    rejected: int = 0

    @property
    def documents(self) -> int:
        """Documents written (added or replaced)."""
        return self.added + self.replaced

    def __str__(self) -> str:
        text = (f"{self.added} document{'s' if self.added != 1 else ''} added, {self.replaced} "
                f"replaced, {self.statements} statement{'s' if self.statements != 1 else ''}")
        return text + (f", {self.rejected} rejected" if self.rejected else "")


class Session(ABC):
    """One open connection; every query uses `?` placeholders and returns rows as dicts."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one statement and return its rows (empty for statements without results)."""

    @abstractmethod
    def script(self, sql: str) -> None:
        """Run several parameterless statements."""

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        """Insert many rows with as few statements as the parameter limit allows."""
        if not rows:
            return
        per = max(1, _MAX_PARAMS // len(columns))
        one = "(" + ", ".join("?" * len(columns)) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for i in range(0, len(rows), per):
            chunk = rows[i:i + per]
            self.execute(head + ", ".join([one] * len(chunk)), [v for r in chunk for v in r])


class Store(ABC):
    """A claimgraph database. Use `open_store()`; subclasses supply the connections."""

    #: documents written per transaction by `add()`
    batch_size: int = 50
    #: a partly filled batch is written once its first record is this many seconds old
    flush_seconds: float = 1.0

    def __init__(self, target: str, read_only: bool) -> None:
        self.target = target
        self.read_only = read_only

    # -- connections ------------------------------------------------------------------------

    @abstractmethod
    def session(self, write: bool = False) -> Any:
        """Return a context manager yielding a Session; hold it to run several queries on one connection."""

    def close(self) -> None:
        """Release the connection, if one is held."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Session]:
        with self.session(write=write) as s:
            s.execute("BEGIN TRANSACTION")
            try:
                yield s
            except BaseException:
                s.execute("ROLLBACK")
                raise
            s.execute("COMMIT")

    def _init_schema(self, s: Session) -> None:
        """Create the tables if missing; refuse a database that belongs to something else."""
        tables = self._tables(s)
        if "meta" in tables:
            rows = s.execute("SELECT value FROM meta WHERE key = 'schema_version'")
            version = int(rows[0]["value"]) if rows else 0
            if version > SCHEMA_VERSION:
                raise StoreError(self.target, f"written by a newer claimgraph (schema {version}; "
                                 f"this one reads {SCHEMA_VERSION})")
            if version == SCHEMA_VERSION and tables >= set(TABLES):
                return
        elif tables:
            raise StoreError(self.target, "not a claimgraph database (it holds other tables)")
        if self.read_only:
            raise StoreError(self.target, "not a claimgraph database (no claimgraph tables)")
        s.execute("BEGIN TRANSACTION")
        s.script(resources.files("claimgraph.store").joinpath("schema.sql").read_text("utf-8"))
        s.execute("DELETE FROM meta WHERE key = 'schema_version'")
        s.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        s.execute("COMMIT")

    @abstractmethod
    def _tables(self, s: Session) -> set[str]:
        """Return the names of the tables in the database's default schema."""

    # -- writing ----------------------------------------------------------------------------

    def add(self, records: Iterable[Record]) -> AddResult:
        """Store records, replacing documents with the same id; each batch of whole documents is one transaction."""
        if self.read_only:
            raise StoreError(self.target, "opened read-only")
        result = AddResult()
        batch: list[DocumentRows] = []
        started = 0.0
        for record in records:
            if not batch:
                started = time.monotonic()
            batch.append(record_rows(record))
            if len(batch) >= self.batch_size or time.monotonic() - started >= self.flush_seconds:
                self._write(batch, result)
                batch = []
        if batch:
            self._write(batch, result)
        return result

    def _write(self, batch: list[DocumentRows], result: AddResult) -> None:
        # Rows are built before the connection opens so the file is held only while writing.
        latest = {rows.document_id: rows for rows in batch}  # a repeated id: the last one wins
        ids = list(latest)
        with self._transaction(write=True) as s:
            existing = self._existing(s, ids)
            self._delete_ids(s, sorted(existing))
            for table, columns, part in (
                    ("documents", DOCUMENT_COLUMNS, lambda r: [r.document]),
                    ("statements", STATEMENT_COLUMNS, lambda r: r.statements),
                    ("statement_actors", ACTOR_COLUMNS, lambda r: r.actors),
                    ("attributions", ATTRIBUTION_COLUMNS, lambda r: r.attributions)):
                s.insert(table, columns, [row for r in latest.values() for row in part(r)])
        seen = set(existing)
        for rows in batch:
            if rows.document_id in seen:
                result.replaced += 1
            else:
                result.added += 1
                seen.add(rows.document_id)
        result.statements += sum(len(r.statements) for r in latest.values())

    def _existing(self, s: Session, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 1000):
            chunk = ids[i:i + 1000]
            rows = s.execute(f"SELECT id FROM documents WHERE id IN ({placeholders(len(chunk))})",
                             chunk)
            found.update(r["id"] for r in rows)
        return found

    def _delete_ids(self, s: Session, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), 1000):
            chunk = ids[i:i + 1000]
            marks = ", ".join("?" * len(chunk))
            for table in _CHILD_TABLES:
                s.execute(f"DELETE FROM {table} WHERE document_id IN ({marks})", chunk)
            s.execute(f"DELETE FROM documents WHERE id IN ({marks})", chunk)

    def remove(self, doc_id: str) -> bool:
        """Delete a document and everything stored with it; return whether it was there."""
        if self.read_only:
            raise StoreError(self.target, "opened read-only")
        with self._transaction(write=True) as s:
            found = bool(self._existing(s, [doc_id]))
            self._delete_ids(s, [doc_id])
        return found

    # -- reading ----------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Return whether a document with this id is stored."""
        return bool(self._read("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]))

    def count(self, what: str = "documents") -> int:
        """Return how many documents (or "statements", "actors", "attributions") are stored."""
        if what not in _COUNTABLE:
            raise ValueError(f"count: unknown table {what!r}; use one of {', '.join(_COUNTABLE)}")
        return int(self._read(f"SELECT count(*) AS n FROM {_COUNTABLE[what]}")[0]["n"])

    def document(self, doc_id: str) -> Record | None:
        """Return the stored record of a document, equal to what was added, or None."""
        with self.session() as s:
            docs = s.execute("SELECT * FROM documents WHERE id = ?", [doc_id])
            if not docs:
                return None
            stmts = s.execute("SELECT record FROM statements WHERE document_id = ? ORDER BY position",
                              [doc_id])
            attrs = s.execute("SELECT record FROM attributions WHERE document_id = ? "
                              "ORDER BY position", [doc_id])
        return record_from_rows(docs[0], stmts, attrs)

    def documents(self, *, since: DateLike = None, until: DateLike = None, site: Values = None,
                  ids: Values = None, limit: int | None = None, with_text: bool = False) -> list[dict[str, Any]]:
        """Return document metadata (with `statements`/`attributions` counts), oldest first."""
        where = Where()
        start, end = date_value(since, "since"), date_value(until, "until")
        if start is not None:
            where.add("published_date >= ?", start)
        if end is not None:
            where.add("published_date <= ?", end)
        where.add_in("site", values(site))
        where.add_in("id", values(ids))
        cols = ("id, url, title, published, site, credited_source, language, n_statements, "
                "n_attributions, ingested_at" + (", text" if with_text else ""))
        sql = (f"SELECT {cols} FROM documents {where.sql()} "
               f"ORDER BY published_date NULLS LAST, published, id" + _limit(limit, where))
        out = []
        for row in self._read(sql, where.params):
            row["statements"] = row.pop("n_statements")
            row["attributions"] = row.pop("n_attributions")
            row["ingested_at"] = row["ingested_at"].isoformat() if row["ingested_at"] else None
            out.append(row)
        return out

    def statements(self, actor: Values = None, recipient: Values = None, type: Values = None,
                   status: Values = None, since: DateLike = None, until: DateLike = None,
                   claimant: Values = None, document: Values = None, limit: int | None = None, *,
                   hedged: bool | None = None, newest_first: bool = True,
                   site: Values = None, text: str | None = None, sort: str | None = None,
                   offset: int = 0) -> list[dict[str, Any]]:
        """Return statements in output-format shape plus their document's id, title, url, date and site.

        Every filter may be one value, a comma-separated string or a list (any of them matches).
        `actor`/`recipient`/`claimant` take "BLR", "BLR GOV"/"BLRGOV" or an IGO acronym ("NATO");
        `claimant` also matches words of the claimant's text. `since`/`until` bound the event
        date: `when.start`, else the document's publication date. Newest first (`newest_first` False:
        oldest first), or
        by `sort` (see `query.statement_order`); `offset` skips that many (for pages).
        `site` and `text` filter as in `query.statement_filters`.
        """
        where = statement_filters(actor=actor, recipient=recipient, type=type, status=status,
                                  since=since, until=until, claimant=claimant, document=document,
                                  hedged=hedged, site=site, text=text)
        # when.end as an ISO date string, else the event date: a time range's last day, so "in
        # 1941" lists before the days of 1941 newest first, never among them as a January day
        end = ("CASE WHEN length(s.when_end) >= 10 THEN substr(s.when_end, 1, 10) "
               "ELSE CAST(s.event_date AS TEXT) END")
        if sort is not None:
            order_by = statement_order(sort)
        elif newest_first:
            order_by = (f"ORDER BY {end} DESC NULLS LAST, s.event_date DESC NULLS LAST, "
                        "d.published DESC, s.document_id, s.position")
        else:
            order_by = (f"ORDER BY s.event_date ASC NULLS LAST, {end} ASC NULLS LAST, "
                        "d.published ASC, s.document_id, s.position")
        sql = ("SELECT s.record, s.document_id, d.title AS document_title, d.url AS document_url, "
               "d.published, d.site, s.event_date FROM statements s "
               f"JOIN documents d ON d.id = s.document_id {where.sql()} {order_by}"
               + _limit(limit, where) + _offset(offset, where))
        out = []
        for row in self._read(sql, where.params):
            item = json.loads(row.pop("record"))
            event_date = row.pop("event_date")
            item.update(row)
            item["event_date"] = event_date.isoformat() if event_date else None
            out.append(item)
        return out

    def count_statements(self, actor: Values = None, recipient: Values = None,
                         type: Values = None, status: Values = None, since: DateLike = None,
                         until: DateLike = None, claimant: Values = None,
                         document: Values = None, *, hedged: bool | None = None,
                         site: Values = None, text: str | None = None) -> int:
        """Return how many statements `statements()` with the same filters would return unlimited."""
        where = statement_filters(actor=actor, recipient=recipient, type=type, status=status,
                                  since=since, until=until, claimant=claimant, document=document,
                                  hedged=hedged, site=site, text=text)
        rows = self._read(f"SELECT count(*) AS n FROM statements s {where.sql()}", where.params)
        return int(rows[0]["n"])

    def sites(self) -> list[dict[str, Any]]:
        """Return each site (outlet) with its number of documents, busiest first."""
        return self._read("SELECT site, count(*) AS documents FROM documents WHERE site IS NOT NULL "
                          "GROUP BY site ORDER BY documents DESC, site")

    def sql(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query (`?` placeholders on every backend) and return its rows as dicts.

        The query runs in a transaction that is rolled back, so it cannot change the database.
        """
        with self.session() as s:
            s.execute("BEGIN TRANSACTION")
            try:
                return s.execute(query, params)
            finally:
                s.execute("ROLLBACK")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.session() as s:
            return s.execute(sql, params)


def _offset(offset: int | None, where: Where) -> str:
    if not offset:
        return ""
    if int(offset) < 0:
        raise ValueError("offset must not be negative")
    where.params.append(int(offset))
    return " OFFSET ?"


def _limit(limit: int | None, where: Where) -> str:
    if limit is None:
        return ""
    if int(limit) < 0:
        raise ValueError("limit must not be negative")
    where.params.append(int(limit))
    return " LIMIT ?"
