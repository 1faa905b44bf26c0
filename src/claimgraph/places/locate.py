"""Where each event happens, and where its actors are, from the parse and the resolved place mentions.

An event's place is, in this order (docs/places.md):
1. the object of a locative preposition ("in / near / at / outside ...", places.yaml) attached to the
   event's trigger: "shelled positions near Izium", "talks in Istanbul"; for some types also
   "to / on / of" ("travelled to Kyiv", "the attack on Kharkiv");
2. the target of an attack, a capture or a visit when it is a place: "Russian forces shelled
   Kharkiv", "Blinken visited Kyiv", "Kharkiv was shelled";
3. a locative phrase of the verb an event noun hangs from: "carried out strikes in Lviv";
4. the place the event coder found in a locative phrase, resolved where it names a known place;
5. for physical events (an attack, a protest), the city or region its actor is in: "Russian troops
   in Kherson fired on protesters".
Within one phrase the most precise place wins ("in Doha, Qatar" is Doha). Any other place of the
sentence is not the event's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.actors.mention import Mention
from claimgraph.events.match import EventMatch
from claimgraph.model import Where
from claimgraph.places import gazetteer as gazetteer_mod
from claimgraph.places.gazetteer import Gazetteer
from claimgraph.places.resolve import PlaceMention, find_mentions, focus, resolve, rules

_PRECISION_RANK = {"city": 3, "region": 2, "country": 1, None: 0}
_OBJECTS = {"dobj", "obj", "pobj"}
_PASSIVE = {"nsubjpass", "csubjpass"}


@dataclass
class DocPlaces:
    """The resolved place mentions of one parsed text, findable by token."""

    mentions: list[PlaceMention] = field(default_factory=list)
    by_token: dict[int, PlaceMention] = field(default_factory=dict)
    focus: Counter = field(default_factory=Counter)

    def within(self, tokens: Sequence[Token] | Span) -> list[PlaceMention]:
        """The mentions touching these tokens, in text order, once each."""
        seen: list[PlaceMention] = []
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is not None and all(m is not s for s in seen):
                seen.append(m)
        return seen


@dataclass
class Locator:
    """Finds and resolves a document's places, then the place of each event and actor."""

    gazetteer: Gazetteer | None = None

    @classmethod
    def default(cls) -> "Locator":
        """The locator over the process-wide gazetteer (loaded on first use)."""
        return cls()

    @property
    def gz(self) -> Gazetteer:
        """The gazetteer, loaded on first use."""
        if self.gazetteer is None:
            self.gazetteer = gazetteer_mod.default()
        return self.gazetteer

    def places(self, doc: Doc, actors: Sequence[Mention], doc_focus: Counter | None = None) -> DocPlaces:
        """Find and resolve the place mentions of a parsed text; `doc_focus` adds another text's focus."""
        mentions = find_mentions(doc, actors, self.gz)
        here = focus(actors, mentions, self.gz)
        if doc_focus:
            here = here + doc_focus
        resolve(mentions, here, doc.text, self.gz)
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        return DocPlaces(mentions, by_token, here)

    # -- events ----------------------------------------------------------------------------

    def where(self, doc: Doc, places: DocPlaces, match: EventMatch, sent: Span | None = None) -> Where | None:
        """The place where the event happens, or the coder's own place when no rule finds one."""
        tok = doc[match.trigger]
        r = rules()
        preps = set(r["location_preps"]) | set(r["type_preps"].get(match.type, ()))
        found = self._prep_place(tok, places, preps)
        if found is None:
            found = self._target(tok, places, match)
        if found is None and tok.pos_ in ("NOUN", "PROPN") and tok.head is not tok:
            head = tok.head
            light = head.lemma_.lower() in r["light_verbs"]
            if head.pos_ in ("VERB", "AUX") and (tok.dep_ in _OBJECTS | _PASSIVE or light):
                found = self._prep_place(head, places, set(r["location_preps"]))
        if found is None and match.where is not None:
            found = self._coder_place(doc, places, match, sent)
            if found is None:
                return match.where
        if found is None and match.type in r["actor_place_types"]:
            for actor in match.actors:
                where = self.actor_where(doc, places, actor, presence=True)
                if where is not None and where.precision in ("city", "region"):
                    return where
        return self.to_where(found, places) if found is not None else None

    def _prep_place(self, tok: Token, places: DocPlaces, preps: set[str]) -> PlaceMention | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                best = _most_precise(places.within(list(c.subtree)))
                if best is not None:
                    return best
        return None

    def _target(self, tok: Token, places: DocPlaces, match: EventMatch) -> PlaceMention | None:
        r = rules()
        if match.type not in r["target_types"] and tok.lemma_.lower() not in r["venue_verbs"]:
            return None
        for c in tok.children:
            if c.dep_ in ("dobj", "obj") or c.dep_ in _PASSIVE:
                best = _most_precise([m for m in places.within(list(c.subtree))
                                      if m.precision in ("city", "region") or m.start <= c.i < m.end])
                if best is not None:
                    return best
        for rec in match.recipients:
            m = places.by_token.get(rec.start)
            if m is not None and m.precision in ("city", "region"):
                return m
        return None

    def _coder_place(self, doc: Doc, places: DocPlaces, match: EventMatch,
                     sent: Span | None) -> PlaceMention | None:
        text = match.where.text if match.where else ""
        span = sent if sent is not None else doc[:]
        at = span.text.find(text) if text else -1
        if at < 0:
            return None
        lo, hi = span.start_char + at, span.start_char + at + len(text)
        return _most_precise([m for m in places.mentions if lo <= m.start_char and m.end_char <= hi])

    # -- actors ----------------------------------------------------------------------------

    def actor_where(self, doc: Doc, places: DocPlaces, mention: Mention,
                    presence: bool = False) -> Where | None:
        """Where the text says an actor is: the place it is ("Kharkiv"), or "troops in Kherson".

        `presence` keeps only phrases that put the actor there ("in", "at", "near"), not an
        office's seat ("the mayor of Mariupol") or an origin ("from").
        """
        head = mention.head_token(doc)
        own = places.within(doc[mention.start:mention.end])
        if own and (mention.kind in ("country", "capital", "place")
                    or any(m.start <= head.i < m.end for m in own)):
            best = _most_precise(own)
            return self.to_where(best, places) if best is not None and best.precision else None
        preps = set(rules()["presence_preps" if presence else "actor_preps"])
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                best = _most_precise(places.within([t for t in c.subtree]))
                if best is not None and best.precision:
                    return self.to_where(best, places)
            if c.dep_ == "poss":
                m = places.by_token.get(c.i)
                if m is not None and m.precision in ("city", "region"):
                    return self.to_where(m, places)
        return None

    # -- output ----------------------------------------------------------------------------

    def to_where(self, m: PlaceMention, places: DocPlaces) -> Where:
        """The output-format place of a mention: as written, and what it resolves to."""
        p = m.place
        if p is None and m.country:
            country = self.gz.country(m.country)
            return Where(text=m.text, country=m.country, name=None, lat=country.lat if country else None,
                         lon=country.lon if country else None, precision="country",
                         span=(m.start_char, m.end_char))
        if p is None:
            return Where(text=m.text, country=None, span=(m.start_char, m.end_char))
        return Where(text=m.text, country=p.country, geonames_id=p.geonames_id, name=p.name,
                     admin1=p.admin1, lat=p.lat, lon=p.lon, precision=p.precision,
                     span=(m.start_char, m.end_char))


def _most_precise(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The first of the most precisely located mentions (a city before its country)."""
    if not mentions:
        return None
    best = max(_PRECISION_RANK[m.precision] for m in mentions)
    return next(m for m in mentions if _PRECISION_RANK[m.precision] == best)
