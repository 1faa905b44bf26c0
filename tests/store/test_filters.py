"""Each statement filter, on each backend."""

from __future__ import annotations

import pytest

from claimgraph.store import Store


def ids(rows: list[dict]) -> set[str]:
    return {r["id"] for r in rows}


def test_no_filter_returns_everything(filled: Store) -> None:
    assert len(filled.statements()) == filled.count("statements") == 7


@pytest.mark.parametrize("spec, expected", [
    ("BLR", {"s-a-head", "s-a-1"}),
    ("blr", {"s-a-head", "s-a-1"}),
    ("BLR GOV", {"s-a-head"}),
    ("BLRGOV", {"s-a-head"}),
    ("BLR MIL", {"s-a-1"}),
    ("EU", {"s-b-1"}),
    ("IGO EU", {"s-b-1"}),
    ("USA", {"s-b-2"}),
    ("UKR", set()),
    (["RUS", "FRA"], {"s-a-2", "s-d-dup"}),
    ("RUS,USA", {"s-a-2", "s-b-2"}),
])
def test_actor(filled: Store, spec, expected: set[str]) -> None:
    assert ids(filled.statements(actor=spec)) == expected


@pytest.mark.parametrize("spec, expected", [
    ("UKR", {"s-a-1", "s-b-1"}),
    ("UKR GOV", {"s-b-1"}),
    ("NATO", {"s-a-2"}),
    ("RUS", {"s-b-2", "s-d-dup"}),
    ("BLR", set()),
])
def test_recipient(filled: Store, spec, expected: set[str]) -> None:
    assert ids(filled.statements(recipient=spec)) == expected


def test_actor_and_recipient_together(filled: Store) -> None:
    assert ids(filled.statements(actor="BLR", recipient="UKR")) == {"s-a-1"}
    assert ids(filled.statements(actor="UKR", recipient="BLR")) == set()


def test_type(filled: Store) -> None:
    assert ids(filled.statements(type="ASSAULT")) == {"s-a-head", "s-a-1"}
    assert ids(filled.statements(type="aid")) == {"s-b-1"}
    assert ids(filled.statements(type=["SANCTION", "THREATEN"])) == {"s-b-2", "s-a-2"}


@pytest.mark.parametrize("status, expected", [
    ("future", {"s-a-1"}), ("question", {"s-a-head"}), ("negated", {"s-a-2"}),
    ("hypothetical", {"s-b-2"}), ("asserted", {"s-b-1", "s-d-dup"}),
])
def test_status(filled: Store, status: str, expected: set[str]) -> None:
    assert ids(filled.statements(status=status)) == expected


def test_hedged(filled: Store) -> None:
    assert ids(filled.statements(hedged=True)) == {"s-a-1"}


def test_dates_use_when_start_then_publication(filled: Store) -> None:
    # s-a-1 happens 2022-05-26 (its when), published 05-25; s-b-1 happens 06-01, published 06-10;
    # one d4 statement is dated April by its when, the other by the May 30 publication.
    assert ids(filled.statements(since="2022-05-26", until="2022-05-31")) == {"s-a-1", "s-d-dup"}
    rows = filled.statements(since="2022-06-01")
    assert ids(rows) == {"s-b-1", "s-b-2"}
    assert [r["event_date"] for r in rows] == ["2022-06-10", "2022-06-01"]
    assert [r["sentence"] for r in filled.statements(until="2022-04-30")] == [0]
    assert ids(filled.statements(until="2022-05-25")) == {"s-a-head", "s-a-2", "s-d-dup"}


def test_date_accepts_datetimes_and_rejects_garbage(filled: Store) -> None:
    assert ids(filled.statements(since="2022-06-02T00:00:00")) == {"s-b-2"}
    with pytest.raises(ValueError, match="since"):
        filled.statements(since="last week")


@pytest.mark.parametrize("spec, expected", [
    ("UKR SPY", {"s-a-1"}),
    ("UKR", {"s-a-1", "s-b-1"}),
    ("zelensky", {"s-b-1"}),
    ("military intel", {"s-a-1"}),
    ("kremlin", {"s-a-2"}),
    ("100%", set()),
])
def test_claimant(filled: Store, spec: str, expected: set[str]) -> None:
    assert ids(filled.statements(claimant=spec)) == expected


def test_document_and_limit(filled: Store) -> None:
    assert ids(filled.statements(document="b2")) == {"s-b-1", "s-b-2"}
    rows = filled.statements(limit=2, newest_first=False)
    assert len(rows) == 2 and rows[0]["event_date"] == "2022-04-15"
    assert filled.statements(limit=1)[0]["id"] == "s-b-2"
    assert filled.statements(limit=0) == []


def test_duplicate_statement_ids_are_both_kept(filled: Store) -> None:
    rows = filled.statements(document="d4", newest_first=False)
    assert [r["sentence"] for r in rows] == [0, 1]


def test_a_year_is_listed_beside_its_days_never_as_a_january_day(store: Store) -> None:
    from claimgraph.model import ActorRef, Document, Event, Record, Statement, When

    def stmt(sid: str, when: When | None) -> Statement:
        return Statement(id=sid, sentence=0, span=(0, 5), evidence="Text.",
                         event=Event("ASSAULT", "190", 4, -9.0, "attacked"),
                         actor=[ActorRef("Germany", "DEU")], recipient=[ActorRef("USSR", "SUN")],
                         when=when)

    doc = Document(id="h", text="Text.", published="1990-05-01", language="en")
    store.add([Record(doc, [
        stmt("march", When("on 1 March 1941", "1941-03-01", "1941-03-01", "day")),
        stmt("year", When("in 1941", "1941-01-01", "1941-12-31", "year")),
        stmt("june", When("on 22 June 1941", "1941-06-22", "1941-06-22", "day")),
        stmt("dec", When("on 31 December 1940", "1940-12-31", "1940-12-31", "day")),
    ])])
    # Newest first (the default) by a range's end: 1941 leads the days of 1941; oldest first by
    # its start: 1941 leads them too; 31 December 1940 stays on the older side either way.
    assert [r["id"] for r in store.statements()] == ["year", "june", "march", "dec"]
    assert [r["id"] for r in store.statements(newest_first=False)] == ["dec", "year", "march", "june"]
