"""Parquet partitions and the dask runner: what the cluster writes loads into the store exactly as a
local `Store.add` of the same records would, idempotently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scale_fakes import statement_factory

from claimgraph.errors import InputError
from claimgraph.scale.shards import plan_shards, read_shard
from claimgraph.store import open_store

pytest.importorskip("pyarrow", reason="pyarrow is needed for Parquet partitions")

from claimgraph.scale.partitions import (  # noqa: E402
    load_partitions, partition_errors, partition_records, write_partition,
)


def _write_shards(root: Path) -> list[Path]:
    root.mkdir()
    files = []
    for k in range(3):
        path = root / f"shard{k}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(6):
                f.write(json.dumps({"text": f"Kyiv Moscow talks {k} round {i} ended", "url": f"u/{k}/{i}",
                                    "title": f"Round {i}", "published": "2022-03-0%d" % (i + 1)}) + "\n")
                if k == 1 and i == 2:
                    f.write("{broken json\n")
            # The same article again, as feeds repeat themselves: stored once.
            f.write(json.dumps({"text": "Kyiv Moscow talks 0 round 0 ended", "url": "u/0/0",
                                "title": "Round 0", "published": "2022-03-01"}) + "\n")
        files.append(path)
    return files


def _local_results(paths):
    return list(statement_factory().run(r for s in plan_shards(paths, 10**9) for r in read_shard(s)))


def _dump(store) -> dict:
    return {d["id"]: store.document(d["id"]).to_dict() for d in store.documents()}


def test_partition_round_trips_through_duckdb_and_generic_paths(tmp_path: Path):
    files = _write_shards(tmp_path / "in")
    results = _local_results([str(f) for f in files])
    info = write_partition(results, tmp_path / "parts" / "part-000000")
    assert info.documents == sum(1 for r in results if not isinstance(r, InputError))
    assert info.errors == 1
    assert [e.path for e in partition_errors(info.path)] == [f"{files[1]}:4"]

    with open_store(tmp_path / "local.duckdb") as local:
        local_result = local.add(r for r in results if not isinstance(r, InputError))
        expected = _dump(local)
    with open_store(tmp_path / "loaded.duckdb") as store:
        errors: list[InputError] = []
        first = load_partitions(store, [tmp_path / "parts"], on_error=errors.append)
        assert (first.added, first.replaced, first.statements, first.rejected) == (
            local_result.added, local_result.replaced, local_result.statements, 1)
        assert local_result.replaced == 3
        assert _dump(store) == expected
        again = load_partitions(store, [info.path])
        assert (again.added, again.replaced) == (0, local_result.documents)
        assert _dump(store) == expected
        assert store.count("actors") == 2 * store.count("statements")

    rebuilt = {r.document.id: r.to_dict() for r in partition_records(info.path)}
    assert rebuilt == expected


def test_stores_other_than_duckdb_get_rebuilt_records(tmp_path: Path, monkeypatch):
    from claimgraph.scale import partitions

    files = _write_shards(tmp_path / "in")
    results = _local_results([str(f) for f in files])
    info = write_partition(results, tmp_path / "part-000000")
    with open_store(tmp_path / "local.duckdb") as local:
        local_result = local.add(r for r in results if not isinstance(r, InputError))
        expected = _dump(local)
    monkeypatch.setattr(partitions, "_is_duckdb", lambda store: False)
    with open_store(tmp_path / "generic.duckdb") as store:
        loaded = load_partitions(store, [info.path])
        assert (loaded.added, loaded.replaced, loaded.statements) == (
            local_result.added, local_result.replaced, local_result.statements)
        assert _dump(store) == expected


def test_rewriting_a_partition_replaces_it(tmp_path: Path):
    files = _write_shards(tmp_path / "in")
    results = _local_results([str(files[0])])
    target = tmp_path / "part-000000"
    write_partition(results, target)
    write_partition(results[:2], target)
    assert len(list(partition_records(target))) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


dask_distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def test_dask_cluster_ingest_matches_local_ingest(tmp_path: Path, client):
    from claimgraph.scale.dask import ingest_dask, run_dask

    files = [str(f) for f in _write_shards(tmp_path / "in")]
    results = _local_results(files)
    with open_store(tmp_path / "local.duckdb") as local:
        local_result = local.add(r for r in results if not isinstance(r, InputError))
        expected = _dump(local)

    parts = run_dask(files, client, tmp_path / "parts", shard_bytes=300, factory=statement_factory)
    assert len(parts) > len(files)  # the files were cut into line ranges
    assert parts == sorted(parts)
    with open_store(tmp_path / "cluster.duckdb") as store:
        errors: list[InputError] = []
        result = ingest_dask(files, client, store, tmp_path / "parts", on_error=errors.append,
                             shard_bytes=300, factory=statement_factory)
        assert [e.line() for e in errors] == [f"claimgraph: {files[1]}:4: malformed JSON line "
                                              "(Expecting property name enclosed in double "
                                              "quotes at column 2)"]
        assert result.errors == 1
        assert (result.added, result.replaced) == (local_result.added, local_result.replaced)
        assert _dump(store) == expected
        # Loading the same partitions again changes nothing.
        ingest_dask(files, client, store, tmp_path / "parts", shard_bytes=300,
                    factory=statement_factory)
        assert _dump(store) == expected


def test_a_failing_shard_is_reported_with_its_name(tmp_path: Path, client):
    from claimgraph.scale.dask import ShardError, run_dask

    (tmp_path / "ok.jsonl").write_text(json.dumps({"text": "fine text here"}) + "\n")
    (tmp_path / "crash.jsonl").write_text(json.dumps({"text": "CRASH"}) + "\n")
    with pytest.raises(ShardError, match=r"crash\.jsonl.*fake pipeline crashed"):
        run_dask([tmp_path / "ok.jsonl", tmp_path / "crash.jsonl"], client, tmp_path / "parts",
                 shard_bytes=1, factory=statement_factory)
