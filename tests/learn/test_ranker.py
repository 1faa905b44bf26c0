"""The participant ranker fills empty roles from context, never overrides the rules, and can be switched off."""

from __future__ import annotations

import pytest

from claimgraph.actors import ActorResolver
from claimgraph.events.match import EventMatch
from claimgraph.events.ranker import Context, ParticipantRanker, candidates


@pytest.fixture(scope="module")
def parsed():
    from claimgraph import nlp

    doc = nlp.load()("Ukraine's army said Russian forces had moved north. On Monday, the city was shelled again.")
    mentions = ActorResolver.default().find(doc, None)
    return doc, mentions


def _shelled(doc):
    tok = next(t for t in doc if t.text == "shelled")
    return EventMatch(trigger=tok.i, trigger_text="shelled", type="ASSAULT", cameo="190", quad_class=4,
                      intensity=-9.0)


def test_candidates_come_from_the_document_around_the_event(parsed):
    doc, mentions = parsed
    sents = list(doc.sents)
    cands = candidates(Context.of(doc, mentions), 1, sents[1], _shelled(doc), None)
    assert {"UKR", "RUS"} <= set(cands["actor"])
    assert "previous_sentence" in cands["actor"]["RUS"]


def test_an_empty_actor_is_filled_above_threshold_only(parsed):
    doc, mentions = parsed
    sents = list(doc.sents)
    weights = {"actor": {"bias": -1.0, "previous_sentence": 0.5, "doc_rank=1": 0.2},
               "recipient": {"bias": -5.0}}
    eager = ParticipantRanker(weights, {"actor": 0.3, "recipient": 0.5})
    m = _shelled(doc)
    eager.apply(Context.of(doc, mentions), 1, sents[1], m, None)
    assert [x.code for x in m.actors] and m.inferred == m.actors
    assert m.recipients == []
    strict = ParticipantRanker(weights, {"actor": 0.99, "recipient": 0.99})
    m2 = _shelled(doc)
    strict.apply(Context.of(doc, mentions), 1, sents[1], m2, None)
    assert m2.actors == []


def test_rules_keep_their_actor_and_fill_can_be_switched_off(parsed):
    doc, mentions = parsed
    sents = list(doc.sents)
    ranker = ParticipantRanker({"actor": {"bias": 5.0}, "recipient": {"bias": 5.0}}, {"actor": 0.1, "recipient": 0.1})
    m = _shelled(doc)
    rus = next(x for x in mentions if x.code and x.code.startswith("RUS"))
    m.actors.append(rus)
    ranker.apply(Context.of(doc, mentions), 1, sents[1], m, None)
    assert m.actors == [rus]
    off = ParticipantRanker(ranker.weights, ranker.thresholds, disabled=frozenset({"fill"}))
    m3 = _shelled(doc)
    off.apply(Context.of(doc, mentions), 1, sents[1], m3, None)
    assert m3.actors == [] and m3.recipients == []
