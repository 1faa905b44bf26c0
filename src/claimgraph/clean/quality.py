"""Extraction quality against a gold article body: token-level precision, recall and F1."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Score:
    """Token-overlap scores of one extraction (bag of words, as the extraction benchmarks count)."""

    precision: float
    recall: float
    f1: float


def tokens(text: str) -> list[str]:
    """Return the lower-cased word tokens of a text."""
    return _TOKEN.findall(text.casefold())


def token_scores(predicted: str, gold: str) -> Score:
    """Score predicted text against gold text by multiset token overlap."""
    p, g = Counter(tokens(predicted)), Counter(tokens(gold))
    if not p and not g:
        return Score(1.0, 1.0, 1.0)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)
