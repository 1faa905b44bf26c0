"""Shards: a sharded read gives exactly the items and origins of a whole read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.scale.shards import plan_shards, read_shard
from claimgraph.sources import read


def _view(results):
    return [(r.path, r.reason) if isinstance(r, InputError) else (r.origin, r.text, r.url)
            for r in results]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as f:
        for i in range(120):
            if i % 31 == 7:
                f.write("\n")  # blank lines are skipped but still count as lines
            if i % 29 == 11:
                f.write("{not json\n")
            f.write(json.dumps({"text": f"Text number {i} " + "ü " * (i % 9), "url": f"u{i}"}) + "\n")
    (tmp_path / "small").mkdir()
    for k in range(4):
        (tmp_path / "small" / f"{k}.txt").write_text(f"small article {k}\n", encoding="utf-8")
    (tmp_path / "small" / ".hidden.txt").write_text("skipped", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("shard_bytes", [1, 500, 2_000, 10**9])
def test_sharded_read_equals_whole_read(corpus: Path, shard_bytes: int):
    paths = [str(corpus / "big.jsonl"), str(corpus / "small"), str(corpus / "missing.jsonl")]
    shards = plan_shards(paths, shard_bytes)
    sharded = [r for s in shards for r in read_shard(s)]
    assert _view(sharded) == _view(read(paths))


def test_large_jsonl_is_cut_at_line_starts(corpus: Path):
    big = corpus / "big.jsonl"
    shards = plan_shards([str(big)], 2_000)
    assert len(shards) > 3 and all(s.is_range for s in shards)
    data = big.read_bytes()
    assert shards[0].start == 0 and shards[-1].end == len(data)
    for a, b in zip(shards, shards[1:]):
        assert a.end == b.start and data[b.start - 1:b.start] == b"\n"
        assert b.first_line == data[:b.start].count(b"\n") + 1


def test_small_files_are_grouped(corpus: Path):
    shards = plan_shards([str(corpus / "small")], 10**6)
    assert len(shards) == 1 and len(shards[0].paths) == 4
    assert [Path(p).name for p in shards[0].paths] == ["0.txt", "1.txt", "2.txt", "3.txt"]


def test_stdin_cannot_be_sharded():
    with pytest.raises(ValueError, match="standard input"):
        plan_shards(["-"])
