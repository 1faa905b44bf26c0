"""Recipient constructions with the real actor resolver (sentences written for these tests)."""

from __future__ import annotations

from event_helpers import codes as _codes
from event_helpers import one as _one


def test_dative_to_phrase_is_the_recipient_not_the_thing_given(events):
    ev = _one(events("Japan is supplying trucks and medical equipment to Kenya."), "AID")
    assert _codes(ev.actors) == ["JPN"] and _codes(ev.recipients) == ["KEN"]


def test_independence_from_names_the_recipient(events):
    ev = _one(events("Kurdish students protested in Erbil to demand independence from Iraq."),
              "PROTEST")
    assert _codes(ev.recipients) == ["IRQ"]


def test_refuge_in_a_country_makes_it_the_recipient(events):
    ev = _one(events("Thousands of Afghan families sought refuge in Pakistan."), "REQUEST")
    assert _codes(ev.actors) == ["AFG"] and _codes(ev.recipients) == ["PAK"]


def test_purpose_clause_object_agent_through_a_participle(events):
    ev = _one(events("Kenyan farmers protested on Monday to demand the return of land seized by "
                     "Ugandan troops."), "PROTEST")
    assert _codes(ev.recipients) == ["UGA"]


def test_every_conjunct_of_an_of_phrase_is_a_recipient(events):
    ev = _one(events("Soldiers in Chad beat dozens of Sudanese and Nigerien traders."), "ASSAULT")
    assert _codes(ev.recipients) == ["NER", "SDN"]


def test_a_place_is_no_recipient_of_an_event_nobody_is_named_doing(events):
    evs = [e for e in events("A car bombing near Tikrit killed three Turkish drivers.")
           if e.type == "ASSAULT"]
    assert all("IRQ" not in _codes(e.recipients) for e in evs)
    assert any(_codes(e.recipients) == ["TUR"] for e in evs)


def test_between_phrase_of_a_mediation_names_both_recipients(events):
    ev = _one(events("Kenya launched a mediation effort between Ethiopia and Eritrea."), "CONSULT")
    assert _codes(ev.actors) == ["KEN"] and _codes(ev.recipients) == ["ERI", "ETH"]


def test_a_weapon_fired_is_no_recipient(events):
    ev = _one(events("Ethiopia fired rockets at Mekele overnight."), "ASSAULT")
    assert _codes(ev.actors) == ["ETH"]
    assert all(m.text != "rockets" for m in ev.recipients)


def test_a_weapon_deployed_is_no_fallback_recipient(events):
    ev = _one(events("Turkey deployed new drones last week."), "MOBILIZE")
    assert _codes(ev.actors) == ["TUR"] and ev.recipients == []


def test_a_weapon_destroyed_stays_the_recipient(events):
    ev = _one(events("Kenyan troops destroyed three tanks."), "ASSAULT")
    assert [m.text for m in ev.recipients] == ["tanks"]
