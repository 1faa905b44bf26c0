"""Local parallelism: N worker processes run the pipeline; the caller gets results in input order.

The parent reads items, sends them to the workers in chunks and yields the results in input
order. At most `max_in_flight` chunks are out at any time (queued, being processed, or waiting in
the reorder buffer), so memory stays flat however long the input is. Errors the readers produced
never travel to a worker: the parent keeps them in place and yields them in order.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import queue
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from claimgraph.errors import InputError

# Each worker is one process on one core; native thread pools inside it would only fight the
# other workers for the same cores.
THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}

DEFAULT_CHUNK = 16
#: a chunk is also cut once its texts reach this many characters. spaCy's working memory grows
#: with the text parsed together (about 3 KB per character for the small English model), and
#: transcripts of 30,000 words are real input.
DEFAULT_CHUNK_CHARS = 50_000
_POLL_SECONDS = 0.2
_JOIN_SECONDS = 10.0


class Runner(Protocol):
    """What a factory builds: something with the Pipeline's `run` contract."""

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        """Yield one result per item, in input order."""
        ...


Factory = Callable[[], Runner]


class WorkerError(RuntimeError):
    """A worker process failed or died; the message carries its traceback or exit code."""


@dataclass
class ParallelStats:
    """What a run did; filled in while it runs (pass one to `run_parallel` to read it)."""

    workers: int = 0
    start_method: str | None = None
    chunks: int = 0
    items: int = 0
    max_in_flight: int = 0
    max_buffered: int = 0
    startup_seconds: list[float] = field(default_factory=list)


def default_factory() -> Runner:
    """Build the standard pipeline (imported here so the parent need not load spaCy)."""
    from claimgraph.pipeline import Pipeline

    return Pipeline()


def default_start_method() -> str:
    """Return the start method used when none is given: forkserver on Linux, spawn elsewhere."""
    # forkserver gives each worker a clean interpreter (no inherited threads or locks from the
    # parent, which may run a store writer or a monitor thread) without spawn's full re-exec.
    if sys.platform.startswith("linux"):
        return "forkserver"
    return "spawn"


def run_parallel(
    items: Iterable[Any],
    workers: int,
    batch_size: int = DEFAULT_CHUNK,
    *,
    factory: Factory | None = None,
    start_method: str | None = None,
    max_in_flight: int | None = None,
    max_chunk_chars: int = DEFAULT_CHUNK_CHARS,
    stats: ParallelStats | None = None,
) -> Iterator[Any]:
    """Run the pipeline over `items` in `workers` processes; yield results in input order.

    Items go to a worker in chunks of `batch_size` items, cut earlier once they hold
    `max_chunk_chars` characters of text; a longer item travels alone, and only one worker at a
    time runs such an item, so peak memory stays bounded. `factory` builds one pipeline per worker
    (default: `Pipeline()`); it must be picklable (a module-level callable or a
    `functools.partial` of one). `workers <= 1` runs in this process. InputErrors among the
    items are yielded in their place. Raises WorkerError if a worker fails or dies.
    """
    if batch_size < 1 or max_chunk_chars < 1:
        raise ValueError("batch_size and max_chunk_chars must be at least 1")
    factory = factory or default_factory
    stats = stats if stats is not None else ParallelStats()
    stats.workers = max(1, workers)
    chunks = _chunks(items, batch_size, max_chunk_chars)
    if workers <= 1:
        return _run_inline(chunks, factory, stats)
    # A window of several chunks per worker keeps both busy when one chunk holds a very long
    # article (transcripts run to 30,000 words); raw items are small, so the window is cheap.
    limit = max_in_flight if max_in_flight is not None else 4 * workers
    if limit < 1:
        raise ValueError("max_in_flight must be at least 1")
    method = start_method or default_start_method()
    stats.start_method = method
    return _run_pool(chunks, workers, factory, method, limit, stats)


def _run_inline(chunks: Iterator[tuple[list[Any], bool]], factory: Factory,
                stats: ParallelStats) -> Iterator[Any]:
    t0 = time.perf_counter()
    runner = factory()
    stats.startup_seconds.append(time.perf_counter() - t0)
    # Chunk by chunk, like a worker, so the same memory bound holds in-process.
    for chunk, _ in chunks:
        stats.chunks += 1
        for result in runner.run(chunk):
            stats.items += 1
            yield result


@dataclass
class _WireError:
    """An InputError in transit (InputError itself does not survive pickling: its args differ)."""

    path: str
    reason: str


def _encode(result: Any) -> Any:
    if isinstance(result, InputError):
        return _WireError(result.path, result.reason)
    return result


def _decode(result: Any) -> Any:
    if isinstance(result, _WireError):
        return InputError(result.path, result.reason)
    return result


def _worker(payload: bytes, inq: Any, outq: Any, index: int, oversized: Any) -> None:
    """A worker's main loop: build the pipeline once, then run chunks until told to stop."""
    # The parent owns Ctrl-C: it stops the workers itself, so they must not die mid-message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(THREAD_ENV)
    parent = mp.parent_process()
    try:
        t0 = time.perf_counter()
        runner = pickle.loads(payload)()  # unpickled only now, after the thread limits are set
        outq.put(("ready", index, time.perf_counter() - t0))
    except BaseException:  # noqa: BLE001 -- any failure must reach the parent as text
        outq.put(("failed", index, None, traceback.format_exc()))
        return
    while True:
        try:
            message = inq.get(timeout=1.0)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return  # orphaned: the parent was killed without stopping us
            continue
        if message is None:
            return
        chunk_id, chunk, alone = message
        try:
            if alone:
                # One oversized article at a time: two at once could exhaust memory.
                with oversized:
                    results = [_encode(r) for r in runner.run(chunk)]
            else:
                results = [_encode(r) for r in runner.run(chunk)]
        except BaseException:  # noqa: BLE001
            outq.put(("failed", index, chunk_id, traceback.format_exc()))
            return
        outq.put(("done", index, chunk_id, results))


@contextlib.contextmanager
def _thread_env() -> Iterator[None]:
    """Set the thread limits in os.environ while workers start, so they inherit them."""
    saved = {k: os.environ.get(k) for k in THREAD_ENV}
    os.environ.update(THREAD_ENV)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _size(item: Any) -> int:
    return len(getattr(item, "text", None) or "") + len(getattr(item, "html", None) or "")


def _chunks(items: Iterable[Any], n: int, max_chars: int) -> Iterator[tuple[list[Any], bool]]:
    """Yield (chunk, oversized): chunks of up to n items and max_chars, an oversized item alone."""
    chunk: list[Any] = []
    chars = 0
    for item in items:
        size = _size(item)
        if size > max_chars:
            if chunk:
                yield chunk, False
                chunk, chars = [], 0
            yield [item], True
            continue
        chunk.append(item)
        chars += size
        if len(chunk) >= n or chars >= max_chars:
            yield chunk, False
            chunk, chars = [], 0
    if chunk:
        yield chunk, False


def _merge(original: list[Any], results: list[Any]) -> Iterator[Any]:
    """Put the workers' results back among the reader errors the parent kept."""
    todo = sum(1 for x in original if not isinstance(x, InputError))
    if len(results) != todo:
        raise WorkerError(f"pipeline returned {len(results)} results for {todo} items")
    it = iter(results)
    for x in original:
        yield x if isinstance(x, InputError) else _decode(next(it))


def _origins(chunk: list[Any]) -> str:
    names = [str(getattr(x, "origin", "?")) for x in chunk]
    return names[0] if len(names) == 1 else f"{names[0]} .. {names[-1]}"


def _run_pool(source: Iterator[tuple[list[Any], bool]], workers: int, factory: Factory,
              method: str, limit: int, stats: ParallelStats) -> Iterator[Any]:
    ctx = mp.get_context(method)
    payload = pickle.dumps(factory)
    inq = ctx.Queue(maxsize=limit + workers)
    outq = ctx.Queue()
    oversized = ctx.Lock()
    procs = [ctx.Process(target=_worker, args=(payload, inq, outq, i, oversized),
                         name=f"claimgraph-worker-{i}", daemon=True) for i in range(workers)]
    finished = False
    try:
        with _thread_env():
            for p in procs:
                p.start()
        sent: dict[int, list[Any]] = {}   # chunk id -> the chunk as read (errors included)
        done: dict[int, list[Any]] = {}   # chunk id -> worker results, waiting for their turn
        next_send = next_yield = 0
        exhausted = False
        while True:
            while not exhausted and next_send - next_yield < limit:
                cut = next(source, None)
                if cut is None:
                    exhausted = True
                    break
                chunk, alone = cut
                work = [x for x in chunk if not isinstance(x, InputError)]
                if work:
                    inq.put((next_send, work, alone))
                else:
                    done[next_send] = []
                sent[next_send] = chunk
                next_send += 1
                stats.chunks += 1
                stats.max_in_flight = max(stats.max_in_flight, next_send - next_yield)
            if next_yield in done:
                results = done.pop(next_yield)
                chunk = sent.pop(next_yield)
                next_yield += 1
                for result in _merge(chunk, results):
                    stats.items += 1
                    yield result
                continue
            if exhausted and next_yield == next_send:
                break
            message = _receive(outq, procs)
            kind, index = message[0], message[1]
            if kind == "ready":
                stats.startup_seconds.append(message[2])
            elif kind == "failed":
                chunk_id, text = message[2], message[3]
                where = f" on {_origins(sent[chunk_id])}" if chunk_id in sent else ""
                raise WorkerError(f"worker {index} failed{where}:\n{text}")
            else:
                done[message[2]] = message[3]
                stats.max_buffered = max(stats.max_buffered, len(done))
        finished = True
    finally:
        _shutdown(procs, inq, outq, graceful=finished)


def _receive(outq: Any, procs: list[Any]) -> tuple:
    """Wait for the next worker message; raise WorkerError if a worker died silently."""
    while True:
        try:
            return outq.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            pass
        dead = [p for p in procs if p.exitcode is not None]
        if dead:
            # A worker that failed reported why just before exiting: prefer that message.
            try:
                return outq.get(timeout=1.0)
            except queue.Empty:
                p = dead[0]
                raise WorkerError(f"{p.name} (pid {p.pid}) exited unexpectedly "
                                  f"with code {p.exitcode}") from None


def _shutdown(procs: list[Any], inq: Any, outq: Any, graceful: bool) -> None:
    """Stop the workers: ask politely after a clean run, terminate otherwise; never hang."""
    if graceful:
        for _ in procs:
            with contextlib.suppress(queue.Full, ValueError, OSError):
                inq.put_nowait(None)
        deadline = time.monotonic() + _JOIN_SECONDS
        for p in procs:
            if p.pid is not None:
                p.join(max(0.0, deadline - time.monotonic()))
    for p in procs:
        if p.pid is not None and p.is_alive():
            p.terminate()
    for p in procs:
        if p.pid is not None:
            p.join(2.0)
            if p.is_alive():
                p.kill()
                p.join(2.0)
    for q in (inq, outq):
        q.close()
        q.cancel_join_thread()
