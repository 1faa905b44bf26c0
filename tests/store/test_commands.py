"""`claimgraph statements`: filters, and table, JSON lines and CSV output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.commands import main
from claimgraph.model import Record
from claimgraph.store import open_store
from claimgraph.commands.store import table_lines


@pytest.fixture
def db(tmp_path: Path, records: list[Record]) -> str:
    path = str(tmp_path / "cli.duckdb")
    with open_store(path) as store:
        store.add(records)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["statements", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_with_filters(db: str) -> None:
    code, out, _ = run("--db", db, "--actor", "BLR", "--recipient", "UKR", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["s-a-1"]
    assert rows[0]["claimant"]["sector"] == "SPY" and rows[0]["document_id"] == "a1"


def test_each_option_reaches_the_query(db: str) -> None:
    def n(*args: str) -> int:
        code, out, _ = run("--db", db, "--format", "jsonl", *args)
        assert code == 0
        return len(out.splitlines())

    assert n() == 7
    assert n("--type", "ASSAULT") == 2
    assert n("--status", "future", "--status", "negated") == 2
    assert n("--since", "2022-06-01") == 2
    assert n("--until", "2022-04-30") == 1
    assert n("--claimant", "zelensky") == 1
    assert n("--document", "d4") == 2
    assert n("--limit", "3") == 3


def test_db_from_environment(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_DB", db)
    code, out, _ = run("--format", "jsonl", "--type", "AID")
    assert code == 0 and len(out.splitlines()) == 1


def test_csv(db: str) -> None:
    code, out, _ = run("--db", db, "--format", "csv", "--actor", "IGO EU")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    assert rows[0]["actor"] == "IGO EU" and rows[0]["recipient"] == "UKR GOV"
    assert rows[0]["event_date"] == "2022-06-01" and rows[0]["claimant"] == "Zelensky"


def test_table_is_readable_and_fits(db: str) -> None:
    code, out, err = run("--db", db, "--actor", "BLR", "--oldest")
    assert code == 0 and "2 statements" in err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "actor", "event"]
    assert "BLR MIL" in lines[2] and "ASSAULT/aerial" in lines[2] and "future (hedged)" in lines[2]
    assert "Ukrainian military intelligence" in lines[2] or "Ukrainian military" in lines[2]


@pytest.mark.parametrize("width", [60, 100, 300])
def test_table_width(records: list[Record], tmp_path: Path, width: int) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        store.add(records)
        rows = store.statements()
    lines = table_lines(rows, width)
    fixed = len(lines[0]) - len("evidence")
    assert all(len(line) <= max(width, fixed + 20) for line in lines)
    whole = [r for r in rows if any(line.endswith(" ".join(r["evidence"].split())) for line in lines)]
    assert (len(whole) == len(rows)) == (width == 300)  # evidence is cut only when space is short


def test_bad_date_is_a_usage_error(db: str) -> None:
    code, _, err = run("--db", db, "--since", "yesterday")
    assert code == 2 and "ISO date" in err
