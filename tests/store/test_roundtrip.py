"""Records go in and come back unchanged; re-adding a document replaces it."""

from __future__ import annotations

import json

import pytest

from claimgraph.model import Record
from claimgraph.store import Store, open_store
from claimgraph.store.errors import StoreError


def test_round_trip_returns_what_was_stored(filled: Store, records: list[Record]) -> None:
    for record in records:
        back = filled.document(record.document.id)
        assert back is not None
        assert back.to_dict() == record.to_dict()
        assert back.document.source_path == record.document.source_path


def test_missing_document(filled: Store) -> None:
    assert filled.document("nope") is None
    assert not filled.has("nope")
    assert filled.has("a1")


def test_add_counts(store: Store, records: list[Record]) -> None:
    result = store.add(records)
    n_statements = sum(len(r.statements) for r in records)
    assert (result.added, result.replaced, result.statements) == (len(records), 0, n_statements)
    assert store.count() == len(records)
    assert store.count("statements") == n_statements
    assert store.count("actors") == sum(len(s.actor) + len(s.recipient)
                                        for r in records for s in r.statements)
    assert store.count("attributions") == sum(len(r.attributions) for r in records)
    assert f"{len(records)} documents added" in str(result)
    with pytest.raises(ValueError):
        store.count("nothing")


def test_re_add_replaces_never_duplicates(store: Store, records: list[Record]) -> None:
    store.add(records)
    before = {w: store.count(w) for w in ("documents", "statements", "actors", "attributions")}
    result = store.add(records)
    assert (result.added, result.replaced) == (0, len(records))
    assert {w: store.count(w) for w in before} == before


def test_re_add_with_fewer_statements_drops_the_old_ones(filled: Store, records: list[Record]) -> None:
    changed = records[0]
    changed.statements = changed.statements[:1]
    changed.attributions = []
    changed.document.title = "A new title"
    filled.add([changed])
    back = filled.document(changed.document.id)
    assert back is not None and back.to_dict() == changed.to_dict()
    assert len(filled.statements(document="a1")) == 1
    assert filled.sql("SELECT count(*) AS n FROM attributions WHERE document_id = ?", ["a1"])[0]["n"] == 0


def test_same_id_twice_in_one_add_keeps_the_last(store: Store, records: list[Record]) -> None:
    first, second = records[1], Record.from_dict(records[1].to_dict())
    second.statements = second.statements[1:]
    result = store.add([first, second])
    assert (result.added, result.replaced) == (1, 1)
    assert store.count() == 1
    assert store.document("b2").to_dict() == second.to_dict()


def test_remove(filled: Store) -> None:
    assert filled.remove("a1")
    assert not filled.remove("a1")
    assert not filled.has("a1")
    assert not filled.statements(document="a1")
    assert filled.sql("SELECT count(*) AS n FROM statement_actors WHERE document_id = 'a1'")[0]["n"] == 0


def test_documents_listing(filled: Store, records: list[Record]) -> None:
    docs = filled.documents()
    assert [d["id"] for d in docs] == ["a1", "d4", "b2", "c3"]  # by publication date, undated last
    a1 = docs[0]
    assert (a1["statements"], a1["attributions"], a1["title"]) == (3, 1, records[0].document.title)
    assert "text" not in a1
    assert [d["id"] for d in filled.documents(since="2022-05-26")] == ["d4", "b2"]
    assert [d["id"] for d in filled.documents(site="example.org", limit=1)] == ["a1"]
    assert filled.documents(ids=["c3"], with_text=True)[0]["text"] == records[2].document.text
    json.dumps(docs)  # JSON-ready for the web layer


def test_statement_shape(filled: Store, records: list[Record]) -> None:
    rows = filled.statements(document="a1")
    assert [r["id"] for r in rows] == ["s-a-1", "s-a-head", "s-a-2"]  # newest event first
    oldest = filled.statements(document="a1", newest_first=False)
    assert [r["id"] for r in oldest] == ["s-a-head", "s-a-2", "s-a-1"]
    row = next(r for r in rows if r["id"] == "s-a-1")
    expected = next(s for s in records[0].to_dict()["statements"] if s["id"] == "s-a-1")
    for key, value in expected.items():
        assert row[key] == value
    assert row["document_id"] == "a1"
    assert row["document_title"] == records[0].document.title
    assert row["document_url"] == records[0].document.url
    assert row["published"] == "2022-05-25"
    assert row["site"] == "example.org"
    assert row["event_date"] == "2022-05-26"
    json.dumps(rows)


def test_sql_helper_reads_and_cannot_write(filled: Store) -> None:
    rows = filled.sql("SELECT event_type, count(*) AS n FROM statements GROUP BY event_type "
                      "ORDER BY event_type")
    assert {r["event_type"]: r["n"] for r in rows}["ASSAULT"] == 2
    filled.sql("DELETE FROM statements")
    assert filled.count("statements") == 7


def test_read_only_store_refuses_writes(db_target: str, records: list[Record]) -> None:
    with open_store(db_target) as s:
        s.add(records)
    with open_store(db_target, read_only=True) as ro:
        assert ro.count() == len(records)
        with pytest.raises(StoreError):
            ro.add(records[:1])
        with pytest.raises(StoreError):
            ro.remove("a1")
    with open_store(db_target, read_only=True) as ro:
        assert ro.count() == len(records)


def test_session_runs_several_queries_on_one_connection(filled: Store) -> None:
    with filled.session() as s:
        assert filled.count() == 4
        assert filled.has("b2")
        first = s.execute("SELECT count(*) AS n FROM documents")[0]["n"]
    assert first == 4
