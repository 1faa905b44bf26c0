"""The pipeline on a dask.distributed cluster: one task per shard, one Parquet partition per task.

Tasks read their shard themselves (the input must be on storage every worker sees), run a
pipeline each worker builds once, and write their partition to `out_dir` (shared storage too).
Only small summaries travel back to the client; the store loads the partitions afterwards.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.model import stable_id
from claimgraph.parallel import Factory, default_factory
from claimgraph.scale.partitions import PartitionInfo, load_partitions, write_partition
from claimgraph.scale.shards import DEFAULT_SHARD_BYTES, Shard, plan_shards, read_shard
from claimgraph.store.base import AddResult, Store

#: where partitions go when no directory is given
DEFAULT_OUT = "claimgraph-partitions"
LOCAL = "local"


class ShardError(RuntimeError):
    """A shard's task failed on the cluster."""


@dataclass
class DaskIngestResult(AddResult):
    """What `ingest_dask` did: the store's counts plus the partitions it loaded."""

    partitions: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """Inputs rejected (same as `rejected`)."""
        return self.rejected

    def __str__(self) -> str:
        return (f"{self.documents} documents ({self.added} new, {self.replaced} replaced), "
                f"{self.statements} statements, {self.rejected} inputs rejected, "
                f"{len(self.partitions)} partitions")


_local = threading.local()


def _pipeline(factory: Factory) -> Any:
    """Return this worker thread's pipeline, building it on the thread's first task."""
    try:
        key: object = pickle.dumps(factory)
    except Exception:  # noqa: BLE001 -- an unpicklable factory is simply not cached by value
        key = id(factory)
    cached = getattr(_local, "pipeline", None)
    if cached is None or cached[0] != key:
        # One per thread: spaCy pipelines are not meant to be shared between threads.
        _local.pipeline = (key, factory())
    return _local.pipeline[1]


def partition_name(index: int, shard: Shard) -> str:
    """Return the partition directory name of a shard (sorts in input order, stable across runs)."""
    return f"part-{index:06d}-{stable_id(*shard.paths, shard.start, shard.end)}"


def process_shard(shard: Shard, index: int, out_dir: str,
                  factory: Factory | None = None) -> PartitionInfo:
    """Run the pipeline over one shard and write its partition (the task each worker runs)."""
    t0 = time.perf_counter()
    pipeline = _pipeline(factory or default_factory)
    info = write_partition(pipeline.run(read_shard(shard)), Path(out_dir) / partition_name(index, shard))
    info.seconds = time.perf_counter() - t0
    return info


@contextlib.contextmanager
def connect(address: Any = None) -> Iterator[Any]:
    """Yield a dask Client: for a scheduler address, for `local[:N]` (a LocalCluster), or as given."""
    from distributed import Client, LocalCluster

    if isinstance(address, Client):
        yield address
        return
    if address is None or str(address).split(":", 1)[0] == LOCAL:
        n = str(address or LOCAL).partition(":")[2]
        workers = int(n) if n else (os.cpu_count() or 1)
        # A local cluster is an implementation detail here: its shutdown chatter (closed comms
        # tracebacks) must not reach the user's terminal; task failures are raised as ShardError.
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
                Client(cluster) as client:
            yield client
        return
    with Client(str(address)) as client:
        yield client


def run_shards(paths: Iterable[str | Path], address: Any, out_dir: str | Path = DEFAULT_OUT, *,
               shard_bytes: int = DEFAULT_SHARD_BYTES,
               factory: Factory | None = None) -> list[PartitionInfo]:
    """Run one task per shard on the cluster; return what each wrote, in input order."""
    from distributed import as_completed

    shards = plan_shards(paths, shard_bytes)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = str(out.resolve())
    run = uuid.uuid4().hex[:8]
    infos: list[PartitionInfo | None] = [None] * len(shards)
    with connect(address) as client:
        futures = {client.submit(process_shard, shard, i, target, factory,
                                 key=f"claimgraph-shard-{run}-{i:06d}"): i
                   for i, shard in enumerate(shards)}
        try:
            for future in as_completed(futures):
                i = futures[future]
                if future.status == "error":
                    exc = future.exception()
                    raise ShardError(f"shard {i} ({shards[i].describe()}) failed: "
                                     f"{type(exc).__name__}: {exc}")
                infos[i] = future.result()
        finally:
            client.cancel(list(futures))
    return [info for info in infos if info is not None]


def run_dask(paths: Iterable[str | Path], address: Any, out_dir: str | Path = DEFAULT_OUT, *,
             shard_bytes: int = DEFAULT_SHARD_BYTES, factory: Factory | None = None) -> list[Path]:
    """Run the pipeline over shards of `paths` on a dask cluster; return the partitions in input order."""
    infos = run_shards(paths, address, out_dir, shard_bytes=shard_bytes, factory=factory)
    return [Path(info.path) for info in infos]


def ingest_dask(paths: Iterable[str | Path], address: Any, store: Store,
                out_dir: str | Path | None = None,
                on_error: Callable[[InputError], None] | None = None, *,
                shard_bytes: int = DEFAULT_SHARD_BYTES,
                factory: Factory | None = None) -> DaskIngestResult:
    """Run the pipeline on a dask cluster, then load its partitions into `store` (the one writer)."""
    parts = run_dask(paths, address, out_dir or DEFAULT_OUT, shard_bytes=shard_bytes,
                     factory=factory)
    loaded = load_partitions(store, parts, on_error=on_error)
    return DaskIngestResult(added=loaded.added, replaced=loaded.replaced,
                            statements=loaded.statements, rejected=loaded.rejected,
                            partitions=parts)
