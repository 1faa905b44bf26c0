"""The real pipeline through run_parallel: 2 workers give exactly what 1 gives, in input order."""

from __future__ import annotations

import pytest

from claimgraph.errors import InputError
from claimgraph.parallel import run_parallel
from claimgraph.sources import RawItem

ARTICLES = [
    ("Russia accuses Ukraine of shelling Donetsk",
     "Russia on Tuesday accused Ukraine of shelling the city of Donetsk. The Ukrainian army denied "
     "the claim, a spokesman told Reuters."),
    ("Talks in Istanbul",
     "Ukrainian and Russian negotiators met in Istanbul on Monday. Turkey's president said the "
     "talks could lead to a ceasefire."),
    (None, ""),
    ("Sanctions",
     "The European Union imposed new sanctions on Russian banks, officials in Brussels said. "
     "Moscow threatened to retaliate."),
    ("Aid", "The United States will send more weapons to Ukraine, the Pentagon said on Friday."),
]


def _items():
    for i, (title, text) in enumerate(ARTICLES * 3):
        yield RawItem(origin=f"fixture.jsonl:{i + 1}", text=text, title=title,
                      url=f"https://example.org/{i}", published="2022-03-15")
        if i == 4:
            yield InputError("fixture.jsonl:99", "malformed JSON line")


def _view(results):
    return [r.line() if isinstance(r, InputError) else r.to_dict() for r in results]


@pytest.fixture(scope="module")
def real_pipeline():
    try:
        from claimgraph.pipeline import Pipeline
    except ImportError as exc:
        pytest.skip(f"the pipeline's parts are not all importable yet: {exc}")
    return Pipeline()


def test_two_workers_equal_one(real_pipeline):
    one = _view(run_parallel(_items(), workers=1, factory=lambda: real_pipeline))
    two = _view(run_parallel(_items(), workers=2, batch_size=2))
    assert two == one
    assert len(one) == 3 * len(ARTICLES) + 1
    assert any(isinstance(r, dict) and r["statements"] for r in one)


def test_real_records_survive_a_partition_round_trip(real_pipeline, tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is needed for Parquet partitions")
    from claimgraph.scale.partitions import load_partitions, write_partition
    from claimgraph.store import open_store

    results = list(run_parallel(_items(), workers=1, factory=lambda: real_pipeline))
    records = [r for r in results if not isinstance(r, InputError)]
    info = write_partition(results, tmp_path / "part-000000")
    assert info.errors == len(results) - len(records)
    with open_store(tmp_path / "local.duckdb") as local, \
            open_store(tmp_path / "loaded.duckdb") as loaded:
        local.add(records)
        load_partitions(loaded, [info.path])
        ids = [d["id"] for d in local.documents()]
        assert ids and ids == [d["id"] for d in loaded.documents()]
        for doc_id in ids:
            assert loaded.document(doc_id).to_dict() == local.document(doc_id).to_dict()
        assert loaded.count("statements") == local.count("statements") > 0


def test_real_pipeline_on_a_two_worker_cluster_matches_a_local_ingest(real_pipeline, tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is needed for Parquet partitions")
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    import json

    from distributed import Client, LocalCluster

    from claimgraph.scale.dask import ingest_dask
    from claimgraph.sources import read
    from claimgraph.store import open_store

    files = []
    for k in range(2):
        path = tmp_path / f"shard{k}.jsonl"
        rows = [{"text": text, "title": title, "url": f"https://example.org/{k}/{i}",
                 "published": "2022-03-15"} for i, (title, text) in enumerate(ARTICLES) if text]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        files.append(str(path))
    records = [r for r in real_pipeline.run(read(files)) if not isinstance(r, InputError)]
    with open_store(tmp_path / "local.duckdb") as local:
        local.add(records)
        expected = {d["id"]: local.document(d["id"]).to_dict() for d in local.documents()}
    assert any(doc["statements"] for doc in expected.values())

    # The workers build the default pipeline themselves, as on a real cluster.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client, \
            open_store(tmp_path / "cluster.duckdb") as store:
        result = ingest_dask(files, client, store, tmp_path / "parts", shard_bytes=200)
        assert len(result.partitions) > len(files)
        got = {d["id"]: store.document(d["id"]).to_dict() for d in store.documents()}
    assert got == expected
