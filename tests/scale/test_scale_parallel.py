"""run_parallel: input order, identical output for 1 and 2 workers, errors in place, bounded memory, clean failure."""

from __future__ import annotations

import multiprocessing as mp

import psutil
import pytest
from scale_fakes import broken_factory, fake_factory, thread_env_factory

from claimgraph.errors import InputError
from claimgraph.model import Record
from claimgraph.parallel import ParallelStats, WorkerError, run_parallel
from claimgraph.sources import RawItem


def _items(n: int, bad_every: int = 0, reader_error_every: int = 0):
    for i in range(n):
        if reader_error_every and i % reader_error_every == 3:
            yield InputError(f"in.jsonl:{i}", "reader rejection")
        elif bad_every and i % bad_every == 5:
            yield RawItem(origin=f"in.jsonl:{i}", text="BAD")
        else:
            yield RawItem(origin=f"in.jsonl:{i}", text=f"article {i} " + "word " * (i % 7))


def _key(result):
    if isinstance(result, InputError):
        return ("error", result.path, result.reason)
    assert isinstance(result, Record)
    return ("record", result.document.source_path, result.document.text)


def _children() -> list[psutil.Process]:
    # multiprocessing's forkserver and resource tracker live as long as this interpreter;
    # only worker processes count.
    return [c for c in psutil.Process().children(recursive=True)
            if "from multiprocessing." not in " ".join(c.cmdline())]


def test_two_workers_match_one_in_order_with_errors_in_place():
    one = [_key(r) for r in run_parallel(_items(230, 11, 17), workers=1, factory=fake_factory)]
    stats = ParallelStats()
    two = [_key(r) for r in run_parallel(_items(230, 11, 17), workers=2, batch_size=7,
                                         factory=fake_factory, stats=stats)]
    assert two == one
    assert [k[1] for k in two] == [f"in.jsonl:{i}" for i in range(230)]
    assert ("error", "in.jsonl:3", "reader rejection") in two
    assert ("error", "in.jsonl:5", "fake rejection") in two
    assert stats.items == 230 and len(stats.startup_seconds) == 2
    assert stats.chunks == -(-230 // 7)
    assert not _children()


def test_records_come_from_worker_processes():
    pids = {r.document.site for r in run_parallel(_items(40), workers=2, batch_size=4,
                                                   factory=fake_factory)}
    assert str(mp.current_process().pid) not in pids


def test_workers_run_single_threaded_native_libraries():
    out = list(run_parallel(_items(5), workers=2, batch_size=2, factory=thread_env_factory))
    assert len(out) == 5


def test_input_is_streamed_and_buffers_stay_bounded():
    pulled = 0

    def counting():
        nonlocal pulled
        for item in _items(10_000):
            pulled += 1
            yield item

    stats = ParallelStats()
    run = run_parallel(counting(), workers=2, batch_size=5, factory=fake_factory,
                       max_in_flight=3, stats=stats)
    first = [next(run) for _ in range(12)]
    assert [r.document.source_path for r in first] == [f"in.jsonl:{i}" for i in range(12)]
    # 12 results need 3 chunks; at most 3 more may be out, plus one chunk being cut.
    assert pulled <= 5 * (3 + 3 + 1)
    run.close()
    assert stats.max_in_flight <= 3 and stats.max_buffered <= 3
    assert not _children()


@pytest.mark.parametrize("workers", [1, 2])
def test_long_texts_travel_in_smaller_chunks(workers):
    items = [RawItem(origin=f"t:{i}", text=("word " * 3000) if i % 4 == 0 else "short text")
             for i in range(40)]
    stats = ParallelStats()
    out = list(run_parallel(items, workers=workers, batch_size=16, max_chunk_chars=20_000,
                            factory=fake_factory, stats=stats))
    assert [r.document.source_path for r in out] == [f"t:{i}" for i in range(40)]
    # A chunk closes when a second 15,000-character text joins it: items 0-4, 5-12, 13-20,
    # 21-28, 29-36 and 37-39, where 16-item chunks would give 3.
    assert stats.chunks == 6


def test_oversized_articles_travel_alone_one_at_a_time(tmp_path):
    log = tmp_path / "held.log"
    items = []
    for i in range(24):
        text = "BIG " + "x" * 2000 if i % 3 == 0 else f"small {i}"
        items.append(RawItem(origin=f"t:{i}", text=text, url=str(log)))
    stats = ParallelStats()
    out = list(run_parallel(items, workers=2, batch_size=4, max_chunk_chars=1000,
                            factory=fake_factory, stats=stats))
    assert [r.document.source_path for r in out] == [f"t:{i}" for i in range(24)]
    spans = sorted(tuple(map(float, line.split())) for line in log.read_text().splitlines())
    assert len(spans) == 8
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    # 8 oversized items alone; the 16 small ones in runs of 2 between them.
    assert stats.chunks == 8 + 8


def test_only_errors_in_a_chunk_never_reach_a_worker():
    items = [InputError(f"x:{i}", "unreadable") for i in range(9)]
    out = list(run_parallel(items, workers=2, batch_size=3, factory=fake_factory))
    assert [e.path for e in out] == [f"x:{i}" for i in range(9)]


def test_pipeline_exception_raises_worker_error_with_its_traceback():
    items = list(_items(30))
    items[17] = RawItem(origin="in.jsonl:17", text="CRASH")
    with pytest.raises(WorkerError, match="fake pipeline crashed on in.jsonl:17"):
        list(run_parallel(items, workers=2, batch_size=4, factory=fake_factory))
    assert not _children()


def test_dead_worker_raises_instead_of_hanging():
    items = list(_items(30))
    items[9] = RawItem(origin="in.jsonl:9", text="EXIT")
    with pytest.raises(WorkerError, match="exited unexpectedly with code 3"):
        list(run_parallel(items, workers=2, batch_size=4, factory=fake_factory))
    assert not _children()


def test_failing_factory_is_reported():
    with pytest.raises(WorkerError, match="fake model not installed"):
        list(run_parallel(_items(10), workers=2, factory=broken_factory))
    assert not _children()


def test_interrupt_in_the_parent_stops_the_workers():
    def interrupted():
        yield from _items(50)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        for _ in run_parallel(interrupted(), workers=2, batch_size=5, factory=fake_factory):
            pass
    assert not _children()


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_other_start_methods_give_the_same_output(method):
    expected = [_key(r) for r in run_parallel(_items(50, 11), workers=1, factory=fake_factory)]
    got = [_key(r) for r in run_parallel(_items(50, 11), workers=2, batch_size=6,
                                         factory=fake_factory, start_method=method)]
    assert got == expected


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError):
        run_parallel([], workers=2, batch_size=0)
    with pytest.raises(ValueError):
        run_parallel([], workers=2, max_in_flight=0)
    with pytest.raises(ValueError):
        run_parallel([], workers=2, max_chunk_chars=0)
