"""The corpus scorer on gold and predicted statements written here."""

from __future__ import annotations

import json

import pytest

from claimgraph.actors.mention import country_key
from claimgraph.eval import corpus
from claimgraph.eval.corpus import GoldStatement, Predicted, Scores, pair, status_scores


def gold(type_, actors=(), recipients=(), status="asserted", key=True, claimant=None):
    return GoldStatement(type_, frozenset(actors), frozenset(recipients), status, claimant,
                         claimant is not None, key)


def pred(type_, actors=(), recipients=(), status="asserted", claimant=None):
    return Predicted(type_, frozenset(actors), frozenset(recipients), status, claimant, claimant is not None)


def test_pairing_prefers_the_same_type_then_the_same_participants():
    g = [gold("ACCUSE", {"UKR"}, {"RUS"}), gold("ASSAULT", {"RUS"}, {"UKR"}, claimant="UKR")]
    p = [pred("ASSAULT", {"RUS"}, {"UKR"}), pred("ACCUSE", {"UKR"}, {"RUS"})]
    pairs = pair(g, p)
    assert [(a.type, b.type) for a, b in pairs] == [("ACCUSE", "ACCUSE"), ("ASSAULT", "ASSAULT")]


def test_an_unpaired_gold_statement_counts_against_participants_and_key_recall():
    s = Scores()
    s.add([gold("ASSAULT", {"RUS"}, {"UKR"}), gold("CONSULT", {"RUS"}, {"TUR"})],
          [pred("ASSAULT", {"RUS"}, {"UKR"})])
    r = s.report()
    assert r["gold_statements"] == 2
    assert r["actor_country"] == 0.5
    assert r["key_recall"] == 0.5
    assert r["per_type"]["CONSULT"]["r"] == 0.0


def test_no_event_precision_counts_items_given_no_statement():
    s = Scores()
    s.add([], [])  # right: nothing there, nothing said
    s.add([gold("PROTEST")], [])  # a missed protest
    s.add([], [pred("ASSAULT")])  # a false event on, say, a sport report
    r = s.report()
    assert r["no_event_precision"] == 0.5
    assert r["no_event_recall"] == 0.5
    assert r["per_type"]["ASSAULT"]["p"] == 0.0


def test_key_recall_needs_type_participants_and_status():
    s = Scores()
    s.add([gold("ASSAULT", {"BLR"}, {"UKR"}, status="negated")], [pred("ASSAULT", {"BLR"}, {"UKR"})])
    assert s.report()["key_recall"] == 0.0
    assert s.report()["status"]["five"]["per_class"]["negated"]["r"] == 0.0


def test_status_scores_report_the_always_asserted_baseline():
    st = status_scores([("asserted", "asserted"), ("future", "future"), ("negated", "asserted")])
    assert st["five"]["per_class"]["future"]["f1"] == 1.0
    assert st["baseline_asserted"] < st["five"]["macro_f1"]
    assert st["three"]["per_class"]["uncertain"]["f1"] == 1.0


def test_country_keeps_igo_acronyms_and_drops_sectors():
    assert country_key("RUS GOV") == "RUS"
    assert country_key("IGO NATO") == "IGO NATO"
    assert country_key("IGO", "UN") == "IGO UN"
    assert country_key(None) is None


def test_a_gold_file_naming_an_unknown_item_is_one_error(tmp_path):
    (tmp_path / "documents.jsonl").write_text(json.dumps({"ref": "news/x.jsonl:1", "split": "dev"}) + "\n")
    (tmp_path / "sentences.jsonl").write_text(json.dumps(
        {"id": "d000s00", "ref": "news/x.jsonl:1", "field": "text", "start": 0, "end": 5, "sha1": "x"}) + "\n")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "d999s00", "events": []}) + "\n")
    with pytest.raises(corpus.InputError) as err:
        corpus.load(tmp_path)
    assert "d999s00" in err.value.reason
