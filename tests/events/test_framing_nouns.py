"""Nouns that frame an event noun in their "of" phrase (sentences written for these tests)."""

from __future__ import annotations

from event_helpers import codes as _codes
from event_helpers import one as _one


def test_a_framing_noun_is_no_second_trigger(events):
    evs = events("The ministers discussed the next package of sanctions against Iran.")
    sanctions = [e for e in evs if e.type == "SANCTION"]
    assert [e.trigger_text for e in sanctions] == ["sanctions"]
    assert _codes(sanctions[0].recipients) == ["IRN"]


def test_the_event_framed_is_no_recipient_of_a_result(events):
    evs = events("As a result of the Iranian drone strike on Erbil, four people were injured.")
    assert all(e.trigger_text != "result" for e in evs), [e.trigger_text for e in evs]


def test_the_owner_of_a_wave_of_events_is_their_actor(events):
    ev = _one(events("Turkey's wave of air strikes on Kurdish villages continued overnight."),
              "ASSAULT")
    assert _codes(ev.actors) == ["TUR"]


def test_a_light_verb_with_a_series_codes_one_event(events):
    evs = [e for e in events("Sudan carried out a series of attacks on Chad.") if e.type == "ASSAULT"]
    assert len(evs) == 1
    assert _codes(evs[0].actors) == ["SDN"] and _codes(evs[0].recipients) == ["TCD"]


def test_a_framed_event_that_is_no_run_of_events_keeps_its_trigger(events):
    evs = events("The bishop voiced support of Sudan's war against Chad.")
    war = [e for e in evs if e.trigger_text == "war"]
    assert war and _codes(war[0].actors) == ["SDN"] and _codes(war[0].recipients) == ["TCD"]
