"""Generated train-only sentences become training examples; they never reach CV scoring."""

from __future__ import annotations

import json

import numpy as np

from claimgraph.events.learned import GATE, SentenceInput
from claimgraph.learn import train as train_mod
from claimgraph.learn.data import Example, synthetic_examples


def _row(n: int, text: str, types: list[str]) -> dict:
    events = [{"type": t, "actor": [], "recipient": [], "status": "asserted", "hedged": False,
               "claimant": None, "key": True} for t in types]
    return {"id": f"syn-T-{n:04d}", "synthetic": True, "text": text, "events": events,
            "no_event": None if types else "disaster", "annotator": "T"}


def test_synthetic_items_carry_their_gold_and_the_rules_proposals(tmp_path, pipeline):
    rows = [_row(1, "Police fired tear gas at protesters in the capital on Sunday.", ["COERCE"]),
            _row(2, "A flood destroyed hundreds of homes in the valley last week.", []),
            _row(3, "Subscribe to our newsletter for the latest news", []),
            {"id": "d001s01", "events": []}]  # a real item's line is ignored here
    (tmp_path / "S.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    exs = synthetic_examples(tmp_path, pipeline)
    assert [e.item for e in exs] == ["syn-T-0001", "syn-T-0002", "syn-T-0003"]
    assert not exs[2].input.rule_types
    assert exs[0].labels == frozenset({"COERCE", GATE})
    assert exs[1].labels == frozenset()
    assert exs[0].ref == exs[0].item  # each is its own group in grouped CV
    assert "tear gas" in exs[0].input.text


def test_cross_validation_scores_only_real_items(monkeypatch):
    seen_fit_sizes, scored = [], []

    class Model:
        def scores(self, inputs):
            scored.extend(inputs)
            return [{label: 0.5 for label in train_mod.LABELS} for _ in inputs]

    def fake_fit(exs, *args):
        seen_fit_sizes.append(len(exs))
        return Model()

    monkeypatch.setattr(train_mod, "fit", fake_fit)
    real = [Example(f"r{i}", f"doc{i}", SentenceInput.of(f"real sentence {i}", []), frozenset())
            for i in range(10)]
    synthetic = [Example(f"syn-{i}", f"syn-{i}", SentenceInput.of(f"made up {i}", []), frozenset())
                 for i in range(7)]
    best, table = train_mod.cross_validate(real, None, lambda msg: None, synthetic)
    assert {row["synthetic"] for row in table} == {False, True}
    assert all(i.text.startswith("real") for i in scored)
    assert max(seen_fit_sizes) == 8 + 7 and min(seen_fit_sizes) == 8
    assert isinstance(best["cv_f1"], float) and not np.isnan(best["cv_f1"])
