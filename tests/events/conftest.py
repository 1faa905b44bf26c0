"""Fixtures for event-coder tests: a parser and hand-built actor mentions."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from claimgraph import nlp as backbone
from claimgraph.actors import ActorResolver
from claimgraph.actors.mention import Mention
from claimgraph.events import EventCoder

# surface form -> (code, sector, kind); the tests' own miniature actor dictionary
ACTORS = {
    "Belarus": ("BLR", None, "country"), "Belarusian": ("BLR", None, "country"),
    "Russia": ("RUS", None, "country"), "Russian": ("RUS", None, "country"),
    "Moscow": ("RUS", "GOV", "country"), "Ukraine": ("UKR", None, "country"),
    "Poland": ("POL", None, "country"), "Germany": ("DEU", None, "country"),
    "France": ("FRA", None, "country"), "Lithuania": ("LTU", None, "country"),
    "Lukashenko": ("BLR", "GOV", "person"), "Putin": ("RUS", "GOV", "person"),
    "police": (None, "COP", "group"), "opposition": (None, "OPP", "group"),
    "rebels": (None, "REB", "group"), "Chad": ("TCD", None, "country"),
}


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline."""
    return backbone.load()


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    """The built-in event coder."""
    return EventCoder.default()


def _mentions_for(doc: Doc) -> list[Mention]:
    """Mentions for every token of `doc` found in ACTORS (one token each)."""
    out = []
    for t in doc:
        hit = ACTORS.get(t.text)
        if hit:
            code, sector, kind = hit
            out.append(Mention(t.i, t.i + 1, t.idx, t.idx + len(t), t.text, code, sector,
                               kind=kind))
    return out


@pytest.fixture
def code(nlp, coder):
    """Code a one-sentence text; return its events."""
    def run(text: str):
        doc = nlp(text)
        mentions = _mentions_for(doc)
        return [e for s in doc.sents for e in coder.code(s, mentions)]
    return run


@pytest.fixture
def mentions_for():
    """The fixture's mention finder (ACTORS entries, one token each)."""
    return _mentions_for


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    """The built-in actor dictionary."""
    return ActorResolver.from_files([], include_builtin=True)


@pytest.fixture
def events(nlp, coder, resolver):
    """Code a text with the built-in dictionary (dated 2022-05-25); return its events in order."""
    def run(text: str):
        doc = nlp(text)
        mentions = resolver.find(doc, dt.date(2022, 5, 25))
        return [e for s in doc.sents for e in coder.code(s, mentions)]
    return run
