"""The analyst's commands, run through click over the hand-made store."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from claimgraph.commands import main


@pytest.fixture()
def db(store_path, tmp_path) -> str:
    path = tmp_path / "cli.duckdb"
    shutil.copy(store_path, path)
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_question_add_list_show(db):
    code, out, _ = run("question", "add", "Will Belarus join the war against Ukraine?",
                       "--actor", "BLR", "--type", "ASSAULT", "--recipient", "UKR",
                       "--deadline", "2022-06-30", "--db", db)
    assert code == 0, out
    qid = out.split()[0]
    code, out, _ = run("question", "list", "--db", db, "--format", "jsonl")
    assert code == 0 and json.loads(out)["id"] == qid
    code, out, _ = run("question", "show", qid[:8], "--db", db, "--as-of", "2022-07-01")
    assert code == 0
    assert "Predictions: 2" in out and "Denials: 1" in out
    assert "Ukrainian military intelligence via Ukrainska Pravda" in out
    assert "deadline 2022-05-24: expired" in out
    assert "Oleksiy Arestovych: 0 / 1 / 0 of 1" in out
    code, out, _ = run("question", "show", qid, "--db", db, "--format", "json")
    assert json.loads(out)["question"]["deadline"] == "2022-06-30"
    code, _, err = run("question", "show", "0000", "--db", db)
    assert code == 1 and "no question 0000" in err


def test_question_add_needs_a_known_type(db):
    code, _, _ = run("question", "add", "x", "--actor", "BLR", "--type", "INVADE", "--db", db)
    assert code == 2


def test_question_candidates(db):
    code, out, _ = run("question", "candidates", "--db", db, "--format", "jsonl")
    assert code == 0
    texts = [json.loads(line)["text"] for line in out.splitlines()]
    assert texts == ["Will Lukashenko intervene in the Russian war?", "Does NATO threaten Belarus?"]


def test_clusters_command(db):
    code, out, err = run("clusters", "--db", db, "--min-reports", "2", "--format", "jsonl")
    assert code == 0
    found = [json.loads(line) for line in out.splitlines()]
    assert {(c["event_type"], c["report_count"]) for c in found} == {("ASSAULT", 2), ("CONSULT", 2)}
    code, out, _ = run("clusters", "--db", db, "--actor", "BLR", "--type", "CONSULT")
    assert code == 0 and "CONSULT" in out and "2 report(s)" in out


def test_timeline_command(db):
    code, out, _ = run("timeline", "RUS", "BLR", "--db", db, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["total"] == 2 and data["weeks"][0]["week"] == "2022-02-07"
    code, out, _ = run("timeline", "BLR", "UKR", "--db", db, "--format", "csv", "--unit",
                       "statements")
    lines = out.splitlines()
    assert lines[0] == "week,count,ab,ba,cooperation,conflict,mean_intensity"
    assert "2022-05-16,1,0,1,0,1,-2.0" in lines


def test_export_command(db, tmp_path):
    out = tmp_path / "all.jsonl"
    code, _, err = run("export", "--db", db, "--format", "jsonl", "-o", str(out))
    assert code == 0 and "8 document record(s)" in err
    docs = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert {d["document"]["id"] for d in docs} >= {"doc-example", "doc-nato"}
    assert all("statements" in d and "attributions" in d for d in docs)
    gd = tmp_path / "g.csv"
    code, _, _ = run("export", "--db", db, "--format", "gdelt", "--level", "clusters",
                     "--actor", "RUS", "-o", str(gd))
    assert code == 0
    assert all(len(line.split("\t")) == 61 for line in gd.read_text("utf-8").splitlines())


def test_missing_database_is_a_one_line_error(tmp_path):
    code, _, err = run("clusters", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and err.startswith("claimgraph: ") and "Traceback" not in err


def test_question_candidates_says_when_there_are_none(tmp_path):
    from claimgraph.store import open_store

    path = tmp_path / "empty.duckdb"
    with open_store(path):
        pass
    code, out, _ = run("question", "candidates", "--db", str(path))
    assert code == 0 and out.strip() == "no candidate questions"
    code, out, err = run("question", "candidates", "--db", str(path), "--format", "jsonl")
    assert code == 0 and out == "" and "no candidate questions" in err


def test_question_show_says_why(db):
    code, out, _ = run("question", "add", "Will Belarus join the war against Ukraine?",
                       "--actor", "BLR", "--type", "ASSAULT", "--recipient", "UKR", "--db", db)
    qid = out.split()[0]
    code, out, _ = run("question", "show", qid, "--db", db, "--as-of", "2022-07-01")
    assert code == 0
    assert "why: actor ✓ BLR: Belarus (BLR) · recipient ✓ UKR: Ukraine (UKR) · type ✓ ASSAULT" in out
    assert "Related (near misses, not evidence): 1, 1 miss the type" in out
    assert "why not: actor ✓ BLR" in out and "type ✗ MOBILIZE, asked ASSAULT" in out
