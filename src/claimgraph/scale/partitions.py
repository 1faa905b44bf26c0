"""Parquet partitions: one directory per shard holding the store's tables, and loading them.

A partition directory holds `documents.parquet`, `statements.parquet`,
`statement_actors.parquet` and `attributions.parquet` with exactly the store's columns (from
`claimgraph.store.rows`, typed from `schema.sql`) plus `_seq`, the document's position in the
shard, and `errors.parquet` (`_seq`, `origin`, `reason`) for rejected inputs. DuckDB loads a
partition with one INSERT ... SELECT per table; any other store gets rebuilt records. Loading is
idempotent: a document is deleted with everything stored with it before it is inserted again,
and within a partition the last copy of a repeated document wins, as with `Store.add`.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from claimgraph.errors import InputError
from claimgraph.model import Record
from claimgraph.store.base import AddResult, Store
from claimgraph.store.rows import (
    ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, DOCUMENT_COLUMNS, STATEMENT_COLUMNS, record_from_rows,
    record_rows,
)

TABLES: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "statement_actors": ACTOR_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
}
SEQ = "_seq"
ERRORS = "errors"
# Children first, so a document never loses its row while rows that hang off it remain.
_DELETE_ORDER = ("statement_actors", "statements", "attributions", "documents")
_SQL_TYPES = {
    "DOUBLE PRECISION": pa.float64(), "DOUBLE": pa.float64(), "REAL": pa.float32(),
    "BIGINT": pa.int64(), "INTEGER": pa.int32(), "SMALLINT": pa.int16(), "TEXT": pa.string(),
    "VARCHAR": pa.string(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}
_NOT_COLUMNS = ("PRIMARY", "UNIQUE", "FOREIGN", "CONSTRAINT", "CHECK")
#: documents per Parquet row group (bounds a task's memory)
ROW_GROUP_DOCUMENTS = 256


@dataclass
class PartitionInfo:
    """What one shard's task wrote."""

    path: str
    documents: int = 0
    statements: int = 0
    errors: int = 0
    seconds: float = 0.0


@lru_cache(maxsize=1)
def arrow_schemas() -> dict[str, pa.Schema]:
    """Return the Arrow schema of each partition file, typed from the store's schema.sql."""
    sql = resources.files("claimgraph.store").joinpath("schema.sql").read_text("utf-8")
    types = _sql_column_types(sql)
    schemas: dict[str, pa.Schema] = {}
    for table, columns in TABLES.items():
        missing = [c for c in columns if c not in types.get(table, {})]
        if missing:
            raise RuntimeError(f"schema.sql has no type for {table}.{', '.join(missing)}")
        fields = [pa.field(c, types[table][c]) for c in columns]
        schemas[table] = pa.schema(fields + [pa.field(SEQ, pa.int64())])
    schemas[ERRORS] = pa.schema([pa.field(SEQ, pa.int64()), pa.field("origin", pa.string()),
                                 pa.field("reason", pa.string())])
    return schemas


def _sql_column_types(sql: str) -> dict[str, dict[str, pa.DataType]]:
    out: dict[str, dict[str, pa.DataType]] = {}
    for table, body in re.findall(r"CREATE TABLE(?: IF NOT EXISTS)?\s+(\w+)\s*\((.*?)\n\);", sql,
                                  flags=re.S | re.I):
        cols: dict[str, pa.DataType] = {}
        for line in body.splitlines():
            line = line.split("--", 1)[0].strip().rstrip(",")
            if not line or line.split()[0].upper() in _NOT_COLUMNS:
                continue
            name, _, rest = line.partition(" ")
            rest = " ".join(rest.upper().split())
            for sql_type in sorted(_SQL_TYPES, key=len, reverse=True):
                if rest.startswith(sql_type):
                    cols[name] = _SQL_TYPES[sql_type]
                    break
            else:
                raise RuntimeError(f"schema.sql: unknown type for {table}.{name}: {rest}")
        out[table] = cols
    return out


class PartitionWriter:
    """Stream results into a partition directory; `commit()` moves it into place atomically."""

    def __init__(self, path: str | Path, row_group_documents: int = ROW_GROUP_DOCUMENTS) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.tmp-{uuid.uuid4().hex[:8]}")
        self.tmp.mkdir(parents=True)
        self.info = PartitionInfo(str(self.path))
        self._every = row_group_documents
        self._schemas = arrow_schemas()
        self._rows: dict[str, list[tuple]] = {t: [] for t in self._schemas}
        self._writers = {t: pq.ParquetWriter(self.tmp / f"{t}.parquet", s, compression="zstd")
                         for t, s in self._schemas.items()}
        self._seq = 0
        self._pending = 0

    def add(self, result: Record | InputError) -> None:
        """Add one pipeline result (a record, or an input's error)."""
        seq = self._seq
        self._seq += 1
        if isinstance(result, InputError):
            self._error(seq, result.path, result.reason)
            return
        try:
            rows = record_rows(result)
        except (ValueError, TypeError) as exc:
            self._error(seq, result.document.source_path or result.document.id or "?", str(exc))
            return
        self._rows["documents"].append(rows.document + (seq,))
        self._rows["statements"].extend(r + (seq,) for r in rows.statements)
        self._rows["statement_actors"].extend(r + (seq,) for r in rows.actors)
        self._rows["attributions"].extend(r + (seq,) for r in rows.attributions)
        self.info.documents += 1
        self.info.statements += len(rows.statements)
        self._pending += 1
        if self._pending >= self._every:
            self._flush()

    def _error(self, seq: int, origin: str, reason: str) -> None:
        self._rows[ERRORS].append((seq, origin, reason))
        self.info.errors += 1

    def _flush(self) -> None:
        for table, rows in self._rows.items():
            if rows:
                schema = self._schemas[table]
                columns = list(zip(*rows))
                arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema)]
                self._writers[table].write_table(pa.Table.from_arrays(arrays, schema=schema))
                rows.clear()
        self._pending = 0

    def commit(self) -> PartitionInfo:
        """Finish the files and replace any earlier partition of the same name."""
        self._flush()
        for w in self._writers.values():
            w.close()
        if self.path.exists():
            shutil.rmtree(self.path)
        os.replace(self.tmp, self.path)
        return self.info

    def abort(self) -> None:
        """Drop the partial partition."""
        for w in self._writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001 -- cleaning up after a failure already raised
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_partition(results: Iterable[Record | InputError], path: str | Path) -> PartitionInfo:
    """Write pipeline results to a partition directory (atomically replacing an old one)."""
    writer = PartitionWriter(path)
    try:
        for result in results:
            writer.add(result)
    except BaseException:
        writer.abort()
        raise
    return writer.commit()


def partition_dirs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand partition directories, or directories of them, into partitions in name order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if (p / "documents.parquet").is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(d for d in p.iterdir()
                              if not d.name.startswith(".") and (d / "documents.parquet").is_file()))
        else:
            raise InputError(str(p), "not a claimgraph partition or a directory of partitions")
    return out


def partition_errors(path: str | Path) -> list[InputError]:
    """Return the input errors a partition recorded, in input order."""
    table = pq.read_table(Path(path) / f"{ERRORS}.parquet").sort_by(SEQ)
    return [InputError(o, r) for o, r in zip(table["origin"].to_pylist(), table["reason"].to_pylist())]


def load_partitions(store: Store, partitions: Iterable[str | Path],
                    on_error: Callable[[InputError], None] | None = None) -> AddResult:
    """Load partitions into a store, in order, one transaction each; report their input errors."""
    result = AddResult()
    for part in partition_dirs(partitions):
        for error in partition_errors(part):
            result.rejected += 1
            if on_error is not None:
                on_error(error)
        if _is_duckdb(store):
            _load_duckdb(store, part, result)
        else:
            added = store.add(partition_records(part))
            result.added += added.added
            result.replaced += added.replaced
            result.statements += added.statements
        # A repeated document counts as replaced, as when Store.add meets it twice.
        result.replaced += _repeats(part)
    return result


def _repeats(part: Path) -> int:
    """Return how many document rows of a partition a later copy supersedes."""
    ids = pq.read_table(part / "documents.parquet", columns=["id"])["id"]
    return len(ids) - len(ids.unique())


def partition_records(path: str | Path) -> Iterator[Record]:
    """Rebuild the records of a partition (the last copy of a repeated document), in input order."""
    part = Path(path)
    docs = pq.read_table(part / "documents.parquet").to_pylist()
    keep = {d["id"]: d[SEQ] for d in docs}
    children: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for table in ("statements", "attributions"):
        grouped: dict[int, list[dict[str, Any]]] = {}
        for row in pq.read_table(part / f"{table}.parquet", columns=[SEQ, "position", "record"]).to_pylist():
            grouped.setdefault(row[SEQ], []).append(row)
        children[table] = grouped
    for doc in sorted(docs, key=lambda d: d[SEQ]):
        if keep[doc["id"]] != doc[SEQ]:
            continue
        stmts = sorted(children["statements"].get(doc[SEQ], []), key=lambda r: r["position"])
        attrs = sorted(children["attributions"].get(doc[SEQ], []), key=lambda r: r["position"])
        yield record_from_rows(doc, stmts, attrs)


def _is_duckdb(store: Store) -> bool:
    from claimgraph.store.duck import DuckDBStore

    return isinstance(store, DuckDBStore)


def _sql_path(path: Path) -> str:
    return "'" + str(path.resolve()).replace("'", "''") + "'"


def _load_duckdb(store: Store, part: Path, result: AddResult) -> None:
    """Replace the partition's documents with one set-based statement per table."""
    files = {t: _sql_path(part / f"{t}.parquet") for t in TABLES}
    keep = "_claimgraph_keep"
    with store.session(write=True) as s:
        s.execute("BEGIN TRANSACTION")
        try:
            s.execute(f"CREATE OR REPLACE TEMP TABLE {keep} AS SELECT id, max({SEQ}) AS {SEQ} "
                      f"FROM read_parquet({files['documents']}) GROUP BY id")
            replaced = s.execute(f"SELECT count(*) AS n FROM documents WHERE id IN "
                                 f"(SELECT id FROM {keep})")[0]["n"]
            for table in _DELETE_ORDER:
                key = "id" if table == "documents" else "document_id"
                s.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM {keep})")
            total = s.execute(f"SELECT count(*) AS n FROM {keep}")[0]["n"]
            for table, columns in TABLES.items():
                key = "id" if table == "documents" else "document_id"
                cols = ", ".join(columns)
                picked = ", ".join(f"t.{c}" for c in columns)
                s.execute(f"INSERT INTO {table} ({cols}) SELECT {picked} "
                          f"FROM read_parquet({files[table]}) t JOIN {keep} k "
                          f"ON t.{key} = k.id AND t.{SEQ} = k.{SEQ} ORDER BY t.{SEQ}")
            statements = s.execute(
                f"SELECT count(*) AS n FROM read_parquet({files['statements']}) t "
                f"JOIN {keep} k ON t.document_id = k.id AND t.{SEQ} = k.{SEQ}")[0]["n"]
            s.execute(f"DROP TABLE {keep}")
        except BaseException:
            s.execute("ROLLBACK")
            raise
        s.execute("COMMIT")
    result.replaced += int(replaced)
    result.added += int(total) - int(replaced)
    result.statements += int(statements)

