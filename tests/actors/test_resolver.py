"""Actor finding on sentences like the example article's, and in-document coreference."""

from __future__ import annotations

import datetime as dt

from claimgraph.actors import Mention


def by_text(mentions: list[Mention], text: str) -> Mention:
    """Return the mention whose text is `text` (fails the test when absent)."""
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


def codes(m):
    return (m.code, m.sector)


def test_adjective_with_sector_noun(find):
    ms = find("Ukrainian military intelligence is sure that Belarus will join the war with Russian troops.")
    assert codes(by_text(ms, "Ukrainian military intelligence")) == ("UKR", "SPY")
    assert codes(by_text(ms, "Russian troops")) == ("RUS", "MIL")
    belarus = by_text(ms, "Belarus")
    assert codes(belarus) == ("BLR", None) and belarus.kind == "country"


def test_title_and_name_make_one_mention(find):
    ms = find("On March 11, he met with Russian President Vladimir Putin in Sochi.")
    putin = by_text(ms, "Russian President Vladimir Putin")
    assert codes(putin) == ("RUS", "GOV") and putin.name == "Vladimir Putin" and putin.kind == "person"
    assert not any(m.text in ("Vladimir Putin", "Russian") for m in ms)
    ms = find("He called Ukrainian President Volodymyr Zelenskyy on the fourth day of the war.")
    assert codes(by_text(ms, "Ukrainian President Volodymyr Zelenskyy")) == ("UKR", "GOV")


def test_surname_and_pronouns_follow_the_full_name(find):
    ms = find("Ruler Alexander Lukashenko made the decision. Since then, Lukashenko has said that "
              "he is loyal to the Kremlin. On Monday, he met his generals.")
    first = by_text(ms, "Ruler Alexander Lukashenko")
    assert codes(first) == ("BLR", "GOV")
    assert codes(by_text(ms, "Lukashenko")) == ("BLR", "GOV")
    pronouns = [m for m in ms if m.kind == "pronoun"]
    assert [m.text for m in pronouns] == ["he", "he"]
    assert all(m.name == "Alexander Lukashenko" and m.code == "BLR" for m in pronouns)
    assert codes(by_text(ms, "the Kremlin")) == ("RUS", "GOV")


def test_pronoun_prefers_subject(find):
    ms = find("If Putin wants more from Lukashenko, he will get it.")
    he = by_text(ms, "he")
    assert he.name == "Vladimir Putin"


def test_the_ruler_and_his_soldiers(find):
    ms = find("Alexander Lukashenko spoke on Sunday. The ruler had his soldiers conduct joint exercises.")
    ruler = by_text(ms, "ruler")
    assert ruler.name == "Alexander Lukashenko" and codes(ruler) == ("BLR", "GOV")
    assert codes(by_text(ms, "his soldiers")) == ("BLR", "MIL")


def test_unknown_person_found_by_ner_and_resolved_later(find):
    ms = find("Defence minister Hrvoje Zlatkovic visited the base. Zlatkovic said the army was ready.")
    first = [m for m in ms if m.kind == "person" and m.name and "Zlatkovic" in m.name]
    assert first and first[0].code is None and first[0].sector == "GOV"
    later = [m for m in ms if m.text == "Zlatkovic"]
    assert later and later[0].name == first[0].name


def test_capitals_seats_and_lower_case(find):
    ms = find("Moscow is supplying weapons, and kyiv assumes the war will escalate.")
    assert codes(by_text(ms, "Moscow")) == ("RUS", "GOV")
    kyiv = by_text(ms, "kyiv")
    assert codes(kyiv) == ("UKR", "GOV") and kyiv.kind == "capital"
    ms = find("The Ukrainian General Staff sent this message over the weekend.")
    assert codes(by_text(ms, "Ukrainian General Staff")) == ("UKR", "MIL")


def test_media_outlets(find):
    ms = find("He spoke in an interview for Japanese television station TBS last week, "
              "the Ria Novosti agency quotes him, as Ukrainska Pravda reported.")
    tbs = by_text(ms, "Japanese television station TBS")
    assert codes(tbs) == ("JPN", "MED") and tbs.name == "TBS"
    ria = [m for m in ms if m.text.startswith("Ria Novosti")]
    assert ria and codes(ria[0]) == ("RUS", "MED") and ria[0].name == "RIA Novosti"
    assert codes(by_text(ms, "Ukrainska Pravda")) == ("UKR", "MED")


def test_country_adjective_on_a_thing_is_not_an_actor_sector(find):
    ms = find("Wounded Russian soldiers are treated in Belarusian hospitals.")
    hosp = by_text(ms, "Belarusian hospitals")
    assert hosp.code == "BLR" and hosp.sector is None and hosp.kind == "other"
    assert codes(by_text(ms, "Russian soldiers")) == ("RUS", "MIL")


def test_the_west_is_a_group_without_country(find):
    ms = find("They would fight the sanctions imposed by the West.")
    west = by_text(ms, "the West")
    assert west.code is None and west.kind == "group" and west.name == "the West"


def test_igo_with_sector_noun_and_of_country(find):
    ms = find("NATO troops arrived while the Armed Forces of Ukraine held the line "
              "and the people of Belarus protested.")
    nato = by_text(ms, "NATO troops")
    assert (nato.code, nato.org, nato.sector) == ("IGO", "NATO", "MIL")
    assert codes(by_text(ms, "Armed Forces of Ukraine")) == ("UKR", "MIL")
    assert codes(by_text(ms, "people of Belarus")) == ("BLR", "CVL")


def test_lower_case_common_words_are_not_countries(find):
    ms = find("They ate turkey and served tea in china cups, as the guardian of the house said.")
    assert not [m for m in ms if m.code in ("TUR", "CHN", "GBR")]


def test_mentions_sorted_with_offsets(find, nlp, resolver):
    text = "Russia and Belarus are an inseparable whole, Lukashenko said in Moscow."
    doc = nlp(text)
    ms = resolver.find(doc, dt.date(2022, 5, 1))
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    for m in ms:
        assert text[m.start_char:m.end_char] == m.text == doc[m.start:m.end].text


def test_roles_resolve_by_date(find):
    text = "Petro Poroshenko met Angela Merkel."
    ms16 = find(text, dt.date(2016, 3, 1))
    assert codes(by_text(ms16, "Petro Poroshenko")) == ("UKR", "GOV")
    assert codes(by_text(ms16, "Angela Merkel")) == ("DEU", "GOV")
    ms22 = find(text, dt.date(2022, 5, 1))
    assert codes(by_text(ms22, "Petro Poroshenko")) == ("UKR", "ELI")
    ms23 = find(text, dt.date(2023, 1, 1))
    assert codes(by_text(ms23, "Angela Merkel")) == ("DEU", "ELI")
    ms = find("Volodymyr Zelenskyy spoke.", dt.date(2022, 3, 1))
    assert codes(by_text(ms, "Volodymyr Zelenskyy")) == ("UKR", "GOV")
    ms = find("Alexander Lukashenko spoke.", dt.date(2022, 3, 1))
    assert codes(by_text(ms, "Alexander Lukashenko")) == ("BLR", "GOV")


def test_former_title_makes_elite(find):
    ms = find("Former president Ivo Marinkovic criticised the government.")
    person = [m for m in ms if m.kind == "person"]
    assert person and person[0].sector == "ELI"


def test_lower_case_phrases_listed_as_cased(find):
    ms = find("Trade between the states of the region grew, and the United States noticed.")
    usa = [m.text for m in ms if m.code == "USA"]
    assert len(usa) == 1 and usa[0].endswith("United States")
