"""Pick the backend for a database target: a DuckDB file path or a postgresql:// URL."""

from __future__ import annotations

import os
from pathlib import Path

from claimgraph.store.base import Store

#: the database used when neither an argument nor $CLAIMGRAPH_DB names one
DEFAULT_DB = "claimgraph.duckdb"
ENV_VAR = "CLAIMGRAPH_DB"


def resolve_target(target: str | Path | None = None) -> str:
    """Return the database named by `target`, else by $CLAIMGRAPH_DB, else ./claimgraph.duckdb."""
    if target is None or str(target) == "":
        return os.environ.get(ENV_VAR) or DEFAULT_DB
    return str(target)


def open_store(target: str | Path | None = None, *, read_only: bool = False,
               lock_timeout: float | None = None) -> Store:
    """Open (creating if needed and writable) the store at a path or `postgresql://` URL.

    Raises StoreError (an InputError: `.line()` is `claimgraph: PATH: reason`) when the target
    cannot be used.
    """
    name = resolve_target(target)
    if name.startswith(("postgresql://", "postgres://")):
        from claimgraph.store.postgres import PostgresStore
        return PostgresStore(name, read_only=read_only)
    from claimgraph.store.duck import DEFAULT_LOCK_TIMEOUT, DuckDBStore
    path = name.removeprefix("duckdb://")
    timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
    return DuckDBStore(Path(path).expanduser(), read_only=read_only, lock_timeout=timeout)
