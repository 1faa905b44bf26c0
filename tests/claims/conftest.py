"""Shared fixtures for the claims-layer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import nlp as backbone

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline."""
    return backbone.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only shared data folder, or skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED
