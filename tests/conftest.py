"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public evaluation data in ../shared/data; skips the test where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"public data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def example_path(shared_data: Path) -> Path:
    """The example article (a scraped page from May 2022)."""
    path = shared_data / "examples" / "000_62ed1af39ab017d1.txt"
    if not path.exists():
        pytest.skip(f"example article not found at {path}")
    return path


@pytest.fixture(scope="session")
def pipeline():
    """One rules-only Pipeline (spaCy loaded once) for the session: the tests of the rule
    mechanisms run without the learned steps, which tests/learn checks on their own."""
    from claimgraph.pipeline import Pipeline

    return Pipeline(learned=None, ranker=None)


@pytest.fixture(scope="session")
def full_pipeline():
    """The Pipeline as shipped: rules, the learned combination and the participant ranker."""
    from claimgraph.pipeline import Pipeline

    return Pipeline()
