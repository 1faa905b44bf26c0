"""Language identification (ISO 639-1) with py3langid."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Enough text for a stable guess; longer bodies only cost time.
_SAMPLE_CHARS = 4000


@functools.lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    with open(Path(__file__).with_name("language.yaml"), encoding="utf-8") as fh:
        exclude = set(yaml.safe_load(fh)["exclude"])
    codes = [c for c in identifier.nb_classes if len(c) == 2 and c not in exclude]
    identifier.set_languages(codes)
    return identifier


def detect(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when there is no text."""
    sample = text[:_SAMPLE_CHARS].strip()
    if not sample:
        return None
    lang, _prob = _identifier().classify(sample)
    return lang


def detect_with_confidence(text: str) -> tuple[str | None, float]:
    """Return (language code, probability) for a piece of text."""
    sample = text[:_SAMPLE_CHARS].strip()
    if not sample:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)
