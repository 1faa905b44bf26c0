"""Factuality scorer: class mapping and a dev-split floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import nlp as backbone
from claimgraph.eval import factuality

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.mark.parametrize("label,cls", [(3.0, "pos"), (1.0, "pos"), (0.4, "uncertain"), (-1.0, "neg")])
def test_gold_class(label, cls):
    assert factuality.gold_class(label) == cls


def test_mapping_of_statuses():
    assert factuality.predicted_class("asserted") == "pos"
    assert factuality.predicted_class("negated") == "neg"
    assert factuality.predicted_class("future") == "pos"
    assert factuality.predicted_class("hypothetical") == "uncertain"
    assert factuality.predicted_value("asserted", True) == 1.5
    assert factuality.predicted_value("future", False) == 2.0


def test_scores_on_written_items(tmp_path):
    path = tmp_path / "f.jsonl"
    rows = [{"text": "The army did not attack the town .", "targets": [{"span1": [4, 5], "label": -3.0}]},
            {"text": "The army could attack the town .", "targets": [{"span1": [3, 4], "label": 0.0}]},
            {"text": "The army attacked the town .", "targets": [{"span1": [2, 3], "label": 3.0}]}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    scores = factuality.evaluate(factuality.read_jsonl(path), backbone.load())
    assert scores.n == 3 and scores.accuracy() == 1.0 and scores.mae() == 0.0


@pytest.mark.skipif(not (SHARED / "factuality" / "MEANTIME" / "dev.jsonl").is_file(),
                    reason="factuality data not in shared data")
def test_meantime_dev_floor():
    scores = factuality.evaluate(factuality.read_jsonl(SHARED / "factuality" / "MEANTIME" / "dev.jsonl"),
                                 backbone.load())
    assert scores.accuracy() >= 0.8


def test_macro_f1_and_the_majority_baseline_on_counts():
    from collections import Counter

    from claimgraph.eval.factuality import FactualityScores

    s = FactualityScores(confusion=Counter({("pos", "pos"): 8, ("neg", "pos"): 1, ("neg", "neg"): 1}), n=10)
    m = s.majority()
    assert m["class"] == "pos" and m["accuracy"] == 0.8
    # always 'pos': F1 0.889 for pos, 0 for neg, over the two gold classes
    assert m["macro_f1"] == round(2 * 0.8 / 1.8 / 2, 4)
    assert s.macro_f1() > m["macro_f1"]
