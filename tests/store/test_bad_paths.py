"""Unusable database targets give one line `claimgraph: PATH: reason` and exit 1, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from claimgraph.commands import main
from claimgraph.errors import InputError
from claimgraph.store import StoreError, open_store


def _reason(target: Path | str, read_only: bool = False) -> str:
    with pytest.raises(StoreError) as info:
        open_store(target, read_only=read_only)
    assert isinstance(info.value, InputError)
    line = info.value.line()
    assert line.startswith(f"claimgraph: {target}: ") and "\n" not in line
    return info.value.reason


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _reason(tmp_path)


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are notes, not a database\n" * 100)
    assert _reason(path) == "not a DuckDB database file"
    assert _reason(path, read_only=True) == "not a DuckDB database file"
    assert path.read_text().startswith("these are notes")  # left untouched


def test_missing_directory(tmp_path: Path) -> None:
    assert "does not exist" in _reason(tmp_path / "nowhere" / "x.duckdb")


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    assert "is not a directory" in _reason(tmp_path / "file" / "x.duckdb")


def test_read_only_missing_database(tmp_path: Path) -> None:
    assert _reason(tmp_path / "absent.duckdb", read_only=True) == "no such database"
    assert not (tmp_path / "absent.duckdb").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere, so permissions cannot fail")
def test_unwritable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert "not writable" in _reason(locked / "x.duckdb")
    finally:
        locked.chmod(0o700)


def test_foreign_duckdb_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    assert "not a claimgraph database" in _reason(path)
    assert "not a claimgraph database" in _reason(path, read_only=True)


def test_empty_duckdb_database_is_not_readable_as_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    assert "not a claimgraph database" in _reason(path, read_only=True)
    open_store(path).close()  # a writable open makes it one
    open_store(path, read_only=True).close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    assert "newer claimgraph" in _reason(path)


def test_unreachable_postgres() -> None:
    pytest.importorskip("psycopg")
    url = "postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "cannot connect" in info.value.reason
    assert "secret" not in info.value.line()


@pytest.mark.parametrize("make", ["dir", "text", "missing"])
def test_statements_command_reports_one_line(tmp_path: Path, make: str) -> None:
    target = {"dir": tmp_path, "text": tmp_path / "t.duckdb", "missing": tmp_path / "m.duckdb"}[make]
    if make == "text":
        target.write_text("hello")
    result = CliRunner().invoke(main, ["statements", "--db", str(target)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"claimgraph: {target}: ")
    assert "Traceback" not in result.output + result.stderr
