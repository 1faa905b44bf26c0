"""Dyad timelines and the actor network over the hand-made store."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.analysis.network import actor_network
from claimgraph.analysis.source import load_rows
from claimgraph.analysis.timelines import dyad_timeline, period_statements, week_start


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


# -- windows, bins, coarse dates and the statements behind a bar --------------------------------

def _history_rows():
    """Three reports from May 2022 about Russia and Ukraine, one recalling 2014."""
    from claimgraph.analysis.rows import rows_from_records

    import handmade
    from handmade import RUS, UKR, S

    return rows_from_records([
        handmade.article("h1", "Shelling goes on", "2022-05-02", "a.example", [
            ("Russia shelled Kharkiv on Monday.",
             [S("ASSAULT", [RUS], [UKR], "shelled", when=("on Monday", "2022-05-02", "2022-05-02"))]),
            ("Russia annexed Crimea on 18 March 2014, he recalled.",
             [S("ASSAULT", [RUS], [UKR], "annexed",
                when=("on 18 March 2014", "2014-03-18", "2014-03-18"))]),
            ("Russia has attacked Ukraine since 2014.",
             [S("ASSAULT", [RUS], [UKR], "attacked", when=("2014", "2014-01-01", "2014-12-31"))]),
        ]),
        handmade.article("h2", "Talks in May", "2022-05-20", "b.example", [
            ("Russia and Ukraine held talks in May.",
             [S("CONSULT", [RUS], [UKR], "held talks", when=("in May", "2022-05-01", "2022-05-31"))]),
            ("Russia shelled Kharkiv again on Friday.",
             [S("ASSAULT", [RUS], [UKR], "shelled", when=("on Friday", "2022-05-20", "2022-05-20"))]),
        ]),
        handmade.article("h3", "Kharkiv shelled", "2022-05-03", "c.example", [
            ("Russian troops shelled Kharkiv on Monday.",
             [S("ASSAULT", [RUS], [UKR], "shelled", when=("on Monday", "2022-05-02", "2022-05-02"))]),
        ]),
    ])


def test_window_defaults_to_publication_dates_and_counts_history_outside():
    t = dyad_timeline(_history_rows(), "RUS", "UKR", unit="statements")
    assert (t["since"], t["until"]) == ("2022-05-02", "2022-05-20")
    assert t["window"] == {"since": "publication", "until": "publication"}
    # 18 March 2014 is counted, outside the window; "since 2014" is a year, not a day.
    assert t["outside"] == {"before": 1, "after": 0}
    assert t["span"] == {"first": "2014-03-18", "last": "2022-05-20"}
    assert t["coarse"] == 2  # the year and, binned by week, "in May"
    assert [w["week"] for w in t["weeks"]] == ["2022-05-02", "2022-05-09", "2022-05-16"]
    assert [w["count"] for w in t["weeks"]] == [2, 0, 1]
    assert t["total"] == 3


def test_given_window_and_month_and_day_bins():
    rows = _history_rows()
    wide = dyad_timeline(rows, "RUS", "UKR", unit="statements", bin="month",
                         since=dt.date(2014, 1, 1))
    assert wide["window"]["since"] == "given" and wide["outside"]["before"] == 0
    months = {m["start"]: m for m in wide["bins"] if m["count"]}
    assert sorted(months) == ["2014-03-01", "2022-05-01"]
    assert months["2022-05-01"]["count"] == 4  # "in May" fits a month
    assert months["2022-05-01"]["end"] == "2022-05-31" and months["2022-05-01"]["label"] == "2022-05"
    assert "weeks" not in wide and wide["coarse"] == 1  # only the year
    days = dyad_timeline(rows, "RUS", "UKR", unit="statements", bin="day",
                         until=dt.date(2022, 5, 10))
    assert days["until"] == "2022-05-10" and days["outside"]["after"] == 1
    assert len(days["bins"]) == 9 and days["bins"][0]["count"] == 2
    with pytest.raises(ValueError):
        dyad_timeline(rows, "RUS", "UKR", bin="fortnight")


def test_statements_behind_a_bar():
    rows = _history_rows()
    events = dyad_timeline(rows, "RUS", "UKR")
    (busy,) = [w for w in events["weeks"] if w["week"] == "2022-05-02"]
    # Two outlets report Monday's shelling: one event of two statements.
    assert busy["count"] == 1 and busy["statements"] == 2
    behind = period_statements(rows, "RUS", "UKR", dt.date(2022, 5, 4))
    assert sorted(r["document_id"] for r in behind) == ["h1", "h3"]
    assert all(r["evidence"].endswith("on Monday.") for r in behind)
    assert period_statements(rows, "RUS", "UKR", dt.date(2022, 5, 9)) == []


def test_network_nodes_are_coded_actors_only():
    from claimgraph.analysis.rows import rows_from_records

    import handmade
    from handmade import RUS, UKR, S

    rows = rows_from_records([handmade.article("n1", "Strikes", "2022-05-02", "a.example", [
        ("Russia fired missiles at Ukraine.", [S("ASSAULT", [RUS], [UKR], "fired")]),
        ("The missiles hit Ukraine.", [S("ASSAULT", [("missiles", None, None)], [UKR], "hit")]),
        ("The President warned Russia.",
         [S("THREATEN", [("President", None, "GOV")], [RUS], "warned")]),
    ])])
    net = actor_network(rows)
    assert {n["id"] for n in net["nodes"]} == {"RUS", "UKR"}
    assert [(e["source"], e["target"]) for e in net["edges"]] == [("RUS", "UKR")]
    assert {n["id"]: n["name"] for n in net["nodes"]} == {"RUS": "Russia", "UKR": "Ukraine"}
