"""Attribution constructions revised in round 4 on PolNeAR train errors: beliefs and stances
need an argument of their own."""

from __future__ import annotations

from claimgraph.claims.attribution import AttributionFinder


def _cues(nlp, text):
    doc = nlp(text)
    found = AttributionFinder().find(doc)
    return doc, found, [doc[f.cue[0]:f.cue[1]].text for f in found]


def test_stance_verb_without_argument_takes_no_neighbouring_clause(nlp):
    doc, found, cues = _cues(nlp, "The new stadium will seat fifty thousand fans, as opposed to the old arena.")
    assert not [c for c in cues if "opposed" in c]


def test_belief_verb_without_argument_takes_no_neighbouring_clause(nlp):
    doc, found, cues = _cues(nlp, "Look, you know, the economy is broken and nobody fixes it.")
    assert not [c for c in cues if "know" in c]


def test_belief_verb_keeps_its_clause_and_its_colon(nlp):
    doc, found, cues = _cues(nlp, "The coach believed that the team would win the cup.")
    f = next(f for f in found if "believed" in doc[f.cue[0]:f.cue[1]].text)
    assert "the team would win the cup" in " ".join(doc[a:b].text for a, b in f.content)
    doc, found, cues = _cues(nlp, "The coach was thinking: this team can still win the cup.")
    f = next(f for f in found if "thinking" in doc[f.cue[0]:f.cue[1]].text)
    assert "this team can still win the cup" in " ".join(doc[a:b].text for a, b in f.content)


def test_if_clause_after_a_verb_of_asking_is_its_content(nlp):
    doc, found, cues = _cues(nlp, "Asked if he had ever lost a race, the mayor laughed.")
    f = next(f for f in found if "Asked" in doc[f.cue[0]:f.cue[1]].text)
    assert "he had ever lost a race" in " ".join(doc[a:b].text for a, b in f.content)


def test_relative_clause_object_gap_is_the_content(nlp):
    doc, found, cues = _cues(nlp, "The mayor abandoned a tax plan she once supported.")
    f = next(f for f in found if "supported" in doc[f.cue[0]:f.cue[1]].text)
    assert doc[f.source[0]:f.source[1]].text == "she"
    assert [doc[a:b].text for a, b in f.content] == ["a tax plan"]
    doc, found, cues = _cues(nlp, "Voters punished the governor for a pension cut the unions had denounced.")
    f = next(f for f in found if "denounced" in doc[f.cue[0]:f.cue[1]].text)
    assert doc[f.source[0]:f.source[1]].text == "the unions"
    assert [doc[a:b].text for a, b in f.content] == ["a pension cut"]
