"""Place mentions in a parsed document, each resolved to one gazetteer place or left unresolved.

A mention is a spaCy GPE/LOC/FAC entity, an actor mention the dictionary codes as a country, capital
or place, or a proper-noun sequence the gazetteer knows ("Kharkov"); "the Kharkiv region" is one
mention of a region. Resolution (docs/places.md):
1. a place named right after the mention ("Pokrovsk, Donetsk region", "Paris, Texas") or before it
   ("Ukraine's Kharkiv") keeps only the candidates inside it;
2. a country's name is the country; a region named like a city inside it ("New York") is the city;
3. a name's usual reading (names.tsv: Odessa is Odesa, Ukraine) is taken unless the document never
   names that country but names another candidate's;
4. the document's country focus (the countries its actors and unambiguous places belong to) keeps
   the candidates of the one country it favours;
5. of what is left, the most populous candidate is taken when it has `dominance_ratio` times the
   people of the next; otherwise the mention stays unresolved ("ambiguous"), with its country when
   all the candidates left share one.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from claimgraph.actors.mention import Mention, country_key
from claimgraph.places import gazetteer as gazetteer_mod
from claimgraph.places.gazetteer import Gazetteer, Place

RULES_FILE = Path(__file__).resolve().parent / "data" / "places.yaml"
_ACTOR_PLACE_KINDS = {"country", "capital", "place"}


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    """The place rules (places/data/places.yaml)."""
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


@dataclass
class PlaceMention:
    """A place named in the text: token and character offsets, and what it resolves to."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    source: str                      # "ner", "actor" or "gazetteer"
    candidates: list[Place] = field(default_factory=list)
    place: Place | None = None
    country: str | None = None       # ISO alpha-3, also when the place itself is unresolved
    reason: str | None = None        # why unresolved: "ambiguous" or "not_in_gazetteer"

    @property
    def precision(self) -> str | None:
        """How precisely the mention is located: city, region, country, or None."""
        if self.place is not None:
            return self.place.precision
        return "country" if self.country else None


def find_mentions(doc: Doc | Span, actors: Sequence[Mention] = (), gz: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention of the text, in order, without overlaps (longest first)."""
    gz = gz or gazetteer_mod.default()
    r = rules()
    labels = set(r["place_labels"])
    found: list[PlaceMention] = []
    taken: set[int] = set()
    blocked: set[int] = set()
    sdoc = doc if isinstance(doc, Doc) else doc.doc
    for ent in doc.ents:
        if ent.label_ in labels or _misread_place(ent, gz, r):
            found.append(_mention(sdoc, ent.start, ent.end, "ner"))
            taken.update(range(ent.start, ent.end))
        else:
            blocked.update(range(ent.start, ent.end))
    for m in actors:
        if m.kind in _ACTOR_PLACE_KINDS and not any(i in taken for i in range(m.start, m.end)):
            found.append(_mention(sdoc, m.start, m.end, "actor"))
            taken.update(range(m.start, m.end))
    lo, hi = (0, len(sdoc)) if isinstance(doc, Doc) else (doc.start, doc.end)
    i = lo
    while i < hi:
        best = None
        for n in range(min(gz.max_words, 4), 0, -1):
            j = i + n
            if j > hi or any(t.i in taken or t.i in blocked or t.pos_ != "PROPN" for t in sdoc[i:j]):
                continue
            if gz.knows(sdoc[i:j].text):
                best = j
                break
        if best is None:
            i += 1
            continue
        m = _mention(sdoc, i, best, "gazetteer")
        top = max((p.population for p in gz.candidates(m.text)), default=0)
        prev = sdoc[i - 1] if i > 0 else None
        located = prev is not None and prev.lower_ in r["location_preps"]
        if top >= r["gazetteer_min_population"] or located or any(
                p.precision != "city" for p in gz.candidates(m.text)):
            found.append(m)
            taken.update(range(i, best))
        i = best
    found.sort(key=lambda m: m.start)
    return [_with_region_noun(sdoc, m, r["region_nouns"], hi) for m in found]


def _misread_place(ent: Span, gz: Gazetteer, r: dict) -> bool:
    """An organisation or person entity that is a place's name: a large city, or after "in" or "of"."""
    if ent.label_ not in r["misread_labels"] or not gz.knows(ent.text):
        return False
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and (prev.lower_ in r["location_preps"] or prev.lower_ == "of"):
        return True
    top = max((p.population for p in gz.candidates(ent.text)), default=0)
    return ent.label_ == "ORG" and top >= r["misread_min_population"]


def _mention(doc: Doc, start: int, end: int, source: str) -> PlaceMention:
    span = doc[start:end]
    return PlaceMention(start, end, span.start_char, span.end_char, span.text, source)


def _with_region_noun(doc: Doc, m: PlaceMention, nouns: list[str], hi: int) -> PlaceMention:
    """Extend "Kharkiv" to "Kharkiv region" when a region noun follows it."""
    if m.end < hi and doc[m.end].lower_ in nouns and not m.text.lower().endswith(tuple(nouns)):
        return _mention(doc, m.start, m.end + 1, m.source)
    return m


def focus(actors: Iterable[Mention], mentions: Iterable[PlaceMention], gz: Gazetteer | None = None) -> Counter:
    """The document's country focus: how often each country is an actor's or an unambiguous place's."""
    gz = gz or gazetteer_mod.default()
    out: Counter = Counter()
    for m in actors:
        code = country_key(m.code, m.org)
        if code and len(code) == 3 and code.isalpha():
            out[code] += 1
    for pm in mentions:
        countries = {p.country for p in gz.candidates(pm.text) if p.country}
        if len(countries) == 1:
            out[next(iter(countries))] += 1
    return out


def resolve(mentions: list[PlaceMention], doc_focus: Counter, text: str,
            gz: Gazetteer | None = None) -> list[PlaceMention]:
    """Resolve each mention in place (and return the list); `text` is the Doc's text."""
    gz = gz or gazetteer_mod.default()
    ratio = float(rules()["dominance_ratio"])
    for k, m in enumerate(mentions):
        m.candidates = _candidates(m.text, gz)
        if not m.candidates:
            m.reason = "not_in_gazetteer"
            continue
        qualifier = _qualifier(mentions, k, text, gz)
        cands = m.candidates
        if qualifier is not None:
            inside = [p for p in cands if _within(p, qualifier)]
            cands = inside or cands
        m.place, m.country, m.reason = _choose(m.text, cands, doc_focus, ratio, gz)
    return mentions


def _candidates(text: str, gz: Gazetteer) -> list[Place]:
    cands = gz.candidates(text)
    if cands:
        return cands
    words = text.split()
    nouns = rules()["region_nouns"]
    if len(words) > 1 and words[-1].lower() in nouns:
        # "the Belgorod region": the first-level region of the city of that name
        base = " ".join(words[:-1])
        preferred = gz.preferred(base)
        cities = [preferred] if preferred is not None and preferred.precision == "city" else [
            p for p in gz.candidates(base) if p.precision == "city"]
        regions = []
        for city in cities:
            region = gz.region(city.admin1, f"{city.name} {words[-1].lower()}") if city.admin1 else None
            if region is not None and all(r.key != region.key for r in regions):
                regions.append(region)
        return regions
    return []


def _qualifier(mentions: list[PlaceMention], k: int, text: str, gz: Gazetteer) -> Place | None:
    """A region or country named right after ("X, Y", "X in the Y region") or before ("Y's X") a mention."""
    m = mentions[k]
    if k + 1 < len(mentions):
        nxt = mentions[k + 1]
        gap = text[m.end_char:nxt.start_char].strip().lower()
        if gap in (",", "in", "in the", ", in", ", in the", "(") or gap.startswith(", ") and len(gap) <= 2:
            place = _broad(nxt.text, gz)
            if place is not None:
                return place
    if k > 0:
        prev = mentions[k - 1]
        gap = text[prev.end_char:m.start_char].strip()
        if gap in ("'s", "\u2019s"):
            return _broad(prev.text, gz)
    return None


def _broad(text: str, gz: Gazetteer) -> Place | None:
    """The region or country a qualifying name stands for, when it stands for one only."""
    broad = [p for p in _candidates(text, gz) if p.precision in ("region", "country")]
    return broad[0] if len({p.key for p in broad}) == 1 else None


def _within(p: Place, area: Place) -> bool:
    if area.precision == "country":
        return p.country == area.country and p.key != area.key
    return area.admin1 is not None and p.admin1 == area.admin1 and p.key != area.key


def _choose(text: str, cands: list[Place], doc_focus: Counter, ratio: float,
            gz: Gazetteer) -> tuple[Place | None, str | None, str | None]:
    preferred = gz.preferred(text)
    if preferred is not None and any(p.key == preferred.key for p in cands):
        # the usual reading holds unless the document never names its country but names a rival's
        rivals = {p.country for p in cands if p.country != preferred.country}
        if doc_focus.get(preferred.country, 0) > 0 or not any(doc_focus.get(c, 0) for c in rivals):
            return preferred, preferred.country, None
    countries = [p for p in cands if p.precision == "country"]
    regions = [p for p in cands if p.precision == "region"]
    cities = [p for p in cands if p.precision == "city"]
    # a region named like a city inside it ("New York") reads as the city
    regions = [r for r in regions if not any(_within(c, r) for c in cities)]
    if countries or regions:
        broad = countries or regions
        if len(broad) > 1:
            broad = _by_focus(broad, doc_focus) or broad
        if len(broad) == 1 and not (countries and regions and _favours(doc_focus, regions, countries)):
            return broad[0], broad[0].country, None
        if countries and regions and _favours(doc_focus, regions, countries) and len(regions) == 1:
            return regions[0], regions[0].country, None  # Georgia in a story about the United States
        if len(broad) > 1:
            return None, _shared_country(broad), "ambiguous"
    pool = _by_focus(cities, doc_focus) or cities
    pool = sorted(pool, key=lambda p: -p.population)
    if len(pool) == 1 or pool[0].population >= ratio * max(pool[1].population, 1):
        return pool[0], pool[0].country, None
    return None, _shared_country(pool), "ambiguous"


def _by_focus(cands: list[Place], doc_focus: Counter) -> list[Place]:
    """The candidates in the one country the document's focus favours over the others' countries."""
    scores = Counter({p.country: doc_focus.get(p.country, 0) for p in cands if p.country})
    ranked = scores.most_common()
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return [p for p in cands if p.country == ranked[0][0]]


def _favours(doc_focus: Counter, a: list[Place], b: list[Place]) -> bool:
    best_a = max(doc_focus.get(p.country, 0) for p in a)
    return best_a > max(doc_focus.get(p.country, 0) for p in b)


def _shared_country(cands: list[Place]) -> str | None:
    countries = {p.country for p in cands}
    return next(iter(countries)) if len(countries) == 1 else None
