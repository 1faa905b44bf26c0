"""PLOVER gold evaluation: record reading, scoring, and the targets on the public dev half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.eval import plover


def _write(tmp_path: Path, records) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records))
    return path


def test_read_gold_maps_legacy_labels_and_codes(tmp_path: Path):
    path = _write(tmp_path, [
        {"id": "a", "date": "2001-02-03", "event": "DEMAND", "text": "X demanded Y.",
         "source": [{"code": "JAP"}], "target": {"code": "usa"}},
        {"id": "b", "event": "FIGHT", "text": "X fought Y.", "source": [], "target": ""},
    ])
    a, b = plover.read_gold(path)
    assert (a.type, a.actors, a.recipients, str(a.date)) == ("REQUEST", {"JPN"}, {"USA"},
                                                            "2001-02-03")
    assert (b.type, b.actors, b.recipients, b.date) == ("ASSAULT", frozenset(), frozenset(), None)


def test_read_gold_rejects_bad_input(tmp_path: Path):
    with pytest.raises(InputError):
        plover.read_gold(_write(tmp_path, {"not": "a list"}))
    with pytest.raises(InputError):
        plover.read_gold(_write(tmp_path, [{"event": "HUG", "text": "x"}]))


def test_report_scores():
    def gold(t, actors=()):
        return plover.GoldRecord("x", "t", None, t, frozenset(actors), frozenset())
    rep = plover.Report([
        plover.Outcome(gold("ASSAULT", ["RUS"]), "ASSAULT", frozenset({"RUS"})),
        plover.Outcome(gold("ASSAULT", ["RUS"]), "ASSAULT", frozenset({"BLR"})),
        plover.Outcome(gold("AID"), "ASSAULT"),
        plover.Outcome(gold("AID"), None),
    ])
    per = rep.per_type()
    assert per["ASSAULT"]["precision"] == pytest.approx(2 / 3, abs=1e-3) and per["ASSAULT"]["recall"] == 1
    assert per["AID"]["recall"] == 0
    o = rep.overall()
    assert o["precision"] == pytest.approx(2 / 3, abs=1e-3) and o["recall"] == 0.5
    assert o["actor_accuracy"] == 0.5


def test_primary_event_is_nearest_the_root():
    from claimgraph.events.match import EventMatch
    a = EventMatch(5, "a", "AGREE", "030", 1, 2.5)
    b = EventMatch(2, "b", "AID", "070", 2, 10)
    assert plover.primary([(1, b), (0, a)]) is a
    assert plover.primary([]) is None


@pytest.fixture(scope="module")
def dev_report(shared_data):
    path = shared_data / "plover-gsr" / "dev.json"
    if not path.exists():
        pytest.skip(f"PLOVER gold records not found at {path}")
    from claimgraph import nlp
    from claimgraph.actors import ActorResolver
    from claimgraph.events import EventCoder
    return plover.evaluate(plover.read_gold(path), nlp.load(), ActorResolver.default(),
                           EventCoder.default())


def test_event_type_targets_on_dev_half(dev_report):
    o = dev_report.overall()
    assert o["records"] == 161
    assert o["recall"] >= 0.75 and o["precision"] >= 0.65


def test_participant_codes_on_dev_half(dev_report):
    # the target is 0.85; this guards the level reached so far (see docs/benchmarks.md)
    o = dev_report.overall()
    assert o["actor_accuracy"] >= 0.6 and o["recipient_accuracy"] >= 0.5
