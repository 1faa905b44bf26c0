"""Locations of fixtures and of the shared development data (tests skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture
def fixtures() -> Path:
    """The directory of small input fixtures."""
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    """The shared data directory, or skip."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED.resolve()
