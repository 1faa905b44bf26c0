"""Actors: who is mentioned in a document, coded as country + sector (or IGO + org)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from claimgraph.actors import dictionary as dictionary_files
from claimgraph.actors.compose import compose, parts_of
from claimgraph.actors.context import locate
from claimgraph.actors.coref import resolve
from claimgraph.actors.dictionary import Dictionary
from claimgraph.actors.matcher import PhraseIndex
from claimgraph.actors.mention import Mention

__all__ = ["ActorResolver", "Mention"]

_default_cache: dict[tuple, "ActorResolver"] = {}
_lock = threading.Lock()


class ActorResolver:
    """Finds and codes actor mentions in parsed documents; build once, use for many documents."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self.index = PhraseIndex(dictionary)

    @classmethod
    def default(cls, extra_paths: Iterable[Path] = ()) -> "ActorResolver":
        """Return the (cached) resolver for the built-in dictionary, the user's dictionaries and `extra_paths`."""
        files = [*dictionary_files.user_files(), *(Path(p) for p in extra_paths)]
        key = tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in files)
        with _lock:
            resolver = _default_cache.get(key)
            if resolver is None:
                resolver = _default_cache[key] = cls.from_files(files)
        return resolver

    @classmethod
    def from_files(cls, paths: Iterable[Path], include_builtin: bool = True) -> "ActorResolver":
        """Build a resolver from dictionary files: claimgraph TSV, or PETRARCH .txt (converted on load)."""
        from claimgraph.actors import petrarch

        paths = [Path(p) for p in paths]
        pet = [p for p in paths if petrarch.is_petrarch_file(p)]
        own = [p for p in paths if p not in pet]
        d = dictionary_files.load(own, include_builtin)
        if pet:
            d.extend(petrarch.convert(pet))
        return cls(d)

    def find(self, doc: Doc, published: dt.date | None) -> list[Mention]:
        """Return every actor mention in `doc`, sorted by position, coded as of `published`."""
        parts = parts_of(doc, self.index.scan(doc), published)
        mentions = resolve(doc, compose(doc, parts, published))
        locate(doc, mentions)
        return mentions

    def name_words(self, words: list[str]) -> set[int]:
        """Indexes of the words (in order, any case) that are part of a name in the dictionary:
        a country, place, person, organisation or institution, not a common noun such as
        "troops" or "commander"."""
        names = self._names()
        longest = max((len(n) for n in names), default=0)
        keys = [dictionary_files.normalize(w).removesuffix("'s") for w in words]
        out: set[int] = set()
        for i in range(len(keys)):
            for n in range(min(longest, len(keys) - i), 0, -1):
                if tuple(keys[i:i + n]) in names:
                    out.update(range(i, i + n))
                    break
        return out

    def _names(self) -> frozenset[tuple[str, ...]]:
        cached = getattr(self, "_name_cache", None)
        if cached is None:
            cached = self._name_cache = frozenset(
                tuple(p.split()) for p, e in self.dictionary.patterns()
                if e.kind not in _COMMON_KINDS)
        return cached


#: dictionary entries that are common nouns, not names ("troops", "commander")
_COMMON_KINDS = frozenset({"agent", "title"})
