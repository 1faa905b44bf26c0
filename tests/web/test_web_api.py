"""The REST API through FastAPI's test client: reads, auth on writes, OpenAPI."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from claimgraph.web.app import create_app


@pytest.fixture()
def db(web_store_path, tmp_path):
    path = tmp_path / "api.duckdb"
    shutil.copy(web_store_path, path)
    return path


@pytest.fixture()
def client(db, api_token):
    return TestClient(create_app(db, token=api_token))


@pytest.fixture()
def read_only(db):
    return TestClient(create_app(db))


def test_openapi_lists_the_endpoints(read_only):
    spec = read_only.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/statements", "/api/documents/{doc_id}", "/api/search", "/api/clusters",
            "/api/timeline", "/api/questions", "/api/questions/{qid}", "/api/network",
            "/api/ingest"} <= paths
    assert "post" in spec["paths"]["/api/ingest"] and "post" in spec["paths"]["/api/questions"]


def test_statements_and_documents(read_only):
    answer = read_only.get("/api/statements", params={"actor": "BLR", "type": "ASSAULT"}).json()
    rows = answer["items"]
    assert {r["status"] for r in rows} == {"future", "negated", "question"}
    assert answer["total"] == len(rows) and answer["offset"] == 0
    doc = read_only.get("/api/documents/doc-example").json()
    assert doc["document"]["title"] == "Will Lukashenko intervene in the Russian war?"
    s = doc["statements"][1]
    assert doc["document"]["text"][s["span"][0]:s["span"][1]] == s["evidence"]
    assert read_only.get("/api/documents/nope").status_code == 404
    assert read_only.get("/api/statements", params={"since": "yesterday"}).status_code in (400, 422)


def test_search_matches_all_words(read_only):
    found = read_only.get("/api/search", params={"q": "Belarus war"}).json()
    assert {d["id"] for d in found["items"]} == {"doc-example", "doc-nato"}
    assert found["total"] == 2
    second = read_only.get("/api/search", params={"q": "Belarus war", "limit": 1, "offset": 1})
    assert second.json()["items"] == found["items"][1:] and second.json()["total"] == 2
    assert read_only.get("/api/search", params={"q": "100%_"}).json()["items"] == []


def test_clusters_timeline_network(read_only):
    clusters = read_only.get("/api/clusters", params={"min_reports": 2}).json()["items"]
    assert [c["report_count"] for c in clusters] == [2, 2]
    t = read_only.get("/api/timeline", params={"a": "RUS", "b": "UKR", "unit": "statements"}).json()
    assert t["total"] == 2
    t = read_only.get("/api/timeline", params={"a": "RUS", "b": "BLR", "status": "all",
                                                "unit": "statements"}).json()
    assert t["total"] == 4
    assert read_only.get("/api/timeline", params={"a": "RUS", "b": "BLR",
                                                  "direction": "up"}).status_code == 422
    net = read_only.get("/api/network", params={"min_count": 1}).json()
    assert {n["id"] for n in net["nodes"]} == {"BLR", "RUS", "UKR", "IGO:NATO"}


def test_question_board(read_only):
    (question,) = read_only.get("/api/questions").json()["items"]
    board = read_only.get(f"/api/questions/{question['id']}",
                          params={"as_of": "2022-06-01"}).json()
    outcomes = [e["outcome"] for e in board["groups"]["future"]]
    assert outcomes == ["expired", "open"]
    assert read_only.get("/api/questions/ffff").status_code == 404
    cands = read_only.get("/api/questions/candidates").json()["items"]
    assert [c["tracked"] for c in cands] == [True, False]
    (nato,) = read_only.get("/api/questions/candidates",
                            params={"document": "doc-nato"}).json()["items"]
    assert (nato["actor"], nato["event_type"], nato["recipient"]) == ("NATO", "THREATEN", "BLR")


def test_writes_need_a_configured_token(read_only, client, api_token):
    body = {"text": "Will NATO threaten Belarus?", "actor": "NATO", "type": "THREATEN",
            "recipient": "BLR"}
    assert read_only.post("/api/questions", json=body).status_code == 403
    assert read_only.post("/api/questions", json=body,
                          headers={"Authorization": f"Bearer {api_token}"}).status_code == 403
    assert client.post("/api/questions", json=body).status_code == 401
    assert client.post("/api/questions", json=body,
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    made = client.post("/api/questions", json=body,
                       headers={"Authorization": f"Bearer {api_token}"})
    assert made.status_code == 201
    board = client.get(f"/api/questions/{made.json()['id']}").json()
    assert board["state"] == "happened"
    bad = client.post("/api/questions", json={**body, "type": "INVADE"},
                      headers={"Authorization": f"Bearer {api_token}"})
    assert bad.status_code == 422


def test_ingest_records(client, api_token, records_for_ingest):
    auth = {"Authorization": f"Bearer {api_token}"}
    assert client.post("/api/ingest", json={"records": records_for_ingest}).status_code == 401
    result = client.post("/api/ingest", json={"records": records_for_ingest + [{"x": 1}]},
                         headers=auth).json()
    assert result["replaced"] == 1 and result["added"] == 1 and result["rejected"] == 1
    assert client.get("/api/documents/doc-new").json()["statements"][0]["event"]["type"] == "AID"
    assert client.get("/api/stats").json()["documents"] == 9


@pytest.fixture()
def records_for_ingest():
    import handmade

    old = handmade.records()[0].to_dict()
    new = handmade.article("doc-new", "Russia sends aid to Belarus", "2022-06-01", "x.example", [
        ("Russia sent grain to Belarus.", [handmade.S("AID", [handmade.RUS], [handmade.BLR], "sent")]),
    ]).to_dict()
    return [old, new]


def test_openapi_declares_the_bearer_scheme_on_writes(read_only):
    spec = read_only.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {**schemes["bearerToken"], "type": "http", "scheme": "bearer"}
    for path, method in (("/api/questions", "post"), ("/api/questions/{qid}", "delete"),
                         ("/api/ingest", "post"), ("/api/questions/from-headline", "post")):
        assert spec["paths"][path][method]["security"] == [{"bearerToken": []}], path
    assert "security" not in spec["paths"]["/api/statements"]["get"]


def test_docs_pages_load_their_assets_from_the_server(read_only):
    import re

    for page in ("/docs", "/redoc"):
        html = read_only.get(page).text
        urls = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert urls and all(u.startswith("/") for u in urls), (page, urls)
        assert "http://" not in html and "https://" not in html
        for url in urls:
            assert read_only.get(url).status_code == 200, url


def test_statement_pages_sorting_and_filters(read_only):
    first = read_only.get("/api/statements", params={"sort": "-date", "limit": 5}).json()
    rest = read_only.get("/api/statements", params={"sort": "-date", "limit": 50,
                                                    "offset": 5}).json()
    assert first["total"] == rest["total"] == 15
    assert len(first["items"]) == 5 and len(rest["items"]) == 10
    dates = [s["event_date"] for s in first["items"] + rest["items"]]
    assert dates == sorted(dates, reverse=True)
    wire = read_only.get("/api/statements", params={"site": "wire.example"}).json()
    assert {s["document_id"] for s in wire["items"]} == {"doc-invasion", "doc-meeting"}
    words = read_only.get("/api/statements", params={"q": "troops", "claimant": "Ukrainian"})
    assert [s["document_id"] for s in words.json()["items"]] == ["doc-example"]
    assert read_only.get("/api/statements", params={"sort": "colour"}).status_code == 422
    facets = read_only.get("/api/facets").json()
    assert "ASSAULT" in facets["types"] and "negated" in facets["statuses"]
    assert {"site": "wire.example", "documents": 2} in facets["sites"]


def test_downloads_hold_the_filtered_set(read_only):
    import csv
    import io
    import json

    got = read_only.get("/api/statements/download", params={"actor": "RUS", "format": "csv"})
    assert got.headers["content-type"].startswith("text/csv")
    assert 'filename="claimgraph-statements.csv"' in got.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(got.text)))
    total = read_only.get("/api/statements", params={"actor": "RUS"}).json()["total"]
    assert len(table) == total and all("RUS" in r["actor_codes"] for r in table)
    lines = read_only.get("/api/statements/download",
                          params={"actor": "RUS", "format": "jsonl", "sort": "date"}).text
    items = [json.loads(line) for line in lines.splitlines()]
    assert len(items) == total and items[0]["event_date"] <= items[-1]["event_date"]
    clusters = read_only.get("/api/clusters/download", params={"format": "csv",
                                                               "min_reports": 2}).text
    rows = list(csv.DictReader(io.StringIO(clusters)))
    assert [r["report_count"] for r in rows] == ["2", "2"]
    empty = read_only.get("/api/statements/download", params={"q": "nothing-like-this"}).text
    assert empty.splitlines()[0].startswith("id,document_id")
    assert len(empty.splitlines()) == 1


def test_cluster_pages_and_sorting(read_only):
    by_reports = read_only.get("/api/clusters").json()
    assert by_reports["total"] == len(by_reports["items"])
    counts = [c["report_count"] for c in by_reports["items"]]
    assert counts == sorted(counts, reverse=True)
    by_date = read_only.get("/api/clusters", params={"sort": "date", "limit": 3,
                                                     "offset": 1}).json()
    dates = [c["first_date"] for c in by_date["items"]]
    assert len(dates) == 3 and dates == sorted(dates)
    assert read_only.get("/api/clusters", params={"sort": "size"}).status_code == 422


def test_timeline_window_bins_and_bar_statements(read_only):
    t = read_only.get("/api/timeline", params={"a": "RUS", "b": "BLR", "bin": "month"}).json()
    assert (t["since"], t["until"]) == ("2022-02-10", "2022-03-12")
    assert [(b["start"], b["count"]) for b in t["bins"]] == [("2022-02-01", 1), ("2022-03-01", 1)]
    narrow = read_only.get("/api/timeline", params={"a": "RUS", "b": "BLR",
                                                    "since": "2022-03-01"}).json()
    assert narrow["since"] == "2022-03-01" and narrow["outside"]["before"] == 1
    behind = read_only.get("/api/timeline/statements", params={
        "a": "RUS", "b": "BLR", "bin": "month", "period": "2022-03-01"}).json()
    # One event, reported by two outlets.
    assert {s["document_id"] for s in behind["items"]} == {"doc-meeting", "doc-meeting-2"}
    assert behind["total"] == 2 and behind["items"][0]["event_type"] == "CONSULT"


def test_track_a_headline_and_remove_the_question(client, api_token):
    auth = {"Authorization": f"Bearer {api_token}"}
    body = {"document": "doc-nato"}
    assert client.post("/api/questions/from-headline", json=body).status_code == 401
    made = client.post("/api/questions/from-headline", json=body, headers=auth)
    assert made.status_code == 201
    q = made.json()
    assert (q["text"], q["actor"], q["event_type"], q["recipient"], q["source_document"]) == (
        "Does NATO threaten Belarus?", "NATO", "THREATEN", "BLR", "doc-nato")
    (cand,) = client.get("/api/questions/candidates", params={"document": "doc-nato"}).json()["items"]
    assert cand["tracked"]
    assert client.post("/api/questions/from-headline", json={"document": "doc-drills"},
                       headers=auth).status_code == 422
    assert client.post("/api/questions/from-headline", json={"document": "nope"},
                       headers=auth).status_code == 404
    assert client.delete(f"/api/questions/{q['id']}", headers=auth).json() == {"removed": q["id"]}
    ids = [x["id"] for x in client.get("/api/questions").json()["items"]]
    assert q["id"] not in ids
