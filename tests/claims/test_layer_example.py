"""End to end through the claims layer on the example article, with the real actor resolver."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.actors import ActorResolver
from claimgraph.claims import ClaimLayer

PUB = dt.date(2022, 5, 25)


@pytest.fixture(scope="module")
def article(nlp, shared_data):
    text = (shared_data / "examples" / "000_62ed1af39ab017d1.txt").read_text(encoding="utf-8")
    # The body between the title block and the page's closing boilerplate.
    body = text[text.index("Ukrainian military intelligence"):text.index("Source link")]
    doc = nlp(body)
    mentions = ActorResolver.default().find(doc, PUB)
    return doc, ClaimLayer().analyze(doc, mentions, PUB)


def _tok(doc, word, after=""):
    start = doc.text.index(after) if after else 0
    return next(t.i for t in doc if t.text == word and t.idx >= start)


def test_prediction_claimed_by_intelligence_via_outlet(article):
    doc, claims = article
    i = _tok(doc, "join")
    assert claims.status(i) == ("future", False)
    claimant, via = claims.claimant(i)
    assert claimant.text == "Ukrainian military intelligence" and claimant.code == "UKR"
    assert [r.text for r in via] == ["Ukrainska Pravda"]
    when = claims.when(i)
    assert (when.start, when.end) == ("2022-05-26", "2022-05-27")


def test_denial_claimed_by_lukashenko_via_tbs(article):
    doc, claims = article
    i = _tok(doc, "take", after="Belarus will not take part")
    assert claims.status(i)[0] == "negated"
    claimant, via = claims.claimant(i)
    assert "Lukashenko" in claimant.text and claimant.code == "BLR"
    assert any("TBS" in r.text for r in via)


def test_accusations_carry_lukashenko(article):
    doc, claims = article
    for word in ("adopted", "training", "smuggling"):
        claimant, _ = claims.claimant(_tok(doc, word, after="Ukraine has"))
        assert claimant is not None and "Lukashenko" in claimant.text, word


def test_meeting_is_asserted_and_dated(article):
    doc, claims = article
    i = _tok(doc, "met", after="On March 11")
    assert claims.status(i) == ("asserted", False)
    assert claims.claimant(i) == (None, [])
    assert claims.when(i).start == "2022-03-11"


def test_attributions_are_char_offsets_into_the_text(article):
    doc, claims = article
    assert claims.attributions
    for a in claims.attributions:
        if a.cue:
            assert doc.text[a.cue[0]:a.cue[1]] == a.cue_text


def test_headline_question(nlp):
    doc = nlp("Will Lukashenko intervene in the Russian war?")
    claims = ClaimLayer().analyze(doc, [], PUB, headline=True)
    i = next(t.i for t in doc if t.text == "intervene")
    assert claims.status(i)[0] == "question"
    assert claims.attributions == []


def test_same_person_is_not_his_own_relay(article):
    doc, claims = article
    i = _tok(doc, "justified", after="the ruler Lukashenko")
    claimant, via = claims.claimant(i)
    assert "Lukashenko" in claimant.text and claimant.cue == "repeatedly emphasized"
    assert not any("Lukashenko" in r.text for r in via)


def test_relay_chain_of_two_people_is_kept(nlp):
    doc = nlp("The newspaper reported that the minister said the troops had left.")
    claims = ClaimLayer().analyze(doc, [], PUB)
    claimant, via = claims.claimant(next(t.i for t in doc if t.text == "left"))
    assert claimant.text == "the minister" and claimant.cue == "said"
    assert [r.text for r in via] == ["The newspaper"]
