"""The learned sentence classifier beside the rules: event/no-event gate and PLOVER type scores.

One logistic regression per label over feature blocks of a sentence: word uni- and bigrams,
character n-grams within words, a static sentence embedding (a model2vec distillation of
all-MiniLM-L6-v2, shipped in `models/static/`) and, optionally, the rule coder's own proposals
(the types and trigger words it found). `make train` distils the embedding, fits the classifier on
the corpus's train split (`claimgraph.learn.train`) and writes the weights as plain arrays
(`models/sentence.npz`) and vocabularies (`models/sentence.json`): no pickle, nothing fetched at run
time.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from claimgraph.model import PLOVER_TYPES

GATE = "event"
LABELS = (GATE, *PLOVER_TYPES)
MODEL_DIR = "models"
MODEL_NAME = "sentence"


@dataclass(frozen=True)
class SentenceInput:
    """What the classifier sees of one sentence: its text and what the rules proposed in it."""

    text: str
    rule_types: tuple[str, ...] = ()
    rule_triggers: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str, events: Sequence[tuple[str, str]]) -> "SentenceInput":
        """The input for a sentence and the rules' (type, trigger text) proposals in it; training and
        coding build it here alike, so the classifier sees the same features in both."""
        return cls(" ".join(text.split()), tuple(t for t, _ in events),
                   tuple(w for _, trigger in events for w in trigger.split()[:2]))


def rule_tokens(s: SentenceInput) -> str:
    """The rule proposals as pseudo-words for their own vectorizer block."""
    words = [f"r_{t.lower()}" for t in s.rule_types] + [f"t_{w.lower()}" for w in s.rule_triggers]
    return " ".join(words or ["r_none"])


def make_vectorizers(min_df_words: int = 2, min_df_chars: int = 3) -> dict[str, TfidfVectorizer]:
    """The three unfitted feature blocks (the same settings at training and at run time)."""
    return {
        "words": TfidfVectorizer(ngram_range=(1, 2), min_df=min_df_words, sublinear_tf=True, lowercase=True),
        "chars": TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=min_df_chars,
                                 sublinear_tf=True, lowercase=True, max_features=60_000),
        "rules": TfidfVectorizer(token_pattern=r"\S+", min_df=1, sublinear_tf=True, lowercase=False),
    }


def block_texts(inputs: Sequence[SentenceInput]) -> dict[str, list[str]]:
    """The text each feature block reads, per sentence."""
    return {"words": [s.text for s in inputs], "chars": [s.text for s in inputs],
            "rules": [rule_tokens(s) for s in inputs]}


STATIC_DIR = "static"


def stack(vectorizers: dict[str, TfidfVectorizer], inputs: Sequence[SentenceInput],
          weights: dict[str, float], static: Any = None) -> sparse.csr_matrix:
    """The weighted feature matrix of sentences: the fitted sparse blocks with a weight, then the
    static embedding block when a static model is given."""
    texts = block_texts(inputs)
    parts = [vectorizers[k].transform(texts[k]) * weights[k] for k in vectorizers if weights.get(k)]
    if static is not None and weights.get("emb"):
        parts.append(sparse.csr_matrix(embed(static, [s.text for s in inputs]) * weights["emb"]))
    return sparse.hstack(parts).tocsr()


def embed(static: Any, texts: list[str]) -> np.ndarray:
    """Unit-length static embeddings of texts."""
    e = np.asarray(static.encode(texts), dtype=np.float64)
    return e / (np.linalg.norm(e, axis=1, keepdims=True) + 1e-9)


def load_static(directory: Path) -> Any:
    """The model2vec static embedding model in a folder (local files only)."""
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(directory))


@dataclass
class SentenceModel:
    """Fitted vectorizers and one (coefficients, intercept) per label; `scores()` gives probabilities."""

    vectorizers: dict[str, TfidfVectorizer]
    weights: dict[str, float]
    labels: tuple[str, ...]
    coef: np.ndarray  # labels x features
    intercept: np.ndarray  # labels
    thresholds: dict[str, float]
    meta: dict[str, Any]
    static: Any = None

    def scores(self, inputs: Sequence[SentenceInput]) -> list[dict[str, float]]:
        """Per sentence, the probability of each label (GATE = any event)."""
        if not inputs:
            return []
        x = stack(self.vectorizers, inputs, self.weights, self.static)
        logits = np.asarray(x @ self.coef.T) + self.intercept
        probs = 1.0 / (1.0 + np.exp(-logits))
        return [dict(zip(self.labels, map(float, row))) for row in probs]

    def word_weight(self, label: str, word: str) -> float:
        """The weight the word block gives one lower-cased word for a label (0 for unknown words)."""
        j = self.vectorizers["words"].vocabulary_.get(word.lower())
        if j is None:
            return 0.0
        return float(self.coef[self.labels.index(label), j])

    def save(self, directory: Path, name: str = MODEL_NAME) -> None:
        """Write the model as an .npz of arrays and a .json of vocabularies and settings."""
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {"coef": self.coef.astype(np.float32), "intercept": self.intercept.astype(np.float32)}
        vocab = {}
        for k, v in self.vectorizers.items():
            arrays[f"idf_{k}"] = v.idf_.astype(np.float32)
            vocab[k] = sorted(v.vocabulary_, key=v.vocabulary_.get)
        np.savez_compressed(directory / f"{name}.npz", **arrays)
        (directory / f"{name}.json").write_text(json.dumps(
            {"labels": list(self.labels), "weights": self.weights, "thresholds": self.thresholds,
             "meta": self.meta, "vocabulary": vocab}, ensure_ascii=False))

    @classmethod
    def read(cls, npz: Path, meta_json: Path) -> "SentenceModel":
        """Read a model written by `save`."""
        spec = json.loads(meta_json.read_text(encoding="utf-8"))
        with np.load(npz) as arrays:
            vectorizers = make_vectorizers()
            for k, v in vectorizers.items():
                words = spec["vocabulary"][k]
                v.vocabulary_ = {w: i for i, w in enumerate(words)}
                v.idf_ = arrays[f"idf_{k}"].astype(np.float64)
            static = load_static(npz.parent / STATIC_DIR) if spec["weights"].get("emb") else None
            return cls(vectorizers, spec["weights"], tuple(spec["labels"]), arrays["coef"].astype(np.float64),
                       arrays["intercept"].astype(np.float64), spec["thresholds"], spec.get("meta", {}), static)


def shipped_path(name: str = MODEL_NAME) -> tuple[Path, Path]:
    """Where the package keeps the trained model's two files."""
    base = Path(str(resources.files("claimgraph.events") / MODEL_DIR))
    return base / f"{name}.npz", base / f"{name}.json"


@functools.lru_cache(maxsize=1)
def shipped() -> SentenceModel | None:
    """The model shipped in the package, or None when none has been trained yet."""
    npz, meta = shipped_path()
    if not (npz.exists() and meta.exists()):
        return None
    return SentenceModel.read(npz, meta)
