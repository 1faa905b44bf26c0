"""Statement lists a page at a time: sorting, offset, total, site and text filters."""

from __future__ import annotations

import pytest

from claimgraph.analysis.source import load_rows


def test_sorted_pages_do_not_overlap_and_cover_the_total(store):
    total = store.count_statements()
    assert total == store.count("statements")
    seen = []
    for offset in range(0, total, 4):
        seen += [(s["document_id"], s["id"]) for s in
                 store.statements(sort="-date", limit=4, offset=offset)]
    assert len(seen) == len(set(seen)) == total
    dates = [s["event_date"] for s in store.statements(sort="-date")]
    assert dates == sorted(dates, reverse=True)


def test_sort_keys(store):
    types = [s["event"]["type"] for s in store.statements(sort="type")]
    assert types == sorted(types)
    sites = [s["site"] for s in store.statements(sort="-site")]
    assert sites == sorted(sites, reverse=True)
    with pytest.raises(ValueError, match="sort: unknown key 'colour'"):
        store.statements(sort="colour")


def test_site_and_text_filters(store):
    wire = store.statements(site="wire.example")
    assert {s["document_id"] for s in wire} == {"doc-invasion", "doc-meeting"}
    assert store.count_statements(site="wire.example,blog.example") == len(wire) + 2
    found = store.statements(text="Moscow talks")
    assert [s["evidence"] for s in found] == [
        "Belarus and Russia held talks in Moscow about the sanctions."]
    assert store.count_statements(text="moscow") == 2
    assert store.count_statements(text="100%_") == 0
    rows = load_rows(store, site="paper.example", text="assault", sort="-date")
    assert [r["document_id"] for r in rows] == ["doc-invasion-2"]
