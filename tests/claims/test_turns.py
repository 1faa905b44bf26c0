"""Transcript turns: the speaker claims the turn, and "I"/"we" are the speaker (a transcript
written for these tests)."""

from __future__ import annotations

import datetime as dt

from claimgraph.claims.speakers import speak_for
from claimgraph.claims.turns import find_turns
from claimgraph.sources import RawItem

TRANSCRIPT = """Meeting with members of the government

Recep Tayyip Erdogan: Good afternoon, colleagues. We will never attack Greece.

I met Mitsotakis in Athens last week. Our navy will patrol the Aegean Sea.

Question: Will Turkey invade Syria again?

Hulusi Akar: Our troops will not invade Syria. We supplied drones to Azerbaijan.

Remark: I think we should attack them.
"""


def _record(pipeline, text: str):
    item = RawItem(origin="t", text=text, published="2022-03-01")
    return next(iter(pipeline.run([item])))


def _by_trigger(record, word: str):
    found = [s for s in record.statements if word in s.event.trigger]
    assert found, [(s.event.type, s.event.trigger) for s in record.statements]
    return found[0]


def test_turns_are_found_with_their_speakers(pipeline):
    doc = pipeline.nlp(TRANSCRIPT)
    turns = find_turns(doc, pipeline.resolver.find(doc, dt.date(2022, 3, 1)))
    labels = [doc[t.label[0]:t.label[1]].text for t in turns]
    assert labels == ["Recep Tayyip Erdogan", "Question", "Hulusi Akar", "Remark"]
    assert [t.speaker.code if t.speaker else None for t in turns] == ["TUR", None, "TUR", None]
    # a turn runs to the next label, across paragraphs
    assert doc[turns[0].start:turns[0].end].text.strip().endswith("Aegean Sea.")


def test_our_navy_is_the_speakers_countrys_navy(pipeline):
    doc = pipeline.nlp(TRANSCRIPT)
    mentions = pipeline.resolver.find(doc, dt.date(2022, 3, 1))
    mentions = speak_for(doc, mentions, find_turns(doc, mentions))
    navy = next(m for m in mentions if m.text == "Our navy")
    assert (navy.code, navy.sector) == ("TUR", "MIL")
    troops = next(m for m in mentions if m.text == "Our troops")
    assert (troops.code, troops.sector) == ("TUR", "MIL")
    assert not any(m.text == "I" and m.start_char > doc.text.index("Remark") for m in mentions)


def test_an_article_has_no_turns(pipeline):
    doc = pipeline.nlp("Erdogan told reporters in an interview with Mitsotakis: Greece must wait. "
              "Turkish troops shelled Syria on Monday.")
    assert find_turns(doc, pipeline.resolver.find(doc, dt.date(2022, 3, 1))) == []


def test_the_speaker_claims_every_statement_of_the_turn(pipeline):
    rec = _record(pipeline, TRANSCRIPT)
    st = _by_trigger(rec, "met")
    assert st.claimant is not None and st.claimant.code == "TUR"
    assert "Erdogan" in (st.claimant.name or st.claimant.text)


def test_we_is_the_speakers_country_with_his_sector(pipeline):
    rec = _record(pipeline, TRANSCRIPT)
    st = _by_trigger(rec, "attack")
    assert [(a.text, a.code, a.sector) for a in st.actor] == [("We", "TUR", "GOV")]
    assert st.status == "negated" and st.claimant.code == "TUR"


def test_i_is_the_speaker(pipeline):
    rec = _record(pipeline, TRANSCRIPT)
    st = _by_trigger(rec, "met")
    assert [(a.code, a.sector) for a in st.actor] == [("TUR", "GOV")]
    assert "Erdogan" in (st.actor[0].name or "")


def test_each_turn_has_its_own_speaker(pipeline):
    rec = _record(pipeline, TRANSCRIPT)
    st = _by_trigger(rec, "supplied")
    assert [(a.code, a.sector) for a in st.actor] == [("TUR", "GOV")]
    assert [a.code for a in st.recipient] == ["AZE"]
    claimant = st.claimant
    assert claimant is not None and "Akar" in (claimant.name or claimant.text)


def test_a_question_turn_has_no_person(pipeline):
    rec = _record(pipeline, TRANSCRIPT)
    st = _by_trigger(rec, "invade")
    assert st.status == "question"
    assert st.claimant is None or (st.claimant.code is None and st.claimant.name is None)


def test_first_person_in_a_remark_is_nobody(pipeline):
    rec = _record(pipeline, TRANSCRIPT)
    for st in rec.statements:
        if st.sentence >= 0 and "should attack them" in st.evidence:
            assert all(a.code is None for a in st.actor)
            assert st.claimant is None or st.claimant.code is None


def test_flattened_transcript_keeps_its_turns(pipeline):
    rec = _record(pipeline, " ".join(TRANSCRIPT.split()))
    st = _by_trigger(rec, "supplied")
    assert st.claimant is not None and "Akar" in (st.claimant.name or st.claimant.text)
    st = _by_trigger(rec, "attack")
    assert st.claimant is not None and st.claimant.code == "TUR"
