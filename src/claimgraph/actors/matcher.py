"""Longest-match lookup of dictionary names in a spaCy Doc.

Patterns are never tokenised: a candidate span's tokens are joined with the whitespace the
text had between them and compared, normalised, with the normalised pattern. Patterns are
indexed by their first word, so a Doc is scanned with a few dict lookups per token.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc

from claimgraph.actors.dictionary import Dictionary, Entry, first_word, normalize

# Kinds whose names are generic nouns; they match whatever their case.
GENERIC_KINDS = frozenset({"title", "agent"})
PLACE_KINDS = frozenset({"country", "adjective", "capital"})
PLACE_KINDS = frozenset({"country", "adjective", "capital"})


@dataclass
class Hit:
    """A dictionary match over tokens [start, end)."""

    start: int
    end: int
    entries: list[Entry]


@functools.lru_cache(maxsize=200_000)
def _norm_token(text: str) -> tuple[str, str | None]:
    """The token's matching form and, when that form starts with it, its index key."""
    norm = normalize(text)
    key = first_word(norm)
    return norm, key if key and norm.startswith(key) else None


class PhraseIndex:
    """All names of a dictionary, indexed for longest-match scanning."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.cased = dictionary.cased
        # first word -> (pattern -> entries, longest pattern length in characters)
        self._index: dict[str, tuple[dict[str, list[Entry]], int]] = {}
        for pattern, entry in dictionary.patterns():
            key = first_word(pattern)
            if key is None:
                continue
            table, longest = self._index.get(key, ({}, 0))
            table.setdefault(pattern, []).append(entry)
            self._index[key] = (table, max(longest, len(pattern)))

    def __len__(self) -> int:
        return sum(len(t) for t, _ in self._index.values())

    def scan(self, doc: Doc) -> list[Hit]:
        """Return non-overlapping longest matches, left to right."""
        normed = [_norm_token(t.text) for t in doc]
        norms = [norm for norm, _ in normed]
        hits: list[Hit] = []
        i, n = 0, len(doc)
        while i < n:
            key = normed[i][1]
            slot = self._index.get(key) if key else None
            if slot is None:
                i += 1
                continue
            table, longest = slot
            found: list[tuple[int, list[Entry]]] = []
            text = ""
            j = i
            while j < n:
                text += norms[j]
                if len(text) > longest:
                    break
                entries = table.get(text)
                if entries and not doc[j].is_space:
                    # a paragraph break normalises to nothing: a name must not end on one, or
                    # "the Security Council\n\nVladimir Putin:" chains into one mention
                    found.append((j + 1, entries))
                if doc[j].whitespace_:
                    text += " "
                j += 1
            hit = None
            for end, entries in reversed(found):
                kept = self._admissible(doc, i, end, entries)
                if kept:
                    hit = Hit(i, end, kept)
                    break
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _admissible(self, doc: Doc, start: int, end: int, entries: list[Entry]) -> list[Entry]:
        """Drop entries whose case evidence is missing (lower-case "turkey", "may", "guardian").

        Written all in lower case, a span can only be a generic noun ("troops") or a built-in
        country, adjective or capital ("kyiv" in machine-translated text) that is not also an
        ordinary word; names of people and bodies need a capital letter.
        """
        if any(c.isupper() for t in doc[start:end] for c in t.text):
            return entries
        word = normalize(doc[start:end].text)
        return [e for e in entries
                if e.kind in GENERIC_KINDS
                or (e.builtin and e.kind in PLACE_KINDS and word not in self.cased)]
