"""Intention verbs with a controlled infinitive: the subject acts, it does not claim."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.actors import ActorResolver
from claimgraph.claims import ClaimLayer

PUB = dt.date(2023, 3, 14)


@pytest.fixture(scope="module")
def analyze(nlp):
    resolver = ActorResolver.default()
    layer = ClaimLayer()

    def run(text: str):
        doc = nlp(text)
        return doc, layer.analyze(doc, resolver.find(doc, PUB), PUB)
    return run


def _tok(doc, word):
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize("text", [
    "Hungary plans to expel two Serbian diplomats next month.",
    "Hungary intends to expel two Serbian diplomats.",
    "Hungary is willing to expel two Serbian diplomats.",
    "Hungary is considering expelling two Serbian diplomats.",
])
def test_intention_subject_is_no_claimant(analyze, text):
    doc, claims = analyze(text)
    i = _tok(doc, next(w for w in ("expel", "expelling") if w in text.split()))
    assert claims.claimant(i) == (None, [])


def test_reporter_of_the_intention_stays_claimant(analyze):
    doc, claims = analyze("The spokesman said Hungary plans to expel two Serbian diplomats.")
    claimant, _ = claims.claimant(_tok(doc, "expel"))
    assert claimant is not None and claimant.text == "The spokesman" and claimant.cue == "said"


def test_object_control_keeps_the_asker(analyze):
    # "asked Serbia to recall": Serbia would act, the asker still makes the request
    doc, claims = analyze("The mayor wants Serbia to recall its ambassador.")
    claimant, _ = claims.claimant(_tok(doc, "recall"))
    assert claimant is not None and claimant.text == "The mayor"


def test_intention_actor_survives_in_pipeline(pipeline):
    from claimgraph.model import Document

    text = "Hungary plans to expel two Serbian diplomats, the broadcaster reported."
    doc = pipeline.nlp(text)
    record = pipeline.code_document(Document(id="t", text=text, language="en"), doc)
    expel = [s for s in record.statements if s.event.trigger.startswith("expel")]
    assert expel, [s.event.trigger for s in record.statements]
    s = expel[0]
    assert [a.code for a in s.actor] == ["HUN"]
    assert s.status == "future"
    assert s.claimant is not None and s.claimant.text == "the broadcaster"
