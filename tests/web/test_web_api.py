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
    rows = read_only.get("/api/statements", params={"actor": "BLR", "type": "ASSAULT"}).json()
    assert {r["status"] for r in rows} == {"future", "negated", "question"}
    doc = read_only.get("/api/documents/doc-example").json()
    assert doc["document"]["title"] == "Will Lukashenko intervene in the Russian war?"
    s = doc["statements"][1]
    assert doc["document"]["text"][s["span"][0]:s["span"][1]] == s["evidence"]
    assert read_only.get("/api/documents/nope").status_code == 404
    assert read_only.get("/api/statements", params={"since": "yesterday"}).status_code in (400, 422)


def test_search_matches_all_words(read_only):
    found = read_only.get("/api/search", params={"q": "Belarus war"}).json()["documents"]
    assert {d["id"] for d in found} == {"doc-example", "doc-nato"}
    assert read_only.get("/api/search", params={"q": "100%_"}).json()["documents"] == []


def test_clusters_timeline_network(read_only):
    clusters = read_only.get("/api/clusters", params={"min_reports": 2}).json()
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
    (question,) = read_only.get("/api/questions").json()
    board = read_only.get(f"/api/questions/{question['id']}",
                          params={"as_of": "2022-06-01"}).json()
    outcomes = [e["outcome"] for e in board["groups"]["future"]]
    assert outcomes == ["expired", "open"]
    assert read_only.get("/api/questions/ffff").status_code == 404
    cands = read_only.get("/api/questions/candidates").json()
    assert [c["tracked"] for c in cands] == [True, False]


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
