"""A small store built from hand-made records, shared by the analysis tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handmade  # noqa: E402


@pytest.fixture(scope="session")
def records():
    """The hand-made records."""
    return handmade.records()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, records) -> Path:
    """A DuckDB store holding the hand-made records."""
    from claimgraph.store import open_store

    path = tmp_path_factory.mktemp("analysis") / "handmade.duckdb"
    with open_store(path) as store:
        store.add(records)
    return path


@pytest.fixture()
def store(store_path):
    """The hand-made store, open read-only."""
    from claimgraph.store import open_store

    with open_store(store_path, read_only=True) as s:
        yield s


@pytest.fixture()
def writable_store(tmp_path, records):
    """A fresh writable copy of the hand-made store."""
    from claimgraph.store import open_store

    with open_store(tmp_path / "w.duckdb") as s:
        s.add(records)
        yield s
