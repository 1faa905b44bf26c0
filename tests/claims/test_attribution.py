"""Attribution constructions: source, cue and content spans."""

from __future__ import annotations

import pytest

from claimgraph.claims.attribution import AttributionFinder, quote_spans


def _one(nlp, text, cue):
    doc = nlp(text)
    found = [f for f in AttributionFinder().find(doc) if doc[f.cue[0]:f.cue[1]].text == cue]
    assert found, f"no attribution with cue {cue!r} in {text!r}"
    f = found[0]
    src = doc[f.source[0]:f.source[1]].text if f.source else None
    content = " ".join(doc[a:b].text for a, b in f.content)
    return f, src, content, doc


def test_indirect_speech(nlp):
    f, src, content, _ = _one(nlp, "The defence minister said that the army had shelled the port.", "said")
    assert src == "The defence minister"
    assert "the army had shelled the port" in content
    assert f.kind == "indirect"


def test_inverted_direct_quote(nlp):
    _, src, content, _ = _one(nlp, "“We will never surrender,” the mayor said.", "said")
    assert src == "the mayor"
    assert "We will never surrender" in content


def test_quote_continues_in_next_sentence(nlp):
    f, _, content, doc = _one(nlp, "“The talks failed,” Ivanov said. “Nobody came to the table.”", "said")
    assert "Nobody came to the table" in content


def test_according_to(nlp):
    f, src, content, _ = _one(nlp, "According to the Interior Ministry, police detained forty people.", "According to")
    assert src == "the Interior Ministry"
    assert "police detained forty people" in content
    assert f.kind == "according"


def test_sources_said(nlp):
    _, src, content, _ = _one(nlp, "The convoy was attacked near the border, sources said.", "said")
    assert src == "sources"
    assert "The convoy was attacked near the border" in content


def test_belief_report(nlp):
    f, src, content, _ = _one(nlp, "Washington believes that Tehran is enriching uranium.", "believes")
    assert src == "Washington" and "Tehran is enriching uranium" in content
    assert f.cls == "belief"


def test_is_sure_with_colon(nlp):
    _, src, content, _ = _one(nlp, "The general staff is sure: the enemy will attack in spring.", "is sure")
    assert src == "The general staff"
    assert "the enemy will attack in spring" in content


def test_told_journalists_is_a_relay(nlp):
    f, src, content, doc = _one(nlp, "The president told reporters that the sanctions would stay.", "told")
    assert src == "The president"
    assert "the sanctions would stay" in content
    assert [doc[a:b].text for a, b in (r.span for r in f.relays)] == ["reporters"]


def test_interview_channel_is_a_relay(nlp):
    f, _, _, doc = _one(nlp, "In an interview with CNN, the minister said the border would stay closed.", "said")
    assert [doc[r.span[0]:r.span[1]].text for r in f.relays] == ["CNN"]
    assert f.relays[0].cue == "interview"


def test_outlet_quoting_a_source(nlp):
    text = "The army withdrew from the town, as an anonymous official quoted “Kyiv Post” on Monday."
    f, src, content, doc = _one(nlp, text, "quoted")
    assert src == "an anonymous official"
    assert "The army withdrew from the town" in content
    assert [doc[r.span[0]:r.span[1]].text for r in f.relays] == ["Kyiv Post"]


def test_nested_attribution_points_to_outer(nlp):
    doc = nlp("The newspaper reported that the minister said the troops had left.")
    found = AttributionFinder().find(doc)
    by_cue = {doc[f.cue[0]:f.cue[1]].text: f for f in found}
    outer = by_cue["reported"]
    assert by_cue["said"].outer == found.index(outer)
    assert outer.outer is None


def test_first_person_hedge_is_not_an_attribution(nlp):
    doc = nlp("“I think the deal is dead,” she said.")
    cues = [doc[f.cue[0]:f.cue[1]].text for f in AttributionFinder().find(doc)]
    assert "think" not in cues and "said" in cues


def test_no_attribution_in_plain_report(nlp):
    doc = nlp("Russian troops shelled the city of Kharkiv on Monday.")
    assert AttributionFinder().find(doc) == []


@pytest.mark.parametrize("text,n", [("He said “yes” and “no”.", 2), ("“Open\n\nnot closed", 0)])
def test_quote_spans(nlp, text, n):
    assert len(quote_spans(nlp(text))) == n


def test_parenthetical_reporting_clause(nlp):
    _, src, content, _ = _one(nlp, "Many days, former employees said, she would stay at the office past midnight.", "said")
    assert src == "former employees"
    assert "she would stay at the office past midnight" in content


def test_line_label_is_a_source(nlp):
    doc = nlp("Elizabeth Warren: Donald Trump Is a Proven Failure in Business.\n\nHe spoke on Monday.")
    [f] = [f for f in AttributionFinder().find(doc) if doc[f.cue[0]].text == ":"]
    assert doc[f.source[0]:f.source[1]].text == "Elizabeth Warren"
    assert "Donald Trump Is a Proven Failure" in " ".join(doc[a:b].text for a, b in f.content)
    assert all(b <= doc.text.index("He spoke") for b in (doc[b - 1].idx for _, b in f.content))


def test_colon_after_a_clause_is_not_a_label(nlp):
    doc = nlp("Then came the laugh line: nobody wanted to call the company.")
    assert not [f for f in AttributionFinder().find(doc) if doc[f.cue[0]].text == ":"]


def test_appended_reporting_clause_is_its_own_attribution(nlp):
    doc = nlp("She said her father would change labor laws, saying that he supports equal pay.")
    found = AttributionFinder().find(doc)
    by_cue = {doc[f.cue[0]:f.cue[1]].text: f for f in found}
    said, saying = by_cue["said"], by_cue["saying"]
    assert saying.outer is None and doc[saying.source[0]:saying.source[1]].text == "She"
    assert not said.contains(doc.text.split().index("supports"))


def test_object_as_predicate_content(nlp):
    _, src, content, _ = _one(nlp, "Viguerie sees Cruz as a uniter.", "sees")
    assert src == "Viguerie" and content == "Cruz as a uniter"


def test_poll_is_a_source(nlp):
    f, src, content, _ = _one(nlp, "In a poll by the Times, most voters backed the plan.", "In")
    assert src == "a poll by the Times" and "most voters backed the plan" in content


def test_per_needs_a_source(nlp):
    doc = nlp("Trump netted thousands of dollars per speech.")
    assert AttributionFinder().find(doc) == []


def test_find_with_a_plain_object_is_not_a_cue(nlp):
    doc = nlp("The firm is adept at finding wedges between the two parties.")
    assert AttributionFinder().find(doc) == []
