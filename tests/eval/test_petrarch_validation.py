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


def test_validation_records_run(shared_data):
    folder = shared_data / "petrarch"
    records_path = folder / "PETR.UnitTest.records.xml"
    if not records_path.exists():
        pytest.skip(f"PETRARCH validation records not found at {records_path}")
    from claimgraph import nlp
    from claimgraph.actors import ActorResolver
    from claimgraph.events import EventCoder, lexicon, petrarch_verbs

    records = petrarch.read_records(records_path)
    resolver = ActorResolver.from_files([folder / "PETR.Validate.actors.txt",
                                         folder / "PETR.Validate.agents.txt"],
                                        include_builtin=False)
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "verbs.yaml"
        data, _ = petrarch_verbs.convert(folder / "PETR.Validate.verbs.txt", lexicon.default())
        petrarch_verbs.write(data, out)
        coder = EventCoder.from_files([out])
    report = petrarch.evaluate(records, nlp.load(), resolver, coder).to_dict()
    assert report["records_with_events"] == 257
    # the target is 0.70; this guards the level reached so far (see docs/benchmarks.md)
    assert report["root_agreement"] >= 0.3
    assert report["source_agreement"] >= 0.7
