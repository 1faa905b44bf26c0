"""The coder on one construction at a time (sentences written for these tests)."""

from __future__ import annotations

import pytest


def codes(ms):
    return sorted(m.code or m.sector for m in ms)


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger_text) for e in events]}"
    return found[0]


def test_active_verb_actor_and_object_recipient(code):
    ev = only(code("Poland criticized Belarus on Monday."), "ACCUSE")
    assert codes(ev.actors) == ["POL"] and codes(ev.recipients) == ["BLR"]
    assert ev.cameo.startswith("11") and ev.quad_class == 3 and ev.mode == "disapprove"


def test_passive_agent_is_actor_and_subject_recipient(code):
    ev = only(code("The opposition was attacked by the police in Minsk."), "ASSAULT")
    assert codes(ev.actors) == ["COP"] and codes(ev.recipients) == ["OPP"]


def test_passive_without_agent_keeps_the_recipient(code):
    ev = only(code("Wounded Russian soldiers are treated in Belarusian hospitals."), "AID")
    assert codes(ev.recipients) == ["RUS"] and not ev.actors
    assert ev.where is not None and ev.where.country == "BLR"


def test_light_verb_with_event_noun(code):
    ev = only(code("Belarus will join the war."), "ASSAULT")
    assert codes(ev.actors) == ["BLR"] and "war" in ev.trigger_text


def test_take_part_in(code):
    ev = only(code("Lithuania will take part in the talks with Russia."), "AGREE")
    assert codes(ev.actors) == ["LTU"] and codes(ev.recipients) == ["RUS"]


def test_phrasal_verb(code):
    ev = only(code("Russia pulled out its troops from Ukraine."), "RETREAT")
    assert ev.mode == "withdraw" and codes(ev.actors) == ["RUS"]


def test_verb_object_phrase_overrides_the_verb(code):
    ev = only(code("Germany imposed sanctions on Russia."), "SANCTION")
    assert codes(ev.recipients) == ["RUS"] and ev.cameo == "163"


def test_nominalisation_with_of_phrase(code):
    ev = only(code("The bloody repression of the opposition continued."), "COERCE")
    assert codes(ev.recipients) == ["OPP"]


def test_bare_topic_noun_is_not_an_event(code):
    assert code("The war continued for months in the region.") == []


def test_compound_subject_gives_several_actors(code):
    ev = only(code("Russia and Belarus condemned Ukraine."), "ACCUSE")
    assert codes(ev.actors) == ["BLR", "RUS"] and codes(ev.recipients) == ["UKR"]


def test_xcomp_content_is_folded_into_the_verbal_event(code):
    events = code("Belarus threatened to attack Ukraine.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].mode == "violence" and codes(events[0].recipients) == ["UKR"]


def test_xcomp_subject_is_inherited(code):
    ev = only(code("Russia tried to invade Ukraine."), "ASSAULT")
    assert codes(ev.actors) == ["RUS"] and codes(ev.recipients) == ["UKR"]


def test_prepositional_recipient(code):
    ev = only(code("Moscow is supplying weapons to Belarus."), "AID")
    assert codes(ev.actors) == ["RUS"] and codes(ev.recipients) == ["BLR"]
    assert ev.cameo == "072"  # weapons: military aid


def test_with_phrase_recipient_and_meeting(code):
    ev = only(code("Lukashenko met with Putin in Sochi."), "CONSULT")
    assert codes(ev.actors) == ["BLR"] and codes(ev.recipients) == ["RUS"]


def test_together_with_makes_a_co_actor(code):
    ev = only(code("Belarus attacked Ukraine together with Russia."), "ASSAULT")
    assert codes(ev.actors) == ["BLR", "RUS"] and codes(ev.recipients) == ["UKR"]


def test_future_cooperation_is_agree(code):
    ev = only(code("Germany will send aid to Ukraine."), "AGREE")
    assert ev.cameo == "033"


def test_conditional_withdrawal_is_a_threat(code):
    ev = only(code("France will withdraw its troops from Chad unless the rebels disarm."),
              "THREATEN")
    assert codes(ev.actors) == ["FRA"]


def test_said_must_is_a_request(code):
    ev = only(code("Poland said that Belarus must release the prisoners."), "REQUEST")
    assert codes(ev.actors) == ["POL"] and codes(ev.recipients) == ["BLR"]


def test_aerial_mode_from_instrument(code):
    ev = only(code("Russian jets attacked the city."), "ASSAULT")
    assert ev.mode == "aerial"


def test_saying_verb_alone_is_no_event(code):
    assert code("Lukashenko said that the weather in Belarus was fine.") == []


def test_negated_event_is_still_coded(code):
    ev = only(code("Belarus will not take part in the invasion."), "ASSAULT")
    assert codes(ev.actors) == ["BLR"]


def test_intended_attack_is_a_threat(code):
    ev = only(code("Russia decided to invade Ukraine."), "THREATEN")
    assert ev.mode == "violence" and codes(ev.actors) == ["RUS"]


def test_trigger_is_a_doc_token_index(nlp, coder, mentions_for):
    doc = nlp("It rained. Poland condemned Belarus.")
    sents = list(doc.sents)
    events = coder.code(sents[1], mentions_for(doc))
    assert events and doc[events[0].trigger].lemma_ == "condemn"
    assert coder.code(sents[0], mentions_for(doc)) == []


def test_have_carries_talk_nouns_only(events):
    ev = only(events("Finland had a phone conversation with Sweden on Friday."), "CONSULT")
    assert codes(ev.actors) == ["FIN"] and codes(ev.recipients) == ["SWE"]
    assert "had" in ev.trigger_text
    ev = only(events("Chile had talks with Peru in Lima."), "CONSULT")
    assert codes(ev.actors) == ["CHL"] and codes(ev.recipients) == ["PER"]
    # "has the support of X" is X's support: no SUPPORT by Moldova
    assert not [e for e in events("Moldova has the support of Romania.") if codes(e.actors) == ["MDA"]]


def test_a_restricted_light_verb_needs_its_list(tmp_path):
    from claimgraph.events import lexicon as lexicon_mod

    bad = tmp_path / "bad.yaml"
    bad.write_text("light:\n  get: {dep: dobj}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="restricted light verb"):
        lexicon_mod.load([bad])


def test_calling_someone_a_name_is_no_phone_call(events):
    ev = only(events("Ecuador called the Colombian president a liar on Sunday."), "ACCUSE")
    assert codes(ev.actors) == ["ECU"] and codes(ev.recipients) == ["COL"]
    assert not [e for e in events("Ecuador called Colombia a friend.") if e.type == "CONSULT"]
    ev = only(events("Ecuador called Colombia on Sunday."), "CONSULT")
    assert ev.mode == "phone" and codes(ev.recipients) == ["COL"]


def test_recognition_is_of_someone_not_of_a_fact(events):
    ev = only(events("Turkey recognized Kosovo in 2008."), "SUPPORT")
    assert ev.cameo == "054" and codes(ev.actors) == ["TUR"] and len(ev.recipients) == 1
    ev = only(events("Turkey recognized the independence of Kosovo."), "SUPPORT")
    assert ev.cameo == "054" and codes(ev.actors) == ["TUR"]
    assert not [e for e in events("Turkey recognized that the talks had failed.") if e.cameo == "054"]


def test_a_passive_subject_does_the_infinitive(events):
    ev = only(events("Qatar is expected to host talks between Chad and Sudan."), "AGREE")
    assert codes(ev.actors) == ["QAT"]
    ev = only(events("Eritrea was forced to withdraw its troops from Tigray."), "RETREAT")
    assert codes(ev.actors) == ["ERI"]
