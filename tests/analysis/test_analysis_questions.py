"""Tracked questions: storage, evidence boards, prediction outcomes, claimant records, candidates."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.analysis import questions as q
from claimgraph.analysis.rows import rows_from_records
from claimgraph.analysis.source import load_rows

AFTER = dt.date(2022, 7, 1)


def _question(**kw) -> q.Question:
    args = {"text": "Will Belarus join the war against Ukraine?", "actor": "BLR",
            "event_type": "ASSAULT", "recipient": "UKR"}
    args.update(kw)
    return q.new_question(**args)


def test_new_question_validates_and_has_a_stable_id():
    a, b = _question(), _question(text="  Will Belarus join   the war against Ukraine? ")
    assert a.id == b.id and b.text == "Will Belarus join the war against Ukraine?"
    assert _question(recipient="RUS").id != a.id
    with pytest.raises(q.QuestionError):
        _question(event_type="INVADE")
    with pytest.raises(q.QuestionError):
        _question(actor=" ")
    with pytest.raises(q.QuestionError):
        _question(deadline="next week")
    assert _question(deadline="2022-06-30").deadline == dt.date(2022, 6, 30)


def test_questions_are_stored_next_to_the_store(writable_store):
    book = q.QuestionBook(writable_store)
    assert book.all() == []
    added = book.add(_question(deadline="2022-12-31"))
    book.add(_question())  # same id: replaced, not duplicated
    (stored,) = book.all()
    assert stored.id == added.id and stored.deadline is None
    assert book.get(added.id[:6]).text == added.text
    assert book.get("ffffffff") is None
    assert book.remove(added.id) and book.all() == []


def test_read_only_store_lists_no_questions_and_refuses_writes(store):
    book = q.QuestionBook(store)
    assert book.all() == [] and book.get("abc") is None
    with pytest.raises(q.QuestionError):
        book.add(_question())


def test_evidence_board_groups_statements_by_status(store):
    rows = load_rows(store, actor="BLR", type="ASSAULT")
    board = q.evidence_board(_question(), rows, today=AFTER, all_rows=load_rows(store, type="ASSAULT"))
    assert board["counts"] == {"asserted": 0, "future": 2, "negated": 1, "hypothetical": 0,
                               "question": 1}
    assert board["state"] == "open" and board["reports"] == 2
    first, second = board["groups"]["future"]
    assert first["claimant"] == "Ukrainian military intelligence"
    assert first["via"] == ["Ukrainska Pravda"]
    assert first["deadline"] == "2022-05-24" and first["outcome"] == "expired"
    assert first["date"] == "2022-05-22" and first["document_id"] == "doc-example"
    assert second["claimant"] == "Oleksiy Arestovych" and second["outcome"] == "expired"
    (denial,) = board["groups"]["negated"]
    assert denial["claimant"] == "Lukashenko"
    (asked,) = board["groups"]["question"]
    assert asked["headline"] and asked["claimant"] == "Tagesspiegel (article)"


def test_predictions_are_open_until_their_deadline(store):
    rows = load_rows(store, actor="BLR", type="ASSAULT")
    board = q.evidence_board(_question(), rows, today=dt.date(2022, 6, 12))
    outcomes = [e["outcome"] for e in board["groups"]["future"]]
    assert outcomes == ["expired", "open"]


def test_a_prediction_comes_true_when_a_later_report_asserts_it(store):
    rows = load_rows(store, type="ASSAULT")
    question = _question(text="Will Russia invade Ukraine?", actor="RUS", deadline="2022-03-01")
    board = q.evidence_board(question, rows, today=AFTER)
    (prediction,) = board["groups"]["future"]
    assert prediction["claimant"] == "Western officials"
    assert prediction["outcome"] == "came-true"
    assert prediction["confirmed_by"]["document_id"] in {"doc-invasion", "doc-invasion-2"}
    assert board["state"] == "happened" and board["counts"]["asserted"] == 2
    record = {c["claimant"]: c for c in board["claimants"]}["Western officials"]
    assert record["predictions"] == 1 and record["came-true"] == 1


def test_claimant_records_span_all_predictions(records):
    rows = rows_from_records(records)
    index = q.OutcomeIndex(rows)
    recs = q.claimant_records(rows, index, AFTER)
    assert recs["Western officials"]["came-true"] == 1
    assert recs["Oleksiy Arestovych"] == {"predictions": 1, "came-true": 0, "expired": 1, "open": 0}
    # A prediction without a deadline stays open.
    assert recs["wire.example (article)"] == {"predictions": 1, "came-true": 0, "expired": 0,
                                              "open": 1}


def test_question_expires_after_its_deadline_without_assertion(store):
    rows = load_rows(store, actor="BLR", type="ASSAULT")
    board = q.evidence_board(_question(deadline="2022-06-30"), rows, today=AFTER)
    assert board["state"] == "expired"


def test_headline_questions_are_candidates(store, writable_store):
    rows = load_rows(store, status="question", headline=True)
    cands = q.headline_candidates(rows)
    assert [(c["actor"], c["event_type"], c["recipient"]) for c in cands] == [
        ("BLR", "ASSAULT", "UKR"), ("NATO", "THREATEN", "BLR")]
    assert cands[0]["text"] == "Will Lukashenko intervene in the Russian war?"
    assert not any(c["tracked"] for c in cands)
    tracked = q.headline_candidates(rows, [_question()])
    assert [c["tracked"] for c in tracked] == [True, False]


class _Mention:
    def __init__(self, code, org=None):
        self.code, self.org = code, org


class _Match:
    def __init__(self, type_, actors, recipients, confidence, trigger=3):
        self.type, self.actors, self.recipients = type_, actors, recipients
        self.confidence, self.trigger, self.trigger_text = confidence, trigger, "join the war"


def test_parse_question_uses_the_coders_best_match():
    class Coder:
        def code(self, sent, mentions):
            return [_Match("CONSULT", [_Mention("BLR")], [], 0.9),
                    _Match("ASSAULT", [_Mention("BLR")], [_Mention("UKR")], 0.6),
                    _Match("ASSAULT", [], [_Mention("UKR")], 1.0)]

    class Resolver:
        def find(self, doc, published):
            return []

    class Claims:
        def analyze(self, doc, mentions, published, headline):
            assert headline
            return self

        def when(self, trigger):
            from claimgraph.model import When
            return When("by June", None, "2022-06-30")

    parsed = q.parse_question("Will Belarus join the war against Ukraine by June?", nlp=_blank(),
                              resolver=Resolver(), coder=Coder(), claims=Claims())
    assert (parsed.actor, parsed.event_type, parsed.recipient) == ("BLR", "ASSAULT", "UKR")
    assert parsed.deadline == dt.date(2022, 6, 30)


def _blank():
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_parse_question_without_a_codable_event():
    class Coder:
        def code(self, sent, mentions):
            return []

    class Resolver:
        def find(self, doc, published):
            return []

    parsed = q.parse_question("Is it raining?", nlp=_blank(), resolver=Resolver(), coder=Coder(),
                              claims=None)
    assert parsed.actor is None and parsed.event_type is None


def test_related_signals_are_listed_apart(store):
    rows = load_rows(store, actor="BLR", type=["ASSAULT", *q.related_types("ASSAULT")])
    board = q.evidence_board(_question(), rows, today=AFTER)
    assert [(e["event_type"], e["hedged"]) for e in board["related"]] == [("MOBILIZE", True)]
    assert board["counts"]["asserted"] == 0 and board["state"] == "open"
    assert "MOBILIZE" in q.related_types("ASSAULT") and q.related_types("NOPE") == ()


MDA = ("Moldova", "MDA", None)


def _moldova(**kw) -> q.Question:
    args = {"text": "Will Russia attack Moldova?", "actor": "RUS", "event_type": "ASSAULT",
            "recipient": "MDA"}
    args.update(kw)
    return q.new_question(**args)


def _board_of(question, statements, published="2022-05-30", **kw):
    import handmade

    record = handmade.article("d", "t", published, "x.example",
                              [(text, [st]) for text, st in statements])
    return q.evidence_board(question, rows_from_records([record]), today=AFTER, **kw)


def _evidence(board) -> list[str]:
    return [e["evidence"] for g in board["groups"].values() for e in g]


def test_a_statement_without_the_asked_recipient_is_a_near_miss_not_evidence():
    from handmade import BLR, S

    board = _board_of(_question(), [
        ("Belarus will not take part in the war.",
         S("ASSAULT", [BLR], [], "take part", status="negated")),
        ("Belarus will not attack Poland.",
         S("ASSAULT", [BLR], [("Poland", "POL", None)], "attack", status="negated")),
        ("Belarus will not attack Ukraine.",
         S("ASSAULT", [BLR], [("Ukraine", "UKR", None)], "attack", status="negated")),
    ])
    assert _evidence(board) == ["Belarus will not attack Ukraine."]
    related = {e["evidence"]: e for e in board["related"]}
    assert set(related) == {"Belarus will not take part in the war.", "Belarus will not attack Poland."}
    assert {e["missed"] for e in related.values()} == {"recipient"}
    assert board["related_counts"]["recipient"] == 2 and board["related_total"] == 2
    reasons = [w["reason"] for w in related["Belarus will not attack Poland."]["why"]]
    assert "recipient ✗ Poland (POL), asked UKR" in reasons
    no_recipient = [w for w in related["Belarus will not take part in the war."]["why"]
                    if w["criterion"] == "recipient"]
    assert no_recipient == [{"criterion": "recipient", "ok": False, "reason": "recipient ✗ none, asked UKR"}]


def test_moldova_is_not_attacked_by_statements_about_other_recipients():
    from handmade import RUS, RUS_MIL, UKR, S

    board = _board_of(_moldova(), [
        ("Russia started this war in 2014.", S("ASSAULT", [RUS], [], "started this war")),
        ("Russian troops shelled Kharkiv.", S("ASSAULT", [RUS_MIL], [UKR], "shelled")),
        ("Russia moved troops to Transnistria.", S("MOBILIZE", [RUS], [MDA], "moved troops")),
    ])
    assert board["state"] == "open" and board["counts"]["asserted"] == 0 and _evidence(board) == []
    assert [e["missed"] for e in board["related"]] == ["recipient", "recipient", "type"]
    board = _board_of(_moldova(), [
        ("Russian troops attacked Moldova.", S("ASSAULT", [RUS_MIL], [MDA], "attacked")),
    ])
    assert board["state"] == "happened"
    (entry,) = board["groups"]["asserted"]
    assert [w["reason"] for w in entry["why"]] == [
        "actor ✓ RUS: Russian troops (RUS MIL)", "recipient ✓ MDA: Moldova (MDA)",
        "type ✓ ASSAULT", "time ✓ in window (2022-05-30; no deadline)", "status asserted"]
    assert entry["actor_codes"] == ["RUS MIL"] and entry["recipient_codes"] == ["MDA"]
    assert entry["why_text"].startswith("actor ✓ RUS: Russian troops (RUS MIL) · recipient ✓ MDA")


def test_a_statement_without_an_actor_or_with_another_type_settles_nothing():
    from handmade import BLR, UKR, S

    board = _board_of(_question(), [
        ("Ukraine was attacked from the north.", S("ASSAULT", [], [UKR], "attacked")),
        ("Belarus moved troops to the Ukrainian border.", S("MOBILIZE", [BLR], [UKR], "moved")),
        ("Belarus talked to Ukraine.", S("CONSULT", [BLR], [UKR], "talked")),
        ("Ukraine attacked Belarus.", S("ASSAULT", [UKR], [BLR], "attacked")),
    ])
    assert _evidence(board) == [] and board["state"] == "open"
    # No actor is a miss of the actor; an unrelated type (CONSULT) and a reversed pair are no
    # near misses at all.
    assert sorted((e["evidence"], e["missed"]) for e in board["related"]) == [
        ("Belarus moved troops to the Ukrainian border.", "type"),
        ("Ukraine was attacked from the north.", "actor")]


def test_a_statement_dated_past_the_deadline_is_outside_the_window():
    from handmade import BLR, UKR, S

    question = _question(deadline="2022-06-30")
    board = _board_of(question, [
        ("Belarus attacked Ukraine on 2 July.",
         S("ASSAULT", [BLR], [UKR], "attacked", when=("on 2 July", "2022-07-02", "2022-07-02"))),
        ("Belarus attacked Ukraine in 2022.",
         S("ASSAULT", [BLR], [UKR], "attacked", when=("in 2022", "2022-01-01", "2022-12-31"))),
        ("Belarus attacked Ukraine in May.",
         S("ASSAULT", [BLR], [UKR], "attacked", when=("in May", "2022-05-01", "2022-05-31"))),
        ("Belarus will attack Ukraine.", S("ASSAULT", [BLR], [UKR], "attack", status="future")),
    ], published="2022-07-05")
    assert _evidence(board) == ["Belarus attacked Ukraine in May.", "Belarus will attack Ukraine."]
    times = {e["evidence"]: [w["reason"] for w in e["why"] if w["criterion"] == "time"][0]
             for e in board["related"]}
    assert times == {
        "Belarus attacked Ukraine on 2 July.": "time ✗ 2022-07-02 after deadline 2022-06-30",
        "Belarus attacked Ukraine in 2022.": "time ✗ 2022 runs past deadline 2022-06-30"}
    (prediction,) = board["groups"]["future"]
    assert "time ✓ in window (no horizon given; deadline 2022-06-30)" in prediction["why_text"]


def test_actor_codes_match_precisely():
    from claimgraph.analysis.evidence import ActorSpec

    rus = ActorSpec.parse("RUS")
    assert rus.matches({"code": "RUS", "sector": "GOV"}, state_only=True)
    assert rus.matches({"code": "RUS", "sector": "MIL"}, state_only=True)
    assert rus.matches({"code": "RUS", "sector": None}, state_only=True)
    assert not rus.matches({"code": "RUS", "sector": "OPP"}, state_only=True)
    assert rus.matches({"code": "RUS", "sector": "OPP"}, state_only=False)
    assert not rus.matches({"code": None, "text": "Russia"})
    assert not rus.matches({"code": "BLR", "text": "Russian-backed Belarus"})
    assert not rus.matches({"code": "RUSGOV"})
    gov = ActorSpec.parse("RUS GOV")
    assert gov == ActorSpec.parse("RUSGOV") == ActorSpec.parse("rus/gov")
    assert gov.matches({"code": "RUS", "sector": "GOV"})
    assert not gov.matches({"code": "RUS", "sector": "MIL"}) and not gov.matches({"code": "RUS"})
    nato = ActorSpec.parse("NATO")
    assert nato == ActorSpec.parse("IGO NATO")
    assert nato.matches({"code": "IGO", "org": "NATO"})
    assert not nato.matches({"code": "IGO", "org": "EU"})
    assert not nato.matches({"code": "NATO", "org": None})
    assert not ActorSpec.parse("UKR").matches({"code": "IGO", "org": "EU"})


def test_a_country_question_is_about_its_state_not_its_opposition():
    import handmade

    record = handmade.article("opp", "t", "2022-04-23", "x.example", [
        ("The Belarusian opposition was fighting the Russian army.",
         [handmade.S("ASSAULT", [("Belarusian opposition", "BLR", "OPP")], [], "fighting")]),
        ("Belarusian troops shelled Ukraine.",
         [handmade.S("ASSAULT", [("Belarusian troops", "BLR", "MIL")], [handmade.UKR], "shelled")]),
    ])
    rows = rows_from_records([record])
    board = q.evidence_board(_question(), rows, today=AFTER)
    assert [e["evidence"] for e in board["groups"]["asserted"]] == ["Belarusian troops shelled Ukraine."]
    opposition = q.evidence_board(_question(actor="BLROPP", recipient=None), rows, today=AFTER)
    assert opposition["counts"]["asserted"] == 1


def test_a_joint_prediction_needs_every_actor_to_come_true():
    import handmade

    predicted = handmade.article("p", "t", "2022-05-22", "x.example", [
        ("Belarus will join the war together with Russian troops.",
         [handmade.S("ASSAULT", [handmade.BLR, handmade.RUS_MIL], [handmade.UKR], "join",
                     status="future", when=("soon", "2022-05-22", "2022-05-30"))]),
    ])
    russia_alone = handmade.article("r", "t", "2022-05-25", "y.example", [
        ("Russian troops shelled Ukraine.",
         [handmade.S("ASSAULT", [handmade.RUS_MIL], [handmade.UKR], "shelled")]),
    ])
    both = handmade.article("b", "t", "2022-05-26", "z.example", [
        ("Belarus and Russia attacked Ukraine.",
         [handmade.S("ASSAULT", [handmade.BLR, handmade.RUS], [handmade.UKR], "attacked")]),
    ])
    rows = rows_from_records([predicted, russia_alone])
    (prediction,) = [r for r in rows if r["status"] == "future"]
    assert q.prediction_outcome(prediction, q.OutcomeIndex(rows), AFTER)[0] == "expired"
    rows = rows_from_records([predicted, russia_alone, both])
    outcome, confirmation = q.prediction_outcome(prediction, q.OutcomeIndex(rows), AFTER)
    assert outcome == "came-true" and confirmation["document_id"] == "b"
