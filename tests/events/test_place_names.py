"""A city that names a thing is no participant (sentences written for these tests)."""

from __future__ import annotations

from event_helpers import codes as _codes
from event_helpers import one as _one


def _all(events):
    return [m for e in events for m in (*e.actors, *e.recipients)]


def test_city_naming_an_agreement_is_no_recipient(events):
    ev = _one(events("Serbia violated the Belgrade accords last week."), "REJECT")
    assert _codes(ev.actors) == ["SRB"] and ev.recipients == []


def test_city_through_a_chain_of_compounds_is_no_recipient(events):
    evs = events("Georgia accused Armenia of violating the Minsk II agreement.")
    ev = _one(evs, "ACCUSE")
    assert _codes(ev.actors) == ["GEO"] and _codes(ev.recipients) == ["ARM"]
    assert "BLR" not in _codes(_all(evs))


def test_venue_of_talks_is_no_participant(events):
    evs = events("Azerbaijani and Armenian envoys resumed the Istanbul talks on Monday.")
    assert "TUR" not in _codes(_all(evs))


def test_city_naming_a_metro_is_no_recipient(events):
    ev = _one(events("Separatist rebels bombed the Moscow metro in 2004."), "ASSAULT")
    assert ev.recipients == []


def test_city_naming_a_format_is_no_recipient(events):
    ev = _one(events("Macron met Scholz in the Normandy format on Friday."), "CONSULT")
    assert _codes(ev.recipients) == ["DEU"]


def test_capital_before_a_place_noun_names_the_place(events):
    ev = _one(events("Russian artillery shelled the Kyiv region's hospitals."), "ASSAULT")
    assert [(m.code, m.sector) for m in ev.recipients] == [("UKR", None)]


def test_capital_as_the_government_still_acts(events):
    ev = _one(events("Warsaw accused Minsk of smuggling migrants."), "ACCUSE")
    assert [(m.code, m.sector) for m in ev.actors] == [("POL", "GOV")]
    assert [(m.code, m.sector) for m in ev.recipients] == [("BLR", "GOV")]


def test_a_shelled_city_stays_the_recipient(events):
    ev = _one(events("Odesa was shelled on Sunday night."), "ASSAULT")
    assert [(m.code, m.sector) for m in ev.recipients] == [("UKR", None)]


def test_title_case_headline_keeps_its_names(events):
    ev = _one(events("Beijing Warns Taipei Over Arms Deal"), "THREATEN")
    assert _codes(ev.actors) == ["CHN"] and _codes(ev.recipients) == ["TWN"]
