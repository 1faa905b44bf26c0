"""The claimgraph database: documents, statements, actors and attributions on DuckDB or PostgreSQL."""

from claimgraph.store.base import AddResult, Store
from claimgraph.store.errors import StoreError
from claimgraph.store.ingest import ingest
from claimgraph.store.open import DEFAULT_DB, open_store, resolve_target

__all__ = ["AddResult", "DEFAULT_DB", "Store", "StoreError", "ingest", "open_store", "resolve_target"]
