"""Countries from context, coordination and possessors (sentences written for these tests)."""

from __future__ import annotations


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_locative_phrase_gives_a_generic_actor_its_country(find):
    ms = _by_text(find("Police in Kenya arrested dozens of students."))
    assert (ms["Police"].code, ms["Police"].sector) == ("KEN", "COP")


def test_participle_phrase_gives_the_country(find):
    ms = _by_text(find("A newspaper based in Nairobi criticized the ruling party."))
    assert ms["newspaper"].code == "KEN"


def test_title_without_known_person_takes_the_country_of_its_sentence(find):
    ms = _by_text(find("In Nigeria, President John Doe dissolved the cabinet."))
    assert ms["President John Doe"].code == "NGA"


def test_apposition_gives_the_country(find):
    ms = find("President John Doe, the leader of Ghana, spoke on Monday.")
    doe = next(m for m in ms if m.text == "President John Doe")
    assert doe.code == "GHA"


def test_country_from_an_earlier_sentence(find):
    ms = find("Protests spread across Bolivia. The government imposed a curfew.")
    gov = next(m for m in ms if m.text == "government")
    assert gov.code == "BOL"


def test_stateless_groups_get_no_country_from_context(find):
    ms = find("Al-Qaeda leaders met in Pakistan on Monday.")
    leaders = next(m for m in ms if "leaders" in m.text)
    assert leaders.code is None and leaders.stateless


def test_people_and_organisations_are_no_place_evidence(find):
    ms = _by_text(find("Vladimir Putin met the rebels."))
    assert ms["rebels"].code is None


def test_coordinated_adjectives_make_two_mentions(find):
    ms = _by_text(find("Senior Kenyan and Ugandan officials met on Monday."))
    assert (ms["Kenyan"].code, ms["Kenyan"].sector) == ("KEN", "GOV")
    assert (ms["Ugandan officials"].code, ms["Ugandan officials"].sector) == ("UGA", "GOV")


def test_their_takes_the_plural_subject(find):
    ms = _by_text(find("Bosnian Serbs said their forces had withdrawn."))
    assert (ms["their forces"].code, ms["their forces"].sector) == ("BIH", "MIL")


def test_adjectival_use_of_an_actor_noun_is_no_mention(find):
    texts = [m.text for m in find("Iran threatened to launch a military offensive.")]
    assert "military" not in texts


def test_explicit_country_title_beats_an_out_of_office_role(find):
    ms = find("Ukrainian President Petro Poroshenko visited Warsaw.")
    p = next(m for m in ms if "Poroshenko" in m.text)
    assert (p.code, p.sector) == ("UKR", "GOV")


def test_a_weapon_takes_no_country_from_the_place_it_hits(find):
    ms = _by_text(find("Two days later, drones struck a fuel depot in Kenya."))
    assert ms["drones"].code is None and ms["drones"].sector == "MIL"


def test_a_weapon_keeps_its_owner_from_its_own_phrase(find):
    ms = _by_text(find("Drones of Kenya struck a depot in Somalia."))
    assert next(m for t, m in ms.items() if t.startswith("Drones")).code == "KEN"


def test_the_other_side_of_a_relation_does_not_locate_an_actor(find):
    ms = find("Street protests grew in Bolivia. The opposition denounced the government's "
              "growing dependence on Caracas.")
    opposition = next(m for m in ms if m.text == "opposition")
    assert opposition.code == "BOL"  # the earlier sentence's country, not Venezuela's
    ms = find("The opposition held a rally in Caracas.")
    assert next(m for m in ms if m.text == "opposition").code == "VEN"
