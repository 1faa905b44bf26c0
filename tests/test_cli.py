"""End to end through the `claimgraph` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.commands import main

ARTICLE = (
    "Russia accuses Ukraine of shelling border villages\n\n"
    "Moscow, March 3 (Reuters) - Russian Defence Minister Sergei Shoigu accused Ukraine on Thursday "
    "of shelling villages near the border. Ukraine denied the claim.\n\n"
    "The two delegations met in Belarus on Monday.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_extract_example(runner: CliRunner, example_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(example_path)])
    assert result.exit_code == 0, result.stderr
    (record,) = _lines(result.stdout)
    doc = record["document"]
    assert doc["title"] == "Will Lukashenko intervene in the Russian war?"
    assert doc["language"] == "en"
    assert record["statements"], "the example yields statements"
    for st in record["statements"]:
        if st["sentence"] == -1:
            assert st["span"] is None and st["evidence"] == doc["title"]
        else:
            start, end = st["span"]
            assert doc["text"][start:end] == st["evidence"]
    headline = [s for s in record["statements"] if s["sentence"] == -1]
    assert headline and all(s["status"] == "question" for s in headline)


def test_bad_inputs_are_reported_and_others_processed(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["extract", str(empty), str(good), str(binary), str(missing)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    for path, line in zip((empty, binary, missing), errors):
        assert line.startswith(f"claimgraph: {path}: ")
    assert "Traceback" not in result.stderr
    (record,) = _lines(result.stdout)
    assert record["document"]["title"].startswith("Russia accuses Ukraine")


def test_jsonl_ids_and_order(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"doc-{i}", "title": f"Item {i}", "published": "2022-03-04",
             "text": ARTICLE.split("\n\n", 1)[1]} for i in range(3)]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    records = _lines(out.read_text(encoding="utf-8"))
    assert [r["document"]["id"] for r in records] == ["doc-0", "doc-1", "doc-2"]


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "-"], input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    (record,) = _lines(result.stdout)
    types = {s["event"]["type"] for s in record["statements"]}
    assert "ACCUSE" in types


def test_ingest_then_query(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    first = runner.invoke(main, ["ingest", str(src), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    again = runner.invoke(main, ["ingest", str(src), "--db", str(db)])
    assert again.exit_code == 0, again.stderr
    result = runner.invoke(main, ["statements", "--db", str(db), "--actor", "RUS",
                                  "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = _lines(result.stdout)
    assert rows and all(any(a["code"] == "RUS" for a in r["actor"]) for r in rows)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "re-ingesting must not duplicate statements"


def test_demo_prints_the_example_statements() -> None:
    proc = subprocess.run([sys.executable, "-m", "claimgraph", "demo"], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Will Lukashenko intervene in the Russian war?" in proc.stdout
    header = next(line for line in proc.stdout.splitlines() if line.startswith("ACTOR"))
    for column in ("EVENT", "RECIPIENT", "STATUS", "CLAIMANT", "WHEN", "EVIDENCE"):
        assert column in header
    assert "BLR" in proc.stdout and "future" in proc.stdout and "negated" in proc.stdout


def test_usage_error_exit_code(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract"])
    assert result.exit_code == 2


def test_ingest_from_partitions(runner: CliRunner, tmp_path: Path, pipeline) -> None:
    from claimgraph.scale.partitions import write_partition
    from claimgraph.sources import RawItem

    items = [RawItem(origin=f"doc{i}.txt", text=ARTICLE, id=f"p-{i}") for i in range(2)]
    write_partition(pipeline.run(items), tmp_path / "parts" / "part-00000")
    db = tmp_path / "p.duckdb"
    result = runner.invoke(main, ["ingest", "--from-partitions", str(tmp_path / "parts"),
                                  "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "2 documents added" in result.stderr
    rows = _lines(runner.invoke(main, ["statements", "--db", str(db), "--format", "jsonl"]).stdout)
    assert {r["document_id"] for r in rows} == {"p-0", "p-1"}


def test_ingest_needs_paths_or_partitions(runner: CliRunner) -> None:
    assert runner.invoke(main, ["ingest"]).exit_code == 2


SNUB = "France snubbed Germany at the summit in Brussels on Monday, officials said.\n"


def test_an_extra_lexicon_adds_event_words_in_every_worker(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SNUB, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SNUB.replace("France", "Italy"), encoding="utf-8")
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text('verbs:\n  snub: "111"\n', encoding="utf-8")

    def triggers(*extra: str) -> list[list[str]]:
        result = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                      *extra])
        assert result.exit_code == 0, result.stderr
        return [[s["event"]["trigger"] for s in r["statements"]] for r in _lines(result.stdout)]

    assert not any("snubbed" in t for t in triggers())
    for workers in ("1", "2"):
        assert all("snubbed" in t for t in triggers("--lexicon", str(lexicon), "--workers", workers))


def test_a_broken_lexicon_is_one_line_naming_it(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SNUB, encoding="utf-8")
    lexicon = tmp_path / "bad.yaml"
    lexicon.write_text('verbs:\n  snub: "999"\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "--lexicon", str(lexicon)])
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimgraph: {lexicon}: not a usable event lexicon") and "999" in line
    both = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "--lexicon", str(lexicon),
                                "--petrarch-verbs", str(lexicon)])
    assert both.exit_code == 2 and "not both" in both.stderr


def test_petrarch_verb_dictionaries_drive_the_coder(runner: CliRunner, tmp_path: Path,
                                                    shared_data: Path) -> None:
    verbs = shared_data / "petrarch" / "CAMEO.2.0.txt"
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "--petrarch-verbs", str(verbs)])
    assert result.exit_code == 0, result.stderr
    (record,) = _lines(result.stdout)
    coded = {(s["event"]["cameo"], tuple(a["code"] for a in s["actor"]),
              tuple(a["code"] for a in s["recipient"])) for s in record["statements"]}
    assert ("112", ("RUS",), ("UKR",)) in coded
    not_verbs = tmp_path / "notes.txt"
    not_verbs.write_text("just some notes\n", encoding="utf-8")
    bad = runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"),
                               "--petrarch-verbs", str(not_verbs)])
    assert bad.exit_code == 1 and len(bad.stderr.splitlines()) == 1 and str(not_verbs) in bad.stderr
    assert not (tmp_path / "x.duckdb").exists()
