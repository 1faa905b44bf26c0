"""PolNeAR scorer: brat reading, matching, and the attribution targets on the dev split."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import nlp as backbone
from claimgraph.eval import polnear

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def test_read_ann_with_discontinuous_content(tmp_path):
    ann = tmp_path / "a_x1.ann"
    ann.write_text("T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid\nT3\tContent 10 15;20 25\tabcde fghij\n"
                   "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
                   "T5\tDiscard 30 35\tjunk\n", encoding="utf-8")
    [g] = polnear.read_ann(ann)
    assert g.source == ((0, 3),) and g.cue == ((4, 8),) and g.content == ((10, 15), (20, 25))


def test_exact_and_overlap_matching():
    text = "Bob said “the army left” today."
    gold = [polnear.GoldAttribution(source=((0, 3),), cue=((4, 8),), content=((9, 23),))]
    pred = [polnear.GoldAttribution(source=((0, 3),), cue=((4, 8),), content=((10, 18),))]
    scores = polnear.Scores()
    polnear.score_article(text, gold, pred, scores)
    c = scores.counts
    assert c[("source", "exact")].f1 == 1.0
    assert c[("content", "exact")].f1 == 0.0 and c[("content", "overlap")].f1 == 1.0


def test_one_prediction_matches_one_gold_span():
    text = "x" * 40
    gold = [polnear.GoldAttribution(cue=((0, 5),)), polnear.GoldAttribution(cue=((6, 10),))]
    pred = [polnear.GoldAttribution(cue=((0, 10),))]
    scores = polnear.Scores()
    polnear.score_article(text, gold, pred, scores)
    c = scores.counts[("cue", "overlap")]
    assert (c.precision, c.recall) == (1.0, 0.5)


def test_split_reading_picks_one_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text("Bob said so.", encoding="utf-8")
    for who in ("aa", "bb"):
        (tmp_path / "attributions" / f"art_{who}.ann").write_text("", encoding="utf-8")
    assert [a.annotator for a in polnear.read_split(tmp_path)] == ["aa"]
    assert len(list(polnear.read_split(tmp_path, all_annotators=True))) == 2


@pytest.mark.skipif(not (SHARED / "polnear" / "dev").is_dir(), reason="PolNeAR dev split not in shared data")
def test_dev_split_targets():
    nlp = backbone.load()
    articles = list(polnear.read_split(SHARED / "polnear" / "dev"))
    scores = polnear.evaluate(articles, lambda texts: nlp.pipe(texts, batch_size=16))
    f1 = {role: scores.counts[(role, "overlap")].f1 for role in polnear.ROLES}
    # Issue targets are 0.75 source and cue, 0.70 content; these bounds sit just under the values
    # measured on dev (source 0.769, cue 0.774, content 0.802 in docs/benchmarks.md).
    assert f1["content"] >= 0.79
    assert f1["cue"] >= 0.765
    assert f1["source"] >= 0.76
