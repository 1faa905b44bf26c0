"""Shared fixtures for the actor tests: one spaCy pipeline and one resolver per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimgraph import nlp as backbone
from claimgraph.actors import ActorResolver, Mention

PETRARCH_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "petrarch"


@pytest.fixture(scope="session")
def nlp():
    return backbone.load()


@pytest.fixture(scope="session")
def resolver():
    # An empty user directory: the tests must not depend on what a developer imported.
    return ActorResolver.from_files([], include_builtin=True)


@pytest.fixture
def find(nlp, resolver):
    def _find(text: str, day: dt.date | None = dt.date(2022, 5, 25)) -> list[Mention]:
        return resolver.find(nlp(text), day)
    return _find

