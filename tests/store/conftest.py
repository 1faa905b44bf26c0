"""Fixtures for the store tests: hand-built records and fresh databases on each backend."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_samples import sample_records  # noqa: E402

from claimgraph.model import Record  # noqa: E402
from claimgraph.store import Store, open_store  # noqa: E402
from claimgraph.store.base import TABLES  # noqa: E402

PG_ENV = "CLAIMGRAPH_TEST_PG"


@pytest.fixture
def records() -> list[Record]:
    """Four hand-built records covering headlines, relays, IGOs, unresolved actors, no statements."""
    return sample_records()


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need a server: set ${PG_ENV} to a postgresql:// URL")
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg 3 (pip install 'psycopg[binary]')")
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as con:
            for table in reversed(TABLES):
                con.execute(f"DROP TABLE IF EXISTS {table}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server reachable at ${PG_ENV}: {str(exc).splitlines()[0]}")
    return url


@pytest.fixture(params=["duckdb", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend (PostgreSQL skips unless $CLAIMGRAPH_TEST_PG is set)."""
    if request.param == "postgresql":
        return _postgres_url()
    return str(tmp_path / "test.duckdb")


@pytest.fixture
def store(db_target: str) -> Store:
    """An empty writable store on each backend."""
    with open_store(db_target) as s:
        yield s


@pytest.fixture
def filled(store: Store, records: list[Record]) -> Store:
    """A store holding the hand-built records."""
    store.add(records)
    return store
