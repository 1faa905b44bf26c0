"""GDELT geographic columns: FIPS 10-4 codes and country centre points for the event's place."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from claimgraph.actors.dictionary import DATA_DIR, read_countries
from claimgraph.analysis.export import gdelt_countries, gdelt_place, gdelt_row


def _row(place_text: str | None, place_country: str | None) -> dict:
    return gdelt_row(event_id="ab" * 8, date=dt.date(2023, 4, 2),
                     actors=[{"text": "the army", "code": "UKR", "sector": "MIL"}],
                     recipients=[{"text": "Russian forces", "code": "RUS", "sector": "MIL"}],
                     cameo="190", quad_class=4, intensity=-9.0, root=True, mentions=1,
                     sources=1, articles=1, place_text=place_text, place_country=place_country,
                     added=None, url="https://example.org/a")


def test_statement_placed_in_ukraine_is_a_country_level_match():
    row = _row("eastern Ukraine", "UKR")
    assert row["ActionGeo_Type"] == 1 and row["ActionGeo_FullName"] == "Ukraine"
    assert row["ActionGeo_CountryCode"] == "UP" and row["ActionGeo_FeatureID"] == "UP"
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == ("49", "32")
    # No ADM1 or ADM2 division for a country-level match.
    assert row["ActionGeo_ADM1Code"] == "" and row["ActionGeo_ADM2Code"] == ""


def test_known_city_keeps_its_countrys_columns():
    row = _row("the outskirts of Kharkiv", "UKR")
    assert row["ActionGeo_Type"] == 1 and row["ActionGeo_FullName"] == "Ukraine"
    assert row["ActionGeo_CountryCode"] == "UP"
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == ("49", "32")


def test_actor_geography_stays_empty():
    row = _row("Kyiv", "UKR")
    for n in ("1", "2"):
        assert all(row[f"Actor{n}Geo_{k}"] == "" for k in
                   ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"))
    assert row["Actor1CountryCode"] == "UKR" and row["Actor2CountryCode"] == "RUS"


def test_no_place_or_no_country_leaves_action_geography_empty():
    for text, country in ((None, None), ("a village near the front", None)):
        row = _row(text, country)
        assert row["ActionGeo_Type"] == "" and row["ActionGeo_FullName"] == ""
        assert row["ActionGeo_CountryCode"] == "" and row["ActionGeo_Lat"] == ""


@pytest.mark.parametrize("iso, fips", [
    ("DEU", "GM"), ("RUS", "RS"), ("UKR", "UP"), ("BLR", "BO"), ("CHN", "CH"), ("GBR", "UK"),
    ("AUT", "AU"), ("AUS", "AS"), ("IRQ", "IZ"), ("ISR", "IS"), ("ESP", "SP"), ("KOR", "KS"),
    ("PRK", "KN"), ("SRB", "RI"), ("CZE", "EZ"), ("ZAF", "SF"), ("USA", "US"), ("XKX", "KV"),
])
def test_fips_codes_that_differ_from_iso(iso, fips):
    assert gdelt_place(None, iso).fips == fips


def test_gaza_places_are_the_gaza_strip_and_others_stay_in_their_country():
    gaza = gdelt_place("a refugee camp in northern Gaza", "PSE")
    assert (gaza.fips, gaza.name) == ("GZ", "Gaza Strip")
    assert gdelt_place("Khan Younis", "PSE").fips == "GZ"
    west = gdelt_place("a raid in Jenin", "PSE")
    assert (west.fips, west.name) == ("WE", "West Bank")
    # The territory names only apply inside their own country.
    assert gdelt_place("the Rafah crossing", "EGY").fips == "EG"
    assert gdelt_place("the Palestinian territories", "PSE").fips == "WE"


def test_every_country_has_a_fips_code_and_a_valid_point():
    codes = {e.roles[0].code for e in read_countries(DATA_DIR / "countries.tsv")
             if e.kind == "country"}
    table = gdelt_countries()
    assert set(table) == codes
    # FIPS 10-4 has no single code for the US Minor Outlying Islands (nine entities).
    without = {code for code, place in table.items() if not place.fips}
    assert without == {"UMI"}
    for code, place in table.items():
        if code in without:
            continue
        assert re.fullmatch(r"[A-Z]{2}", place.fips), code
        assert place.lat is not None and -90 <= place.lat <= 90, code
        assert place.long is not None and -180 <= place.long <= 180, code
        assert place.name and place.name != code
    # Codes are one per entity, except Aland (Finland) and the Caribbean Netherlands, which
    # FIPS files under their sovereign country.
    shared = {f for f, n in Counter(p.fips for p in table.values() if p.fips).items() if n > 1}
    assert shared == {"FI", "NL"}


def test_points_fall_in_the_right_hemispheres():
    table = gdelt_countries()
    assert table["ARG"].lat < 0 and table["ARG"].long < 0
    assert table["AUS"].lat < 0 and table["AUS"].long > 0
    assert table["CAN"].lat > 0 and table["CAN"].long < 0
    assert table["JPN"].lat > 0 and table["JPN"].long > 0
