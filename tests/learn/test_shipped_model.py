"""The shipped learned components load from the package and code sentences written here."""

from __future__ import annotations

from claimgraph.events import learned, ranker
from claimgraph.model import Document


def _code(pipeline, text: str):
    doc = pipeline.nlp(text)
    return pipeline.code_document(Document(id="t", text=text, language="en"), doc).statements


def test_the_package_ships_a_trained_classifier_and_ranker():
    model = learned.shipped()
    assert model is not None and model.static is not None
    assert set(model.thresholds) == {"gate", "keep", "add"}
    assert model.meta["trained_on"] == "corpus train split"
    assert ranker.default() is not None


def test_fighting_is_coded_and_a_storm_is_not(full_pipeline):
    statements = _code(full_pipeline, "Russian troops shelled Kharkiv on Monday, Ukrainian officials said. "
                                      "A powerful storm killed twelve people in Texas overnight.")
    assert [(s.sentence, s.event.type) for s in statements] == [(0, "ASSAULT")]
    (s,) = statements
    assert [a.code for a in s.actor] == ["RUS"] and [a.code for a in s.recipient] == ["UKR"]
    assert s.claimant is not None


def test_sport_and_a_flood_get_no_political_event(full_pipeline):
    # Known misses, left in docs/benchmarks.md: "workers died when a gas tank exploded" still
    # codes the rule coder's ASSAULT, and "attacked ... after the break" gets an added one.
    statements = _code(full_pipeline, "The home side attacked relentlessly but the goalkeeper saved everything. "
                                      "The flood destroyed 300 homes in the valley. "
                                      "The striker scored twice as the club beat its rivals 3-1 on Saturday.")
    assert statements == []


def test_the_classifier_scores_a_protest_above_a_recipe():
    model = learned.shipped()
    protest, recipe = model.scores([
        learned.SentenceInput("Thousands of demonstrators marched through the capital demanding the minister resign."),
        learned.SentenceInput("Stir the sauce gently and add the chopped onions after five minutes.")])
    assert protest[learned.GATE] > 0.5 > recipe[learned.GATE]
    assert protest["PROTEST"] > recipe["PROTEST"]
