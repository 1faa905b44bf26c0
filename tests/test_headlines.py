"""Headlines through the whole pipeline: a title-case question is coded as a question, its site
suffix is cut, and every actor span indexes the text its statement says it indexes."""

from __future__ import annotations

import pytest

from claimgraph.analysis.questions import headline_candidates
from claimgraph.analysis.rows import rows_from_records
from claimgraph.model import Record
from claimgraph.sources import RawItem

BODY = ("Russian troops shelled Kharkiv on Tuesday, Ukrainian officials said.\n\n"
        "Moldova fears that Russia will attack it next, the president of Moldova said.")


@pytest.fixture(scope="module")
def record(pipeline) -> Record:
    item = RawItem(origin="t.jsonl:1", id="head-1", text=BODY, site="Example Daily",
                   title="Will Russia Attack Moldova? - Example Daily", published="2022-06-21")
    (rec,) = list(pipeline.run([item]))
    assert isinstance(rec, Record), rec
    return rec


def test_a_title_case_question_headline_is_coded_and_offered(record):
    assert record.document.title == "Will Russia Attack Moldova?"
    heads = [s for s in record.statements if s.sentence == -1]
    assert [(s.event.type, s.status) for s in heads] == [("ASSAULT", "question")]
    (head,) = heads
    assert [a.code for a in head.actor] == ["RUS"] and [r.code for r in head.recipient] == ["MDA"]
    (cand,) = headline_candidates(rows_from_records([record]))
    assert (cand["text"], cand["actor"], cand["event_type"], cand["recipient"]) == (
        "Will Russia Attack Moldova?", "RUS", "ASSAULT", "MDA")


def test_every_span_indexes_the_string_its_statement_names(record):
    doc = record.document
    seen = {"title": 0, "text": 0}
    for s in record.statements:
        assert s.spans_in == ("title" if s.sentence == -1 else "text")
        source = doc.title if s.spans_in == "title" else doc.text
        refs = [*s.actor, *s.recipient, *([s.claimant] if s.claimant else [])]
        for ref in refs:
            if ref.span:
                assert source[ref.span[0]:ref.span[1]] == ref.text, (s.evidence, ref)
                seen[s.spans_in] += 1
        if s.span:
            assert doc.text[s.span[0]:s.span[1]] == s.evidence
    assert seen["title"] >= 2 and seen["text"] >= 2
    again = Record.from_dict(record.to_dict())
    assert [s.spans_in for s in again.statements] == [s.spans_in for s in record.statements]


def test_a_weekday_in_an_item_of_that_weekday_is_the_publication_day(record):
    (shelled,) = [s for s in record.statements if "shelled" in s.event.trigger]
    assert (shelled.when.text, shelled.when.start, shelled.when.granularity) == (
        "Tuesday", "2022-06-21", "day")


def test_old_records_read_headline_spans_as_title_offsets():
    data = {"document": {"id": "d", "text": "Body.", "title": "Russia warns Moldova"},
            "statements": [{"id": "s", "sentence": -1, "span": None, "evidence": "Russia warns Moldova",
                            "event": {"type": "THREATEN", "cameo": "13", "quad_class": 3,
                                      "intensity": -4.0, "trigger": "warns"},
                            "actor": [{"text": "Russia", "code": "RUS", "span": [0, 6]}],
                            "recipient": []}]}
    (s,) = Record.from_dict(data).statements
    assert s.spans_in == "title"
