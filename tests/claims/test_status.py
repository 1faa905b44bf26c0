"""Status and hedging from grammar."""

from __future__ import annotations

import pytest

from claimgraph.claims.status import StatusReader


@pytest.mark.parametrize("text,word,status,hedged", [
    ("Belarus will join the war together with Russian troops.", "join", "future", False),
    ("Belarus will not take part in the invasion.", "take", "negated", False),
    ("On March 11, he met with Russian President Vladimir Putin.", "met", "asserted", False),
    ("It was agreed that they would fight together against the sanctions.", "fight", "future", False),
    ("If Putin wants more, he will get it.", "get", "hypothetical", False),
    ("If Putin wants more, he will get it.", "wants", "hypothetical", False),
    ("The minister denied that troops had attacked the village.", "attacked", "negated", False),
    ("Moscow ruled out a ceasefire.", "ceasefire", "negated", False),
    ("Russia refused to withdraw its troops.", "withdraw", "negated", False),
    ("The rebels reportedly attacked the convoy.", "attacked", "asserted", True),
    ("Iran plans to launch new missiles.", "launch", "future", False),
    ("Russia is going to invade Ukraine.", "invade", "future", False),
    ("Troops could attack the city.", "attack", "hypothetical", False),
    ("Police arrested dozens of protesters and fired tear gas.", "fired", "asserted", False),
    ("Kyiv never agreed to the deal.", "agreed", "negated", False),
    ("Ukraine threatened to retaliate.", "retaliate", "future", False),
    ("Did the army shell the hospital?", "shell", "question", False),
    ("The general is said to have ordered the strike.", "ordered", "asserted", True),
    ("The envoy said the army had ordered the strike.", "ordered", "asserted", False),
])
def test_status(nlp, text, word, status, hedged):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert StatusReader().read(tok) == (status, hedged)


def test_headline_question(nlp):
    doc = nlp("Will Lukashenko intervene in the Russian war?")
    tok = next(t for t in doc if t.text == "intervene")
    assert StatusReader().read(tok, headline=True)[0] == "question"


def test_denial_of_denial_is_not_negated(nlp):
    doc = nlp("The ministry did not deny that the jets had struck the depot.")
    tok = next(t for t in doc if t.text == "struck")
    assert StatusReader().read(tok)[0] != "negated"


@pytest.mark.parametrize("text,word,status,hedged", [
    ("About half of the employees may be replaced.", "replaced", "asserted", True),
    ("The talks might resume next week.", "resume", "asserted", True),
    ("The company has reached no agreement on the deal.", "reached", "negated", False),
    ("Nothing will save the republic.", "save", "negated", False),
    ("The inspectors were unable to enter the site.", "enter", "negated", False),
    ("We haven't analyzed the statement in detail.", "statement", "asserted", False),
    ("The bid didn't offer enough benefit, and gave the firm a deadline.", "gave", "asserted", False),
])
def test_status_from_factuality_patterns(nlp, text, word, status, hedged):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert StatusReader().read(tok) == (status, hedged)


def test_fused_negation_token(nlp):
    from spacy.tokens import Doc
    doc = nlp(Doc(nlp.vocab, words="Westinghouse hasn't had an order in a decade .".split()))
    tok = next(t for t in doc if t.text == "had")
    assert StatusReader().read(tok)[0] == "negated"
