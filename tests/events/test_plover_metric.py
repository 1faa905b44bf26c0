"""PLOVER gold scoring: country vs strict participant accuracy, gold target forms, CAMEO codes."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.actors.mention import Mention
from claimgraph.eval import plover


def test_gold_targets_as_lists_mappings_empty_strings_and_mode_words(tmp_path: Path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps([
        {"event": "AGREE", "text": "t", "source": [{"code": "HUN", "sector": "GOV"},
                                                  {"code": "ROU"}], "target": ""},
        {"event": "AGREE", "text": "t", "source": {"code": "IGO"}, "target": "diplomatic"},
    ]))
    a, b = plover.read_gold(path)
    assert a.actors == {"HUN", "ROU"} and a.actor_roles == {("HUN", "GOV"), ("ROU", None)}
    assert not a.recipients and b.actors == {"IGO"} and not b.recipients


def test_strict_needs_the_gold_sectors_country_does_not():
    gold = plover.GoldRecord("x", "t", None, "ASSAULT", frozenset({"RUS"}), frozenset(),
                             frozenset({("RUS", "MIL")}), frozenset())
    wrong_sector = plover.Outcome(gold, "ASSAULT", frozenset({"RUS"}),
                                  actor_roles=frozenset({("RUS", "GOV")}))
    right = plover.Outcome(gold, "ASSAULT", frozenset({"RUS"}),
                           actor_roles=frozenset({("RUS", "MIL")}))
    o = plover.Report([wrong_sector, right]).overall()
    assert o["actor_accuracy"] == 1.0 and o["actor_strict"] == 0.5


def test_stateless_armed_group_scores_as_cameo_img():
    m = Mention(0, 1, 0, 8, "al-Qaeda", None, "REB", kind="institution", stateless=True)
    generic = Mention(0, 1, 0, 6, "rebels", None, "REB", kind="group")
    assert plover.gold_code(m) == "IMG" and plover.gold_code(generic) is None
