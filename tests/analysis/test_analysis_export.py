"""Exports: JSONL, CSV, Parquet and the GDELT 2.0 event-table layout, for statements and clusters."""

from __future__ import annotations

import csv
import json

import pytest

from claimgraph.analysis.export import (
    CLUSTER_COLUMNS, STATEMENT_COLUMNS, gdelt_columns, write_export,
)
from claimgraph.analysis.source import load_rows


def test_gdelt_columns_are_the_61_of_the_event_table():
    cols = gdelt_columns()
    assert len(cols) == 61 and cols[0] == "GLOBALEVENTID" and cols[-1] == "SOURCEURL"
    assert cols.index("EventCode") == 26 and cols.index("QuadClass") == 29


def test_csv_statements(store, tmp_path):
    rows = load_rows(store)
    out = tmp_path / "s.csv"
    assert write_export(rows, out, "csv") == len(rows)
    with out.open(newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == list(STATEMENT_COLUMNS)
    example = [r for r in table if r["claimant_text"] == "Ukrainian military intelligence"][0]
    assert example["actor_codes"] == "BLR" and example["recipient_codes"] == "UKR"
    assert example["via"] == "Ukrainska Pravda" and example["status"] == "future"
    assert example["event_date"] == "2022-05-23" and example["hedged"] == "false"
    nato = [r for r in table if r["actor_texts"] == "NATO"][0]
    assert nato["actor_codes"] == "IGO:NATO"


def test_csv_and_jsonl_clusters(store, tmp_path):
    rows = load_rows(store)
    n = write_export(rows, tmp_path / "c.csv", "csv", level="clusters")
    assert 0 < n < len(rows)
    with (tmp_path / "c.csv").open(newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == list(CLUSTER_COLUMNS)
    invasion = [r for r in table if r["event_type"] == "ASSAULT" and r["status"] == "asserted"][0]
    assert invasion["report_count"] == "2" and invasion["sites"] == "wire.example;paper.example"
    write_export(rows, tmp_path / "c.jsonl", "jsonl", level="clusters")
    lines = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == n and all(isinstance(x["statement_ids"], list) for x in lines)


def test_parquet_keeps_types(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    rows = load_rows(store)
    write_export(rows, tmp_path / "s.parquet", "parquet")
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.num_rows == len(rows) and table.column_names == list(STATEMENT_COLUMNS)
    assert str(table.schema.field("intensity").type) == "double"
    assert str(table.schema.field("event_date").type) == "date32[day]"
    write_export(rows, tmp_path / "c.parquet", "parquet", level="clusters")
    clusters = pq.read_table(tmp_path / "c.parquet").to_pylist()
    assert max(c["report_count"] for c in clusters) == 2


def test_gdelt_layout(store, tmp_path):
    rows = load_rows(store)
    out = tmp_path / "events.csv"
    n = write_export(rows, out, "gdelt", level="clusters")
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == n
    cols = gdelt_columns()
    parsed = [dict(zip(cols, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    invasion = [p for p in parsed if p["EventCode"] == "190" and p["Actor1CountryCode"] == "RUS"
                and p["NumArticles"] == "2"][0]
    assert invasion["SQLDATE"] == "20220224" and invasion["MonthYear"] == "202202"
    assert invasion["Year"] == "2022" and invasion["QuadClass"] == "4"
    assert invasion["Actor2Code"] == "UKR" and invasion["EventRootCode"] == "19"
    assert invasion["GoldsteinScale"] == "-9.0" and invasion["NumSources"] == "2"
    assert invasion["SOURCEURL"] == "https://wire.example/doc-invasion"
    meeting = [p for p in parsed if p["EventCode"] == "040"][0]
    assert meeting["Actor1Code"] == "BLRGOV" and meeting["Actor1Type1Code"] == "GOV"
    # Moscow is exported as its country-level match, with Russia's FIPS code and centre.
    assert meeting["ActionGeo_Type"] == "1" and meeting["ActionGeo_FullName"] == "Russia"
    assert meeting["ActionGeo_CountryCode"] == "RS" and meeting["ActionGeo_FeatureID"] == "RS"
    assert (meeting["ActionGeo_Lat"], meeting["ActionGeo_Long"]) == ("60", "100")
    assert meeting["Actor1Geo_CountryCode"] == "" and meeting["Actor2Geo_Type"] == ""
    nato = [p for p in parsed if p["Actor1KnownGroupCode"] == "NATO"][0]
    assert nato["Actor1CountryCode"] == ""
    ids = [p["GLOBALEVENTID"] for p in parsed]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)
    assert write_export(rows, tmp_path / "s.csv", "gdelt") == len(rows)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_export([], tmp_path / "x", "xml")
