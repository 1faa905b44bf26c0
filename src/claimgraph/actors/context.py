"""Countries from context for generic actors: "rebels in the Ivory Coast", "President Mugabe".

A mention that names a role (a title or a body: it has a sector) but no country takes one, in
this order, from
1. its own noun phrase: a locative or "of" phrase ("rebels in the Ivory Coast", "the government
   of Chad"), a participle phrase ("a newspaper based in Beirut"), a possessor ("Russia's
   army") or an apposition ("Qatar's emir, Sheikh Hamad");
2. the nearest place named before it in its sentence, then after it (news sentences that name
   a president or "the rebels" are nearly always about the country they name);
3. the last place named in the two sentences before.
Places are countries, capitals and country adjectives, never people (their code is their
office's, not the scene's), never international organisations, and never the other side of a
relation ("his dependence on Moscow").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from claimgraph.actors.dictionary import materiel
from claimgraph.actors.mention import Mention

_PLACE_KINDS = frozenset({"country", "capital", "other", "group"})
_NP_PREPS = frozenset({"in", "of", "from", "inside", "across", "throughout"})
_PARTICIPLES = frozenset({"acl", "relcl"})
_LOOKBACK = 2  # sentences
# prepositions that attach the other side of a relation to a noun ("dependence on Moscow")
_RELATION_PREPS = frozenset({"on", "with", "to", "toward", "towards", "against", "upon"})


def locate(doc: Doc, mentions: list[Mention]) -> None:
    """Give each country-less role mention (title or body) a country from its context, in place."""
    if not any(_wants_country(m) for m in mentions):
        return
    by_token: dict[int, Mention] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token.setdefault(i, m)
    places = [m for m in mentions if _is_place(m) and not _related_to(doc, m)]
    starts = [m.start for m in places]
    sents = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    for m in mentions:
        if not _wants_country(m):
            continue
        code = _own_phrase(doc, m, by_token)
        if code is None and not is_materiel(doc, m):
            code = _nearby(m, places, starts, sents)
        if code is not None:
            m.code = code


def is_materiel(doc: Doc, m: Mention) -> bool:
    """Whether the mention's head is a weapon or military vehicle ("missiles", "the tanks")."""
    return m.head_token(doc).lower_ in materiel()


def _wants_country(m: Mention) -> bool:
    return (m.code is None and m.sector is not None and m.kind in ("person", "group")
            and not m.stateless)


def _is_place(m: Mention) -> bool:
    if not m.code or m.code == "IGO":
        return False
    return m.kind in ("country", "capital", "place") or (m.kind in _PLACE_KINDS and m.name is None)


def _related_to(doc: Doc, m: Mention) -> bool:
    """Whether the place is the other side of a relation ("dependence on Moscow", "ties with
    Minsk", "pressure against Kyiv"), which says nothing about where the sentence's actors are."""
    head = m.head_token(doc)
    prep = head.head
    return (head.dep_ == "pobj" and prep.lower_ in _RELATION_PREPS
            and prep.head.pos_ in ("NOUN", "PROPN"))


def _own_phrase(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> str | None:
    head = m.head_token(doc)
    for c in head.children:
        if c.dep_ == "poss" or c.dep_ == "appos":
            code = _code_in(c, by_token)
        elif c.dep_ == "prep" and c.lower_ in _NP_PREPS:
            code = _pobj_code(c, by_token)
        elif c.dep_ in _PARTICIPLES and c.pos_ == "VERB":
            # "a newspaper based in Beirut", "rebels operating from Liberia"
            code = next((k for g in c.children if g.dep_ == "prep" and g.lower_ in _NP_PREPS
                         and (k := _pobj_code(g, by_token))), None)
        else:
            continue
        if code is not None:
            return code
    if head.dep_ == "appos":
        return _code_in(head.head, by_token)
    return None


def _pobj_code(prep: Token, by_token: dict[int, Mention]) -> str | None:
    return next((k for g in prep.children if g.dep_ == "pobj" and (k := _code_in(g, by_token))),
                None)


def _code_in(tok: Token, by_token: dict[int, Mention]) -> str | None:
    """The country of the place (or coded actor) the phrase headed by `tok` names."""
    for t in _phrase(tok):
        m = by_token.get(t.i)
        if m is not None and m.code and m.code != "IGO":
            return m.code
    return None


def _phrase(tok: Token) -> Iterable[Token]:
    yield tok
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "appos", "prep", "pobj"):
            yield from _phrase(c)


def _nearby(m: Mention, places: list[Mention], starts: list[int], sents: list[int]) -> str | None:
    here = bisect.bisect_right(sents, m.start) - 1
    lo = sents[here]
    hi = sents[here + 1] if here + 1 < len(sents) else None
    k = bisect.bisect_left(starts, m.start)
    before = places[k - 1] if k > 0 else None
    if before is not None and before.start >= lo:
        return before.code
    after = next((p for p in places[k:] if p.start >= m.end), None)
    if after is not None and (hi is None or after.start < hi):
        return after.code
    if before is not None and before.start >= sents[max(0, here - _LOOKBACK)]:
        return before.code
    return None
