"""Attribution constructions added for PolNeAR recall: light verbs, intent verbs, colon blocks,
bare reporting clauses after a closed quotation, passive agents and attitude adjectives."""

from __future__ import annotations

from claimgraph.claims.attribution import AttributionFinder, quote_spans


def _find(nlp, text):
    doc = nlp(text)
    return doc, AttributionFinder().find(doc)


def _with_cue(doc, found, word):
    hits = [f for f in found if word in doc[f.cue[0]:f.cue[1]].text]
    assert hits, f"no attribution with a cue containing {word!r}: {[doc[f.cue[0]:f.cue[1]].text for f in found]}"
    f = hits[0]
    src = doc[f.source[0]:f.source[1]].text if f.source else None
    return f, src, " ".join(doc[a:b].text for a, b in f.content)


def test_light_verb_with_communication_noun(nlp):
    doc, found = _find(nlp, "The governor made the case for a new tax on fuel.")
    f, src, content = _with_cue(doc, found, "made")
    assert src == "The governor"
    assert "case" in doc[f.cue[0]:f.cue[1]].text
    assert "a new tax on fuel" in content


def test_light_verb_needs_a_communication_noun(nlp):
    doc, found = _find(nlp, "The governor made a sandwich for his daughter.")
    assert not [f for f in found if "made" in doc[f.cue[0]:f.cue[1]].text]


def test_intent_verb_with_infinitive(nlp):
    doc, found = _find(nlp, "Senator Jones pushed to repeal the law before the election.")
    f, src, content = _with_cue(doc, found, "pushed")
    assert src == "Senator Jones"
    assert "repeal the law" in content


def test_vote_for_takes_its_object(nlp):
    doc, found = _find(nlp, "Forty percent of the delegates would vote for the mayor.")
    f, src, content = _with_cue(doc, found, "vote")
    assert "percent" in src
    assert content == "the mayor"


def test_calling_for_clause_parsed_as_adverbial(nlp):
    doc, found = _find(nlp, "Hillary Clinton is calling for the United States to step up its efforts.")
    f, src, content = _with_cue(doc, found, "calling")
    assert src == "Hillary Clinton"
    assert "step up its efforts" in content


def test_colon_at_paragraph_end_introduces_next_paragraph(nlp):
    text = ("The senator continued:\n\n“We cannot wait any longer. The schools need the money now.\n\n"
            "“And the parents know it.”\n\nThe hearing ended at noon.")
    doc, found = _find(nlp, text)
    f, src, content = _with_cue(doc, found, "continued")
    assert src == "The senator"
    assert "We cannot wait any longer" in content
    assert "the parents know it" in content
    assert "hearing ended" not in content


def test_bare_reporting_clause_after_closed_quote(nlp):
    text = "“The plan is dead. Nobody will vote for it,” \nWeaver said."
    doc, found = _find(nlp, "“The plan is dead. We will not vote for it.” Weaver said.")
    f, src, content = _with_cue(doc, found, "said")
    assert src == "Weaver"
    assert "We will not vote for it" in content
    # Across a paragraph break the quotation is not the reporting clause's.
    doc, found = _find(nlp, text.replace(" \n", "\n\n"))
    assert not any("Nobody will vote" in " ".join(doc[a:b].text for a, b in f.content)
                   for f in found if doc[f.cue[0]:f.cue[1]].text == "said")


def test_two_apostrophe_quotes(nlp):
    doc = nlp("''We are winning,'' Mr. Rubio said.")
    spans = quote_spans(doc)
    assert spans and doc[spans[0][0]].text == "''" and doc[spans[0][1] - 1].text == "''"
    _, found = doc, AttributionFinder().find(doc)
    f, src, content = _with_cue(doc, found, "said")
    assert src == "Mr. Rubio" and "We are winning" in content


def test_passive_cue_with_agent(nlp):
    doc, found = _find(nlp, "The governor's resignation was first reported by the Tribune.")
    f, src, content = _with_cue(doc, found, "reported")
    assert src == "the Tribune"
    assert "The governor's resignation" in content


def test_attitude_adjective(nlp):
    doc, found = _find(nlp, "The union leaders were critical of the new contract.")
    f, src, content = _with_cue(doc, found, "critical")
    assert src == "The union leaders"
    assert "the new contract" in content


def test_coordinated_report_is_its_own_attribution(nlp):
    doc, found = _find(nlp, "Kasich says he would meet Putin and tells the crowd he was the first to act.")
    top = [f for f in found if f.outer is None]
    cues = {doc[f.cue[0]:f.cue[1]].text for f in top}
    assert {"says", "tells"} <= cues


def test_speak_about_but_not_speak_at(nlp):
    doc, found = _find(nlp, "Obama spoke about the rights of victims.")
    f, src, content = _with_cue(doc, found, "spoke")
    assert content == "the rights of victims"
    doc, found = _find(nlp, "Obama spoke at the White House on Tuesday.")
    assert not [f for f in found if doc[f.cue[0]:f.cue[1]].text == "spoke"]
