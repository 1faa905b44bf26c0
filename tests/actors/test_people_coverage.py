"""The people dictionary: structural checks over the whole file and dated roles through the resolver.

Structural checks read `people.tsv` with the package's own reader, so they test what the
resolver loads. The behaviour checks run short sentences through the public `ActorResolver`
and look at how a person is coded on a given publication date.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from claimgraph.actors.dictionary import (
    DATA_DIR, SECTORS, Entry, normalize, parse_date, read_actors, read_countries,
)

PEOPLE = DATA_DIR / "people.tsv"


@pytest.fixture(scope="module")
def people() -> list[Entry]:
    return read_actors(PEOPLE)


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    return {e.roles[0].code for e in read_countries(DATA_DIR / "countries.tsv") if e.kind == "country"}


@pytest.fixture(scope="module")
def igo_orgs() -> set[str]:
    return {r.org for e in read_actors(DATA_DIR / "igos.tsv") for r in e.roles if r.org}


def _data_rows() -> list[tuple[int, list[str]]]:
    rows = []
    header_seen = False
    for n, line in enumerate(PEOPLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append((n, line.split("\t")))
    return rows


# ---------------------------------------------------------------- structure of the whole file

def test_header_and_row_shape():
    header = next(line for line in PEOPLE.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#"))
    assert header.split("\t") == ["name", "aliases", "code", "sector", "org", "kind", "start", "end"]
    for n, cells in _data_rows():
        assert 6 <= len(cells) <= 8, f"line {n}: {len(cells)} cells"
        assert cells[0].strip() == cells[0] and cells[0], f"line {n}: bad name cell"
        assert cells[5] == "person", f"line {n}: kind {cells[5]!r}"
        for cell in cells[6:8]:
            if cell:
                parse_date(cell)  # raises on a malformed date


def test_every_role_is_dated_and_ordered(people):
    for e in people:
        for r in e.roles:
            assert r.start is not None, f"{e.name}: role without a start date"
            assert r.start >= dt.date(1940, 1, 1), f"{e.name}: implausible start {r.start}"
            assert r.end is None or r.start <= r.end, f"{e.name}: {r.start} after {r.end}"
            assert r.end is None or r.end <= dt.date(2026, 12, 31), f"{e.name}: end in the future"


def test_codes_sectors_and_orgs_are_valid(people, country_codes, igo_orgs):
    for e in people:
        for r in e.roles:
            assert r.sector is None or r.sector in SECTORS, f"{e.name}: sector {r.sector}"
            if r.code == "IGO":
                assert r.org in igo_orgs, f"{e.name}: IGO role without a known org ({r.org})"
            elif r.code is None:
                # Only leaders of transnational armed groups have no country.
                assert r.sector == "REB", f"{e.name}: role without a country code"
            else:
                assert r.code in country_codes, f"{e.name}: code {r.code} not in countries.tsv"
                assert r.org is None, f"{e.name}: org on a country role"
                assert r.sector is not None, f"{e.name}: country role without a sector"


def test_no_duplicate_or_overlapping_roles(people):
    # Two rows of one person with the same code, sector and org must not overlap: that is the
    # same role entered twice (a second term is a separate, later row).
    for e in people:
        groups = defaultdict(list)
        for r in e.roles:
            groups[(r.code, r.sector, r.org)].append(r)
        for key, roles in groups.items():
            roles.sort(key=lambda r: r.start)
            for a, b in zip(roles, roles[1:]):
                assert a.end is not None and a.end < b.start, f"{e.name} {key}: {a} overlaps {b}"


def test_one_entry_per_name(people):
    seen = defaultdict(int)
    for e in people:
        seen[normalize(e.name)] += 1
    assert not [n for n, c in seen.items() if c > 1]


def _active(e: Entry) -> list[tuple[dt.date, dt.date]]:
    return [(r.start, r.end or dt.date.max) for r in e.roles]


def test_shared_aliases_never_overlap_in_time(people):
    # A surname two people share may be an alias of both only if they never hold office at the
    # same time: the resolver picks the one in office on the document's date.
    owners = defaultdict(list)
    for e in people:
        for text in {normalize(t) for t in (e.name, *e.aliases)}:
            owners[text].append(e)
    for text, es in owners.items():
        for a, b in itertools.combinations(es, 2):
            for (s1, e1), (s2, e2) in itertools.product(_active(a), _active(b)):
                assert e1 < s2 or e2 < s1, f"{text!r} is shared by {a.name} and {b.name} in office together"


def test_person_names_do_not_shadow_places_or_bodies(people):
    # Person names outrank every other kind, so an alias equal to a country, capital or body
    # ("Montenegro", "Hague") would hijack that name everywhere.
    others = set()
    for e in read_countries(DATA_DIR / "countries.tsv"):
        others.update(normalize(t) for t in (e.name, *e.aliases))
    for name in ("igos.tsv", "institutions.tsv", "agents.tsv"):
        for e in read_actors(DATA_DIR / name):
            others.update(normalize(t) for t in (e.name, *e.aliases))
    for e in people:
        for text in (e.name, *e.aliases):
            assert normalize(text) not in others, f"{e.name}: alias {text!r} is also a place or body"


def test_aliases_are_not_lowercase_words(people):
    for e in people:
        for text in (e.name, *e.aliases):
            assert any(c.isupper() for c in text), f"{e.name}: alias {text!r} has no capital"
            assert len(normalize(text)) >= 2, f"{e.name}: alias {text!r} is too short to be safe"


# ---------------------------------------------------------------- coverage of the brief

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA".split()
EUROPE = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT "
          "ROU SVK SVN ESP SWE GBR NOR CHE ISL LIE SRB BIH MNE MKD ALB XKX MDA UKR BLR RUS GEO ARM "
          "AZE TUR AND MCO SMR").split()
CONFLICT = ("ISR PSE IRN IRQ SYR LBN YEM AFG PAK TWN PRK LBY SDN ETH ERI SOM MLI BFA NER NGA COD "
            "RWA MMR VEN COL EGY QAT ARE JOR").split()
# States that did not exist (or had no government of their own) on some sample dates; San
# Marino's rotating Captains Regent are not listed and its ministers only from 2008.
FIRST_DAY = {"XKX": dt.date(2002, 3, 4), "MNE": dt.date(2006, 6, 3), "SRB": dt.date(2006, 6, 5),
             "SSD": dt.date(2011, 7, 9), "SMR": dt.date(2008, 12, 3)}
SAMPLE_DAYS = [dt.date(2001, 6, 1), dt.date(2005, 6, 1), dt.date(2010, 6, 1), dt.date(2015, 6, 1),
               dt.date(2020, 6, 1), dt.date(2022, 6, 1), dt.date(2025, 6, 1)]


def _in_office(people: list[Entry], code: str, day: dt.date) -> set[str]:
    return {e.name for e in people for r in e.roles
            if r.code == code and r.sector == "GOV" and r.covers(day)}


@pytest.mark.parametrize("code", sorted(set(G20 + EUROPE + CONFLICT + ["SSD"])))
def test_every_listed_state_has_office_holders_on_every_sample_day(people, code):
    # At least a head of state or government; the G20 and most European states also have their
    # foreign and defence ministers, so they need several people in office at once.
    need = 3 if code in G20 else 2 if code in EUROPE and code not in ("AND", "MCO", "SMR", "LIE") else 1
    for day in SAMPLE_DAYS:
        if day < FIRST_DAY.get(code, dt.date.min):
            continue
        holders = _in_office(people, code, day)
        assert len(holders) >= need, f"{code} on {day}: only {sorted(holders)}"


def test_eu_institutions_have_heads_throughout(people):
    for day in SAMPLE_DAYS:
        heads = {e.name for e in people for r in e.roles if r.org == "EU" and r.covers(day)}
        assert len(heads) >= 2, f"EU on {day}: {sorted(heads)}"


# ---------------------------------------------------------------- behaviour through the resolver

def _person(find, text: str, day: dt.date, name: str):
    ms = [m for m in find(text, day) if m.name == name and m.kind == "person"]
    assert ms, f"{name} not found in {text!r}"
    return ms[0]


@pytest.mark.parametrize("text, name, day, code, sector", [
    # Foreign ministers of 2005 and 2022 in several regions.
    ("Foreign Minister Jack Straw met his counterparts in Brussels.", "Jack Straw", dt.date(2005, 3, 1), "GBR", "GOV"),
    ("Sergei Lavrov said the talks had failed.", "Sergei Lavrov", dt.date(2022, 3, 1), "RUS", "GOV"),
    ("Joschka Fischer travelled to Jerusalem.", "Joschka Fischer", dt.date(2003, 5, 1), "DEU", "GOV"),
    ("Annalena Baerbock travelled to Kyiv.", "Annalena Baerbock", dt.date(2022, 5, 10), "DEU", "GOV"),
    ("Manouchehr Mottaki rejected the proposal.", "Manouchehr Mottaki", dt.date(2006, 9, 1), "IRN", "GOV"),
    ("Celso Amorim spoke at the United Nations.", "Celso Amorim", dt.date(2005, 9, 15), "BRA", "GOV"),
    ("Celso Amorim spoke at the United Nations.", "Celso Amorim", dt.date(2017, 9, 15), "BRA", "ELI"),
    ("Wang Yi warned against interference.", "Wang Yi", dt.date(2022, 8, 3), "CHN", "GOV"),
    ("Li Zhaoxing met his Japanese counterpart.", "Li Zhaoxing", dt.date(2005, 4, 17), "CHN", "GOV"),
    ("Sameh Shoukry hosted the talks in Cairo.", "Sameh Shoukry", dt.date(2022, 11, 1), "EGY", "GOV"),
    ("Ahmed Aboul Gheit hosted the talks in Cairo.", "Ahmed Aboul Gheit", dt.date(2005, 11, 1), "EGY", "GOV"),
    ("Ahmed Aboul Gheit opened the summit.", "Ahmed Aboul Gheit", dt.date(2022, 11, 1), "IGO", None),
    ("Tanja Fajon visited Belgrade.", "Tanja Fajon", dt.date(2023, 2, 1), "SVN", "GOV"),
    ("Penny Wong arrived in Port Moresby.", "Penny Wong", dt.date(2022, 6, 5), "AUS", "GOV"),
    ("Alexander Downer arrived in Jakarta.", "Alexander Downer", dt.date(2005, 6, 5), "AUS", "GOV"),
    # Defence ministers.
    ("Defence Minister Anatoliy Hrytsenko inspected the troops.", "Anatoliy Hrytsenko", dt.date(2006, 1, 10), "UKR", "GOV"),
    ("Nikos Dendias met NATO officials.", "Nikos Dendias", dt.date(2024, 2, 1), "GRC", "GOV"),
    ("Pal Jonson signed the agreement.", "Pal Jonson", dt.date(2024, 3, 7), "SWE", "GOV"),
    # Heads of state and government.
    ("Lukashenko said Belarus would not send troops.", "Alexander Lukashenko", dt.date(2022, 2, 27), "BLR", "GOV"),
    ("Nataša Pirc Musar addressed parliament.", "Natasa Pirc Musar", dt.date(2023, 1, 15), "SVN", "GOV"),
    ("Hristijan Mickoski visited Athens.", "Hristijan Mickoski", dt.date(2025, 3, 1), "MKD", "GOV"),
    ("Halla Tomasdottir received the ambassador.", "Halla Tomasdottir", dt.date(2025, 1, 20), "ISL", "GOV"),
    ("Mamadou Tandja dissolved parliament.", "Mamadou Tandja", dt.date(2009, 6, 1), "NER", "GOV"),
    ("Paul Kagame met the delegation.", "Paul Kagame", dt.date(2024, 5, 1), "RWA", "GOV"),
    ("Tsai Ing-wen thanked the delegation.", "Tsai Ing-wen", dt.date(2022, 8, 3), "TWN", "GOV"),
    ("Kim Dae-jung flew to Pyongyang.", "Kim Dae-jung", dt.date(2000, 6, 13), "KOR", "GOV"),
    # Former leaders become elites of their country once their roles end.
    ("Ehud Olmert criticised the government.", "Ehud Olmert", dt.date(2015, 1, 5), "ISR", "ELI"),
    ("Kolinda Grabar-Kitarovic spoke at the forum.", "Kolinda Grabar-Kitarovic", dt.date(2022, 4, 1), "HRV", "ELI"),
    ("Hamid Karzai stayed in Kabul.", "Hamid Karzai", dt.date(2021, 9, 1), "AFG", "ELI"),
    ("Iván Duque criticised the peace talks.", "Ivan Duque", dt.date(2023, 6, 1), "COL", "ELI"),
])
def test_roles_resolve_by_the_document_date(find, text, name, day, code, sector):
    m = _person(find, text, day, name)
    assert (m.code, m.sector) == (code, sector), f"{name} on {day}: {m.code} {m.sector}"


def test_former_leader_is_eli_after_the_term_and_gov_during_it(find):
    text = "Boyko Borisov said the coalition would hold."
    assert _person(find, text, dt.date(2019, 1, 10), "Boyko Borisov").sector == "GOV"
    # Between his second and third government (caretaker cabinet of 2013-14).
    assert _person(find, text, dt.date(2014, 1, 10), "Boyko Borisov").sector == "ELI"
    assert _person(find, text, dt.date(2023, 1, 10), "Boyko Borisov").sector == "ELI"


def test_shared_surname_follows_the_one_in_office(find):
    # "Kabila" is the father until January 2001 and the son afterwards.
    assert _person(find, "Kabila rejected the ceasefire.", dt.date(1999, 8, 1), "Laurent-Desire Kabila").code == "COD"
    m = _person(find, "Kabila rejected the ceasefire.", dt.date(2008, 8, 1), "Joseph Kabila")
    assert (m.code, m.sector) == ("COD", "GOV")


def test_full_names_keep_namesakes_apart(find):
    day = dt.date(2016, 3, 1)
    ms = find("Sauli Niinistö met Defence Minister Jussi Niinistö in Helsinki.", day)
    names = {m.name for m in ms if m.kind == "person"}
    assert {"Sauli Niinisto", "Jussi Niinisto"} <= names
    ms = find("Michel Aoun received Joseph Aoun at Baabda.", dt.date(2019, 5, 1))
    coded = {m.name: (m.code, m.sector) for m in ms if m.kind == "person"}
    assert coded["Michel Aoun"] == ("LBN", "GOV") and coded["Joseph Aoun"] == ("LBN", "MIL")
