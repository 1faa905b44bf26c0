"""Doers that are no actors, and clauses that keep their own subject (sentences written for
these tests)."""

from __future__ import annotations

from event_helpers import codes as _codes
from event_helpers import one as _one


def test_a_storm_threatening_a_country_is_no_event(events):
    assert events("The cyclone threatens the coast of Mozambique.") == []


def test_a_named_hurricane_killing_people_is_no_event(events):
    evs = events("Hurricane Ida flattened villages in Cuba, killing four fishermen.")
    assert not [e for e in evs if e.type == "ASSAULT"], [(e.type, e.trigger_text) for e in evs]


def test_sanctions_hitting_an_economy_is_no_event(events):
    assert events("New sanctions hit the Iranian economy in March.") == []


def test_a_clause_with_its_own_subject_does_not_borrow_the_main_actor(events):
    evs = [e for e in events("When the scandal struck, Kenya closed its schools.")
           if e.trigger_text == "struck"]
    assert evs == []


def test_an_actor_still_acts_in_a_participle_clause(events):
    ev = [e for e in events("Sudanese troops shelled Kadugli, killing nine civilians.")
          if e.trigger_text == "killing"][0]
    assert _codes(ev.actors) == ["SDN"]


def test_people_named_like_no_force_still_act(events):
    ev = _one(events("Kenyan police attacked the protesters."), "ASSAULT")
    assert _codes(ev.actors) == ["KEN"]


def test_a_relative_clause_still_takes_its_head_noun_as_actor(events):
    ev = _one(events("Kenyan police who attacked the protesters were suspended."), "ASSAULT")
    assert _codes(ev.actors) == ["KEN"]


def test_a_coordinated_pronoun_subject_still_names_the_first_clause_actor(events):
    ev = _one(events("Kenya said talks had failed, and it warned Uganda of reprisals."), "THREATEN")
    assert _codes(ev.actors) == ["KEN"]


def test_a_force_of_nature_in_a_relative_clause_is_no_actor(events):
    evs = events("Officials fear an epidemic that threatens the Kenyan army.")
    assert not [e for e in evs if e.type == "THREATEN"], [(e.type, e.trigger_text) for e in evs]
