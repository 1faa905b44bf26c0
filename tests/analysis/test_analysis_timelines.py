"""Dyad timelines and the actor network over the hand-made store."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.analysis.network import actor_network
from claimgraph.analysis.source import load_rows
from claimgraph.analysis.timelines import dyad_timeline, week_start


def test_week_start_is_monday():
    assert week_start(dt.date(2022, 2, 24)) == dt.date(2022, 2, 21)
    assert week_start(dt.date(2022, 2, 21)) == dt.date(2022, 2, 21)


def test_events_count_once_statements_count_each_report(store):
    rows = load_rows(store)
    events = dyad_timeline(rows, "RUS", "UKR")
    statements = dyad_timeline(rows, "RUS", "UKR", unit="statements")
    assert events["total"] == 1 and statements["total"] == 2
    (week,) = [w for w in statements["weeks"] if w["count"]]
    assert week["week"] == "2022-02-21"
    assert week["conflict"] == 2 and week["cooperation"] == 0
    assert week["quad"]["4"] == 2
    assert week["mean_intensity"] == -9.0


def test_directions_and_cooperation(store):
    rows = load_rows(store)
    both = dyad_timeline(rows, "RUS", "BLR")
    weeks = {w["week"]: w for w in both["weeks"]}
    assert weeks["2022-02-07"]["ab"] == 1 and weeks["2022-02-07"]["cooperation"] == 1
    assert weeks["2022-03-07"]["ba"] == 1  # Belarus consults Russia
    # Empty weeks between are filled so a chart's x axis is continuous.
    assert len(both["weeks"]) == 5 and weeks["2022-02-14"]["count"] == 0
    only_ab = dyad_timeline(rows, "RUS", "BLR", direction="ab")
    assert only_ab["total"] == 1
    with_future = dyad_timeline(rows, "RUS", "BLR", statuses=None, unit="statements")
    assert with_future["total"] == 4  # plus "Putin promised Belarus more weapons"


def test_timeline_rejects_unknown_direction(store):
    with pytest.raises(ValueError):
        dyad_timeline([], "RUS", "BLR", direction="sideways")


def test_belarus_ukraine_timeline_mixes_conflict(store):
    rows = load_rows(store)
    t = dyad_timeline(rows, "BLR", "UKR", unit="statements")
    busy = [w for w in t["weeks"] if w["count"]]
    # Ukraine accuses Belarus (verbal conflict); Belarus moves troops (hedged, still asserted).
    assert [w["week"] for w in busy] == ["2022-05-16", "2022-06-06"]
    assert all(w["conflict"] == 1 for w in busy)


def test_network_edges_carry_counts_and_tone(store):
    net = actor_network(load_rows(store, status="asserted"))
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("RUS", "UKR")]["count"] == 2 and edges[("RUS", "UKR")]["conflict"] == 2
    assert edges[("BLR", "RUS")]["cooperation"] == 2
    assert edges[("IGO:NATO", "BLR")]["count"] == 1
    labels = {n["id"]: n["label"] for n in net["nodes"]}
    assert labels["IGO:NATO"] == "NATO"
    strict = actor_network(load_rows(store, status="asserted"), min_count=2)
    assert {(e["source"], e["target"]) for e in strict["edges"]} == {("RUS", "UKR"), ("BLR", "RUS")}


def test_a_year_or_month_is_counted_but_not_charted_as_its_first_day():
    import handmade

    from claimgraph.analysis.rows import rows_from_records

    record = handmade.article("hist", "t", "2022-03-01", "x.example", [
        ("Russia attacked Ukraine in 2014.",
         [handmade.S("ASSAULT", [handmade.RUS], [handmade.UKR], "attacked",
                     when=("in 2014", "2014-01-01", "2014-12-31"))]),
        ("Russia shelled Ukraine in February.",
         [handmade.S("ASSAULT", [handmade.RUS], [handmade.UKR], "shelled",
                     when=("in February", "2022-02-01", "2022-02-28"))]),
        ("Russia shelled Ukraine on Monday.",
         [handmade.S("ASSAULT", [handmade.RUS], [handmade.UKR], "shelled",
                     when=("on Monday", "2022-02-28", "2022-02-28"))]),
    ])
    timeline = dyad_timeline(rows_from_records([record]), "RUS", "UKR", unit="statements")
    assert timeline["total"] == 1 and timeline["unbinned"] == 2
    assert [w["week"] for w in timeline["weeks"] if w["count"]] == ["2022-02-28"]
    assert not any(w["week"].startswith("2014") for w in timeline["weeks"])
