"""An event noun described by a country word, and event nouns whose "of" phrase acts
(sentences written for these tests)."""

from __future__ import annotations

from event_helpers import codes as _codes
from event_helpers import one as _one


def test_country_adjective_of_an_event_noun_is_its_actor(events):
    ev = _one(events("The Turkish invasion of Syria drew wide criticism."), "ASSAULT")
    assert _codes(ev.actors) == ["TUR"] and _codes(ev.recipients) == ["SYR"]


def test_the_event_phrase_is_no_recipient_of_its_own_light_verb(events):
    ev = _one(events("Erdogan launched the Turkish offensive at dawn."), "ASSAULT")
    assert "TUR" not in _codes(ev.recipients)


def test_an_event_phrase_condemned_stays_the_target(events):
    ev = _one(events("Greece condemned the Turkish invasion."), "ACCUSE")
    assert _codes(ev.actors) == ["GRC"] and _codes(ev.recipients) == ["TUR"]


def test_who_withdraws_is_the_actor_of_a_withdrawal(events):
    ev = _one(events("Villagers returned after the withdrawal of Ethiopian troops from Mekele."),
              "RETREAT")
    assert _codes(ev.actors) == ["ETH"] and "ETH" not in _codes(ev.recipients)
