"""PETRARCH discard lists (`*.discards.txt`): phrases that take a sentence or a story out of coding.

One phrase a line (`_` or a space between words), `#` comments, `<!-- -->` blocks; a leading `+`
marks a story-level discard (the whole text is not coded), otherwise the sentence is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import InputError


@dataclass
class Discards:
    """Sentence-level and story-level discard phrases, as upper-case word tuples."""

    sentence: list[tuple[str, ...]] = field(default_factory=list)
    story: list[tuple[str, ...]] = field(default_factory=list)
    _index: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict, repr=False)

    def __bool__(self) -> bool:
        return bool(self.sentence or self.story)

    def sentence_hit(self, words: Sequence[str]) -> tuple[str, ...] | None:
        """Return the sentence-level phrase found in `words` (upper case), if any."""
        return self._find("sentence", words)

    def story_hit(self, words: Sequence[str]) -> tuple[str, ...] | None:
        """Return the story-level phrase found in `words` (upper case), if any."""
        return self._find("story", words)

    def _find(self, kind: str, words: Sequence[str]) -> tuple[str, ...] | None:
        phrases = getattr(self, kind)
        index = self._index.get(kind)
        if index is None or sum(map(len, index.values())) != len(phrases):
            index = self._index[kind] = {}
            for p in phrases:
                index.setdefault(p[0], []).append(p)
        for i, w in enumerate(words):
            for p in index.get(w, ()):
                if tuple(words[i:i + len(p)]) == p:
                    return p
        return None


def read(paths: Iterable[Path]) -> Discards:
    """Read discard files; raise InputError if one cannot be read."""
    out = Discards()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(str(path), f"cannot read discard list: {exc}") from exc
        text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
        for line in text.splitlines():
            body = line.split("#", 1)[0].strip()
            if not body:
                continue
            story = body.startswith("+")
            words = tuple(w for w in re.split(r"[_\s]+", body.lstrip("+").upper()) if w)
            if words:
                (out.story if story else out.sentence).append(words)
    return out
