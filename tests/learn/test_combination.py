"""The learned combination's steps (gate, keep, add) and the model's file format, on sentences written here."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from claimgraph.events.combine import Combiner
from claimgraph.events.learned import GATE, LABELS, SentenceInput, SentenceModel, make_vectorizers, stack
from claimgraph.events.match import EventMatch


@dataclass
class StubModel:
    """Fixed scores per sentence text; word weights from a table."""

    table: dict[str, dict[str, float]]
    thresholds: dict[str, float]
    words: dict[tuple[str, str], float]

    def scores(self, inputs):
        return [dict({k: 0.0 for k in LABELS}, **self.table[i.text]) for i in inputs]

    def word_weight(self, label, word):
        return self.words.get((label, word.lower()), 0.0)


def _match(tok: int, type_: str) -> EventMatch:
    return EventMatch(trigger=tok, trigger_text="x", type=type_, cameo="190", quad_class=4, intensity=-9.0)


@pytest.fixture(scope="module")
def sents(nlp_model):
    doc = nlp_model("The striker attacked the goal twice. Police detained forty protesters in Minsk.")
    return list(doc.sents)


@pytest.fixture(scope="module")
def nlp_model():
    from claimgraph import nlp

    return nlp.load()


def test_gate_drops_every_event_of_a_sentence_it_scores_as_no_event(sents):
    model = StubModel({sents[0].text: {GATE: 0.1, "ASSAULT": 0.9}, sents[1].text: {GATE: 0.9, "COERCE": 0.9}},
                      {"gate": 0.3, "keep": 0.1, "add": 2.0}, {})
    out = Combiner(model).apply(sents, [[_match(2, "ASSAULT")], [_match(9, "COERCE")]])
    assert [len(o) for o in out] == [0, 1]
    assert len(Combiner(model, frozenset({"gate"})).apply(sents, [[_match(2, "ASSAULT")], []])[0]) == 1


def test_keep_drops_a_proposal_whose_type_the_classifier_disbelieves(sents):
    model = StubModel({sents[1].text: {GATE: 0.9, "COERCE": 0.8, "ASSAULT": 0.02}},
                      {"gate": 0.3, "keep": 0.1, "add": 2.0}, {})
    out = Combiner(model).apply(sents[1:], [[_match(9, "COERCE"), _match(9, "ASSAULT")]])
    assert [m.type for m in out[0]] == ["COERCE"]


def test_add_codes_a_confident_type_at_its_heaviest_word(sents):
    model = StubModel({sents[1].text: {GATE: 0.9, "COERCE": 0.9}}, {"gate": 0.3, "keep": 0.1, "add": 0.5},
                      {("COERCE", "detained"): 1.5, ("COERCE", "protesters"): 0.2})
    seen = []

    def code_at(sent, tok, type_):
        seen.append((tok.text, type_))
        return _match(tok.i, type_)

    out = Combiner(model).apply(sents[1:], [[]], code_at)
    assert seen == [("detained", "COERCE")]
    assert [m.type for m in out[0]] == ["COERCE"]
    assert Combiner(model, frozenset({"add"})).apply(sents[1:], [[]], code_at) == [[]]


def test_model_round_trips_through_its_files(tmp_path):
    inputs = [SentenceInput("Troops shelled the city.", ("ASSAULT",), ("shelled",)),
              SentenceInput("The team won the cup.", (), ()),
              SentenceInput("Rebels shelled a village.", ("ASSAULT",), ("shelled",)),
              SentenceInput("Prices rose again.", (), ())]
    vecs = make_vectorizers(min_df_words=1, min_df_chars=1)
    from claimgraph.events.learned import block_texts

    texts = block_texts(inputs)
    for k, v in vecs.items():
        v.fit(texts[k])
    weights = {"words": 1.0, "chars": 1.0, "rules": 1.0, "emb": 0.0}
    width = stack(vecs, inputs, weights).shape[1]
    rng = np.random.default_rng(0)
    model = SentenceModel(vecs, weights, LABELS, rng.normal(size=(len(LABELS), width)),
                          rng.normal(size=len(LABELS)), {"gate": 0.3}, {"note": "test"})
    model.save(tmp_path)
    again = SentenceModel.read(tmp_path / "sentence.npz", tmp_path / "sentence.json")
    a, b = model.scores(inputs), again.scores(inputs)
    assert all(abs(x[k] - y[k]) < 1e-4 for x, y in zip(a, b) for k in LABELS)
    assert again.thresholds == {"gate": 0.3}


def test_events_from_a_users_own_lexicon_are_never_filtered(sents):
    model = StubModel({sents[0].text: {GATE: 0.01, "ACCUSE": 0.0}}, {"gate": 0.3, "keep": 0.1, "add": 2.0}, {})
    mine = _match(2, "ACCUSE")
    mine.source = "mine.yaml"
    out = Combiner(model).apply(sents[:1], [[mine, _match(2, "ASSAULT")]])
    assert [m.source for m in out[0]] == ["mine.yaml"]


def test_add_never_codes_at_a_participle_that_describes_a_noun(nlp_model):
    sent = list(nlp_model("Wounded soldiers are treated in the city hospitals.").sents)
    model = StubModel({sent[0].text: {GATE: 0.9, "ASSAULT": 0.9}}, {"gate": 0.3, "keep": 0.1, "add": 0.5},
                      {("ASSAULT", "wounded"): 2.0, ("ASSAULT", "treated"): 0.1})
    seen = []

    def code_at(s, tok, type_):
        seen.append(tok.text)
        return _match(tok.i, type_)

    Combiner(model).apply(sent, [[]], code_at)
    assert "Wounded" not in seen
