"""Fit the participant ranker on the corpus's train split: `python -m claimgraph.learn.train_ranker`.

The pipeline (rules and the shipped sentence classifier) codes the train documents while a
recorder keeps every event's candidate countries and features. Each predicted event paired with a
gold statement of the same type gives one example per candidate and role: is the candidate among
the gold actor (recipient) countries? One logistic regression per role; the fill threshold per role
is chosen by 5-fold cross-validation grouped by document, maximising role accuracy over the pairs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from claimgraph.actors.mention import country_key
from claimgraph.eval.corpus import load, pair, reduce
from claimgraph.eval.corpus import item_statements
from claimgraph.eval.corpus_sources import load_document
from claimgraph.events.ranker import ROLES, ParticipantRanker, candidates, shipped_path
from claimgraph.model import Record

SEED = 13
C = 1.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


class Recorder(ParticipantRanker):
    """Keeps each event's candidates instead of filling anything."""

    def __init__(self) -> None:
        super().__init__({r: {} for r in ROLES}, {r: 2.0 for r in ROLES})
        self.seen: dict[tuple, dict] = {}

    def apply(self, ctx, sent_index, sent, match, claimant) -> None:  # noqa: D102
        rule = {"actor": {country_key(m.code, m.org) for m in match.actors} - {None},
                "recipient": {country_key(m.code, m.org) for m in match.recipients} - {None}}
        self.seen[(ctx.doc.text, sent_index, match.trigger_text, match.type)] = {
            "cands": candidates(ctx, sent_index, sent, match, claimant), "rule": rule}


def gather(corpus, refs, data, pipeline, recorder) -> list[dict]:
    """One row per (predicted event paired with a same-type gold statement)."""
    docs = [load_document(data, ref) for ref in refs]
    rows = []
    for ref, doc, record in zip(refs, docs, pipeline.run_documents(docs)):
        if not isinstance(record, Record):
            continue
        assigned = item_statements(record, corpus.items[ref])
        for item in corpus.items[ref]:
            stmts = assigned[item.id]
            preds = [reduce(s) for s in stmts]
            for g, p in pair(corpus.gold[item.id], preds):
                if p is None or p.type != g.type:
                    continue
                s = stmts[next(i for i, q in enumerate(preds) if q is p)]
                text = doc.title if s.sentence == -1 else doc.text
                indices = range(4) if s.sentence == -1 else [s.sentence]
                hit = next((recorder.seen[k] for k in ((text, i, s.event.trigger, s.event.type) for i in indices)
                            if k in recorder.seen), None)
                if hit:
                    rows.append({"ref": ref, "gold": {"actor": g.actors, "recipient": g.recipients}, **hit})
    recorder.seen.clear()
    return rows


def decide(model: dict, row: dict, role: str, threshold: float, taken: set[str]) -> frozenset[str]:
    """The role's country set: the rules' where they coded one, else the best candidate above threshold."""
    if row["rule"][role]:
        return frozenset(row["rule"][role])
    vec, clf = model[role]
    cands = [(c, f) for c, f in row["cands"][role].items() if c not in taken]
    if not cands:
        return frozenset()
    p = clf.predict_proba(vec.transform([f for _, f in cands]))[:, 1]
    k = int(np.argmax(p))
    return frozenset({cands[k][0]}) if p[k] >= threshold else frozenset()


def fit(rows: list[dict]) -> dict:
    """One vectorizer and balanced logistic regression per role."""
    model = {}
    for role in ROLES:
        feats, ys = [], []
        for r in rows:
            for c, f in r["cands"][role].items():
                feats.append(f)
                ys.append(int(c in r["gold"][role]))
        vec = DictVectorizer()
        x = vec.fit_transform(feats)
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, solver="lbfgs").fit(x, ys)
        model[role] = (vec, clf)
    return model


def accuracy(model: dict, rows: list[dict], th: dict[str, float]) -> dict[str, float]:
    """Role accuracy (country sets equal to gold) over rows."""
    right = defaultdict(int)
    for r in rows:
        actor = decide(model, r, "actor", th["actor"], set())
        right["actor"] += actor == r["gold"]["actor"]
        right["recipient"] += decide(model, r, "recipient", th["recipient"], set(actor)) == r["gold"]["recipient"]
    return {k: round(v / len(rows), 3) for k, v in right.items()} if rows else {}


def main(argv: list[str] | None = None) -> int:
    """Gather, cross-validate thresholds, fit on all of train, write the shipped ranker."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "corpus")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[4] / "shared" / "data")
    args = ap.parse_args(argv)
    from claimgraph.pipeline import Pipeline

    t0 = time.time()
    corpus = load(args.corpus)
    recorder = Recorder()
    pipeline = Pipeline(ranker=recorder)
    rows = gather(corpus, corpus.refs("train"), args.data, pipeline, recorder)
    dev = gather(corpus, corpus.refs("dev"), args.data, pipeline, recorder)
    print(f"train_ranker: {len(rows)} train and {len(dev)} dev type-matched pairs", file=sys.stderr)
    folds = list(GroupKFold(n_splits=5).split(rows, groups=[r["ref"] for r in rows]))
    best = {}
    for role in ROLES:
        scores = {t: 0 for t in THRESHOLDS}
        for tr, te in folds:
            model = fit([rows[i] for i in tr])
            for t in THRESHOLDS:
                th = {"actor": t, "recipient": t}
                scores[t] += accuracy(model, [rows[i] for i in te], th)[role] * len(te)
        best[role] = max(THRESHOLDS, key=lambda t: (scores[t], -t))
        print(f"train_ranker: {role} CV accuracy by threshold "
              + ", ".join(f"{t}: {v / len(rows):.3f}" for t, v in scores.items()), file=sys.stderr)
    model = fit(rows)
    off = {"actor": 2.0, "recipient": 2.0}
    report = {"thresholds": best, "train_pairs": len(rows), "dev_pairs": len(dev),
              "dev_rules_only": accuracy(model, dev, off), "dev_with_ranker": accuracy(model, dev, best)}
    weights = {}
    for role in ROLES:
        vec, clf = model[role]
        w = {name: float(v) for name, v in zip(vec.feature_names_, clf.coef_[0]) if v != 0.0}
        w["bias"] = w.get("bias", 0.0) + float(clf.intercept_[0])
        weights[role] = w
    ParticipantRanker(weights, best, {"trained_on": "corpus train split", "seed": SEED,
                                      "selection": "5-fold CV on train grouped by document",
                                      "report": report}).save(shipped_path())
    print(f"train_ranker: {report} ({time.time() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
