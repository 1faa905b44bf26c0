"""Cities as places, historical leaders and the UN Security Council (sentences written here)."""

from __future__ import annotations

import datetime as dt

from claimgraph.actors.dictionary import DATA_DIR, read_actors


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_a_city_codes_to_its_country_without_a_sector(find):
    ms = _by_text(find("Clashes broke out in Mosul on Friday."))
    assert (ms["Mosul"].code, ms["Mosul"].sector, ms["Mosul"].kind) == ("IRQ", None, "place")


def test_a_city_gives_a_role_mention_its_country(find):
    ms = _by_text(find("Rebels in Jaffna attacked an army post."))
    assert (ms["Rebels"].code, ms["Rebels"].sector) == ("LKA", "REB")


def test_a_city_needs_a_capital_letter(find):
    assert not [m for m in find("They went to the basra market.") if m.code == "IRQ"]


def test_a_leader_in_office_before_2000_is_his_countrys_government(find):
    ms = find("Kaunda opened the new bridge.", dt.date(1985, 3, 1))
    kaunda = next(m for m in ms if m.text == "Kaunda")
    assert (kaunda.code, kaunda.sector) == ("ZMB", "GOV")


def test_a_leader_after_his_term_is_elite_of_his_country(find):
    ms = find("Nyerere visited the school.", dt.date(2000, 1, 1))
    nyerere = next(m for m in ms if m.text == "Nyerere")
    assert (nyerere.code, nyerere.sector) == ("TZA", "ELI")


def test_a_head_of_an_international_body_codes_igo(find):
    ms = find("Javier Perez de Cuellar appealed for calm.", dt.date(1988, 6, 1))
    sg = next(m for m in ms if m.code == "IGO")
    assert sg.org == "UN"


def test_bare_security_council_is_the_uns(find):
    ms = _by_text(find("The Security Council voted on the resolution."))
    assert (ms["Security Council"].code, ms["Security Council"].org) == ("IGO", "UN")


def test_a_countrys_security_council_is_its_government(find):
    ms = find("Russia's Security Council met on Friday.")
    council = next(m for m in ms if "Security Council" in m.text)
    assert (council.code, council.sector) == ("RUS", "GOV")


def test_historical_file_rows_are_well_formed():
    entries = read_actors(DATA_DIR / "people-historical.tsv")
    assert len(entries) > 500
    for e in entries:
        assert e.kind == "person"
        for r in e.roles:
            assert r.code and (r.code != "IGO" or r.org), e.name
            assert r.start is None or r.end is None or r.start <= r.end, e.name


def test_historical_armed_movement_codes_to_its_country(find):
    ms = _by_text(find("The Khmer Rouge shelled the town."))
    assert (ms["Khmer Rouge"].code, ms["Khmer Rouge"].sector) == ("KHM", "REB")
