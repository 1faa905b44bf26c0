"""PETRARCH validation records: reading and the agreement run on the public records."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.eval import petrarch

XML = """<Validation><Sentences>
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="FOR" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor and Fornost share
intelligence with Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date = "20080804" id ="B-2" category="PARSING" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_read_records(tmp_path: Path):
    path = tmp_path / "r.xml"
    path.write_text(XML)
    a, b = petrarch.read_records(path)
    assert a.id == "A-1" and str(a.date) == "1995-01-01"
    assert a.text == "Arnor and Fornost share intelligence with Gondor."
    assert [(c.source, c.target, c.code) for c in a.expected] == [("ARN", "GON", "064"),
                                                                  ("FOR", "GON", "064")]
    assert b.expected == [] and str(b.date) == "2008-08-04"


def test_read_records_rejects_other_files(tmp_path: Path):
    path = tmp_path / "r.xml"
    path.write_text("<html></html>")
    with pytest.raises(InputError):
        petrarch.read_records(path)


def test_error_records_expect_no_event(tmp_path: Path):
    path = tmp_path / "r.xml"
    path.write_text(XML.replace('<EventCoding noevents = "True">',
                                '<EventCoding error="storydiscard">'))
    _, b = petrarch.read_records(path)
    assert b.expected == [] and b.error == "storydiscard"


def test_dictionaries_named_by_the_environment(tmp_path: Path):
    for name in ("a.actors.txt", "b.actors.txt", "a.agents.txt", "a.verbs.txt", "b.verbs.txt",
                 "a.discards.txt"):
        (tmp_path / name).write_text("# empty\n")
    records = tmp_path / "r.xml"
    records.write_text("<Validation><Environment><Verbfile>b.verbs.txt</Verbfile>"
                       "<Actorfile>a.actors.txt</Actorfile></Environment>" + XML[12:])
    files = petrarch.dictionary_files(tmp_path, records)
    assert [p.name for p in files["verbs"]] == ["b.verbs.txt"]
    assert [p.name for p in files["actors"]] == ["a.actors.txt"]
    # kinds the environment does not name: every file of that kind in the folder
    assert [p.name for p in files["discards"]] == ["a.discards.txt"]
    records.write_text(XML.replace("<Validation>", "<Validation><Environment><Verbfile>"
                                   "missing.verbs.txt</Verbfile></Environment>"))
    with pytest.raises(InputError):
        petrarch.dictionary_files(tmp_path, records)


def test_validation_records_run(shared_data):
    folder = shared_data / "petrarch"
    records_path = folder / "PETR.UnitTest.records.xml"
    if not records_path.exists():
        pytest.skip(f"PETRARCH validation records not found at {records_path}")
    report = petrarch.run(records_path, folder).to_dict()
    assert report["records_with_events"] == 257
    assert report["records_expecting_no_event"] == 27
    # the target: at least 70% agreement on the 2-digit root (see docs/benchmarks.md)
    assert report["root_agreement"] >= 0.90
    assert report["source_agreement"] >= 0.9
    assert report["target_agreement"] >= 0.85
    assert report["false_alarms_on_no_event_records"] <= 5
