"""Event clusters over the hand-made store and over rows built in the test."""

from __future__ import annotations

import datetime as dt

from claimgraph.analysis.clusters import cluster_statements
from claimgraph.analysis.rows import rows_from_records
from claimgraph.analysis.source import load_rows


def _row(i: int, date: str, actor: str = "RUS", recipient: str = "UKR", type_: str = "ASSAULT",
         status: str = "asserted", place: str | None = None, site: str = "a.example",
         doc: str | None = None) -> dict:
    return {"id": f"s{i}", "document_id": doc or f"d{i}", "sentence": 0, "evidence": f"e{i}",
            "event_type": type_, "cameo": "190", "quad_class": 4, "intensity": -9.0,
            "status": status, "event_date": dt.date.fromisoformat(date),
            "published_date": dt.date.fromisoformat(date), "where_country": place,
            "actors": [{"code": actor, "text": actor}], "recipients": [{"code": recipient, "text": recipient}],
            "site": site, "credited_source": None, "claimant_text": None}


def test_reports_of_one_event_form_one_cluster_with_sources(store):
    clusters = cluster_statements(load_rows(store))
    invasion = [c for c in clusters if c.event_type == "ASSAULT" and c.status == "asserted"
                and c.actors == ["RUS"]]
    assert len(invasion) == 1
    s = invasion[0].summary()
    assert s["report_count"] == 2
    assert s["sites"] == ["wire.example", "paper.example"]
    assert s["credited_sources"] == ["Tagesspiegel"]
    assert s["first_date"] == "2022-02-24"
    assert s["first_report"] == "2022-02-24" and s["last_report"] == "2022-02-25"
    # "Lukashenko met Putin" (BLR GOV -> RUS GOV) and "Belarus and Russia held talks" (BLR ->
    # RUS) merge at country level; both place the meeting in Moscow.
    meeting = [c for c in clusters if c.event_type == "CONSULT"]
    assert len(meeting) == 1 and meeting[0].report_count == 2 and meeting[0].place == "RUS"


def test_counts_are_of_events_not_statements(records):
    rows = rows_from_records(records)
    clusters = cluster_statements(rows)
    assert len(clusters) < len(rows)
    assert sum(len(c.statements) for c in clusters) == len(rows)


def test_time_window_splits_and_merges():
    rows = [_row(1, "2022-03-01"), _row(2, "2022-03-03"), _row(3, "2022-03-10")]
    clusters = cluster_statements(rows, window_days=3)
    assert [len(c.statements) for c in clusters] == [2, 1]
    assert len(cluster_statements(rows, window_days=10)) == 1
    assert len(cluster_statements(rows, window_days=0)) == 3


def test_key_fields_keep_events_apart():
    rows = [_row(1, "2022-03-01"), _row(2, "2022-03-01", status="future"),
            _row(3, "2022-03-01", recipient="BLR"), _row(4, "2022-03-01", type_="THREATEN"),
            _row(5, "2022-03-01", actor="BLR")]
    assert len(cluster_statements(rows)) == 5


def test_place_missing_joins_but_different_places_do_not():
    rows = [_row(1, "2022-03-01", place="UKR"), _row(2, "2022-03-02"),
            _row(3, "2022-03-02", place="BLR")]
    clusters = cluster_statements(rows)
    assert sorted(len(c.statements) for c in clusters) == [1, 2]
    merged = [c for c in clusters if len(c.statements) == 2][0]
    assert merged.place == "UKR"


def test_cluster_id_is_stable_as_reports_arrive():
    first = cluster_statements([_row(1, "2022-03-01"), _row(2, "2022-03-02")])
    more = cluster_statements([_row(1, "2022-03-01"), _row(2, "2022-03-02"),
                               _row(9, "2022-03-03", site="b.example")])
    shuffled = cluster_statements([_row(9, "2022-03-03", site="b.example"), _row(2, "2022-03-02"),
                                   _row(1, "2022-03-01")])
    assert first[0].id == more[0].id == shuffled[0].id
    assert more[0].report_count == 3 and more[0].sources()["sites"] == ["a.example", "b.example"]


def test_report_count_counts_documents_not_sentences():
    rows = [_row(1, "2022-03-01", doc="same"), _row(2, "2022-03-01", doc="same")]
    (cluster,) = cluster_statements(rows)
    assert cluster.report_count == 1 and len(cluster.statements) == 2
