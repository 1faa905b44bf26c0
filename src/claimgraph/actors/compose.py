"""Turn dictionary hits and named entities into actor mentions.

A mention is a chain of adjacent parts in noun-phrase order: modifiers (a country, its
adjective, a capital, an organisation), then head nouns (titles such as "president", bodies
such as "general staff"), then at most one name ("Russian President Vladimir Putin"). The name
decides who the actor is; modifiers give the country, head nouns the sector.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.actors.dictionary import Entry, Role
from claimgraph.actors.matcher import Hit
from claimgraph.actors.mention import Mention

MODIFIER, HEAD, NAME = 0, 1, 2
_STAGES = {
    "country": (MODIFIER,), "adjective": (MODIFIER,), "capital": (MODIFIER,), "place": (MODIFIER,),
    "title": (HEAD,), "agent": (HEAD,), "person": (NAME,),
    "institution": (MODIFIER, NAME), "igo": (MODIFIER, NAME), "group": (MODIFIER, NAME),
    "ner:PERSON": (NAME,), "ner:ORG": (MODIFIER, NAME), "ner:GPE": (MODIFIER,), "ner:NORP": (MODIFIER,),
}
# Which entry wins when one name has several entries.
_KIND_RANK = {"person": 0, "igo": 1, "institution": 2, "group": 3, "country": 4, "capital": 5,
              "adjective": 6, "title": 7, "agent": 8, "place": 9}
_POSSESSIVE = frozenset({"'s", "'", "\u2019s", "\u2019"})
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "then-former"})
_DEFINITE = frozenset({"the", "this", "that"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
_GAP_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_GAP = 3
_NAMED_KINDS = frozenset({"person", "institution", "igo", "group"})


@dataclass
class Part:
    """One piece of a chain: a dictionary entry or an unknown named entity."""

    start: int
    end: int
    kind: str
    entry: Entry | None = None
    role: Role | None = None

    @property
    def stages(self) -> tuple[int, ...]:
        """The chain positions this part may take."""
        return _STAGES[self.kind]


@dataclass
class Draft:
    """A mention plus what coreference still has to fill in."""

    mention: Mention
    # "title": "the president" (find the person); "possessive": "his soldiers" (find the owner).
    needs: str | None = None
    possessor: int | None = None
    head_sector: str | None = None
    extras: dict = field(default_factory=dict)


def pick_entry(entries: list[Entry], day: dt.date | None) -> Entry:
    """Choose among entries sharing a name: one in office that day, built-in, most specific kind."""
    return min(entries, key=lambda e: (not e.active(day), not e.builtin, _KIND_RANK.get(e.kind, 9)))


def _country_modified(doc: Doc, prev: Hit, h: Hit) -> bool:
    """True when a country, its adjective or capital directly precedes the hit ("Russia's X")."""
    if not any(e.kind in ("country", "adjective", "capital") for e in prev.entries):
        return False
    between = [t.text for t in doc[prev.end:h.start]]
    return not between or between == ["'s"] or between == ["\u2019s"]


def parts_of(doc: Doc, hits: list[Hit], day: dt.date | None) -> list[Part]:
    """Return dictionary parts and, where nothing matched, named-entity parts, in order."""
    parts: list[Part] = []
    prev: Hit | None = None
    for h in hits:
        e = pick_entry(h.entries, day)
        if e.kind == "igo" and prev is not None and _country_modified(doc, prev, h):
            # "Russia's Security Council" is Russia's own body, not the UN's
            e = next((x for x in h.entries if x.kind in ("agent", "title")), e)
        parts.append(Part(h.start, h.end, e.kind, e, e.role_at(day)))
        prev = h
    taken = [False] * len(doc)
    for p in parts:
        for k in range(p.start, p.end):
            taken[k] = True
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        covered = [taken[k] for k in range(ent.start, ent.end)]
        if not any(covered):
            parts.append(Part(ent.start, ent.end, "ner:" + ent.label_))
        elif ent.label_ == "PERSON" and not all(covered):
            # "Volodymyr Zelenskyy" with only the surname known: let the name cover the full entity.
            for p in parts:
                extra = [t for t in doc[ent.start:ent.end] if not (p.start <= t.i < p.end)]
                if (p.kind == "person" and ent.start <= p.start and p.end <= ent.end
                        and all(t.pos_ == "PROPN" and t.is_title for t in extra)):
                    p.start, p.end = ent.start, ent.end
                    break
    parts.sort(key=lambda p: p.start)
    return _drop_overlaps(parts)


def _drop_overlaps(parts: list[Part]) -> list[Part]:
    out: list[Part] = []
    for p in parts:
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


def compose(doc: Doc, parts: list[Part], day: dt.date | None) -> list[Draft]:
    """Group parts into chains and turn each chain into a draft mention."""
    drafts: list[Draft] = []
    i = 0
    while i < len(parts):
        chain, stages, i = _chain(doc, parts, i)
        of_part = None
        if stages[-1] == HEAD and not any(s == MODIFIER for s in stages) and i < len(parts):
            of_part = _of_modifier(doc, chain[-1], parts[i])
            if of_part is not None:
                i += 1
                if (i < len(parts) and NAME in parts[i].stages and parts[i].start == of_part.end):
                    chain.append(parts[i])
                    stages.append(NAME)
                    i += 1
        draft = _draft(doc, chain, stages, of_part)
        if draft is not None:
            drafts.append(draft)
    _split_coordinated(doc, drafts)
    return drafts


def _split_coordinated(doc: Doc, drafts: list[Draft]) -> None:
    """"Hungarian and Romanian officials": cut the first conjunct's mention short of the second.

    The first adjective's mention otherwise runs to the shared noun and hides the second one;
    cut, it keeps its country and takes the shared noun's kind and sector.
    """
    for d, e in zip(drafts, drafts[1:]):
        m, n = d.mention, e.mention
        if not (m.start < n.start < m.end) or not any(
                doc[k].dep_ == "cc" for k in range(m.start, n.start)):
            continue
        end = n.start
        while end > m.start + 1 and doc[end - 1].dep_ in ("cc", "punct"):
            end -= 1
        m.end, m.end_char, m.text = end, _end_char(doc, end), doc[m.start:end].text
        if n.end >= m.end and n.sector is not None:
            m.sector = m.sector or n.sector
            m.kind = n.kind if m.kind == "other" else m.kind
        elif n.kind == "group" and m.kind == "other":
            n.kind = "other"  # "Turkish and Greek sides": both are modifiers of a thing


def _chain(doc: Doc, parts: list[Part], i: int) -> tuple[list[Part], list[int], int]:
    first = parts[i]
    chain, stages = [first], [first.stages[0]]
    j = i + 1
    while j < len(parts):
        nxt, stage = parts[j], stages[-1]
        allowed = [s for s in nxt.stages if s > stage or s == stage == HEAD]
        if not allowed or not _gap_ok(doc, chain[-1], nxt, stage):
            break
        chain.append(nxt)
        stages.append(allowed[0])
        j += 1
    if len(chain) == 1 and NAME in first.stages:
        stages[0] = NAME
    return chain, stages, j


def _gap_ok(doc: Doc, a: Part, b: Part, stage: int) -> bool:
    gap = list(doc[a.end:b.start])
    if not gap:
        return True
    if stage == MODIFIER and gap[0].lower_ in _POSSESSIVE:
        gap = gap[1:]
    if len(gap) > _MAX_GAP:
        return False
    for t in gap:
        if t.pos_ not in _GAP_POS:
            return False
        if not (t.dep_ in _GAP_DEPS or t.i < t.head.i < b.end):
            return False
    return True


def _of_modifier(doc: Doc, head: Part, nxt: Part) -> Part | None:
    """Return the country in "the Armed Forces of Ukraine", "the people of Belarus"."""
    k = head.end
    if k >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if nxt.start == k and nxt.kind in ("country", "capital", "place", "igo", "ner:GPE"):
        return nxt
    return None


def _is_former(doc: Doc, start: int, chain: list[Part]) -> bool:
    before = [doc[k].lower_ for k in range(max(0, start - 2), start)]
    inner = [doc[k].lower_ for p, q in zip(chain, chain[1:]) for k in range(p.end, q.start)]
    return any(w in _FORMER for w in before + inner)


def _draft(doc: Doc, chain: list[Part], stages: list[int], of_part: Part | None) -> Draft | None:
    mods = [p for p, s in zip(chain, stages) if s == MODIFIER]
    heads = [p for p, s in zip(chain, stages) if s == HEAD]
    names = [p for p, s in zip(chain, stages) if s == NAME]
    mod = of_part or (mods[-1] if mods else None)
    start, end = chain[0].start, chain[-1].end
    if of_part is not None and of_part.end > end:
        end = of_part.end
    code = org = cameo = None
    mod_sector = None
    if mod is not None and mod.role is not None:
        code, org, mod_sector, cameo = mod.role.code, mod.role.org, mod.role.sector, mod.role.cameo
    head_sector = next((h.role.sector for h in reversed(heads) if h.role and h.role.sector), None)
    if heads and head_sector is None and heads[-1].role and heads[-1].role.code:
        code = code or heads[-1].role.code
    is_title = bool(heads) and heads[-1].kind == "title"
    former = _is_former(doc, start, chain)
    name = None
    needs = None

    if names:
        n = names[0]
        if (n.role is not None and n.role.sector == "ELI" and not n.role.dated and not former
                and is_title and mod is not None and mod.role is not None and mod.role.code):
            # "Serbian President X" names the office the text gives him, whatever the
            # dictionary's dated roles say about that day
            sector = head_sector or mod_sector or "GOV"
        elif n.role is not None:
            code = n.role.code or code
            org = n.role.org or org
            cameo = n.role.cameo or (cameo if n.role.code is None else None)
            sector = n.role.sector or head_sector
        else:
            sector = head_sector or (mod_sector if is_title else None)
        name = n.entry.name if n.entry is not None else doc[n.start:n.end].text
        kind = {"ner:PERSON": "person", "ner:ORG": "institution"}.get(n.kind, n.kind)
        if former and kind == "person":
            sector = "ELI"
    elif heads:
        if mod is None and all(doc[k].pos_ not in ("NOUN", "PROPN") for h in heads
                               for k in range(h.start, h.end)):
            return None  # "military offensive", "to press": the word is no actor noun here
        sector = head_sector or mod_sector
        if sector is None and is_title and code is not None:
            sector = "GOV"
        if former and is_title:
            sector = "ELI"
        kind = "person" if is_title else "group"
        if mod is None:
            if start > 0 and doc[start - 1].lower_ in POSSESSIVE_PRONOUNS:
                needs = "possessive"
            elif is_title and start > 0 and doc[start - 1].lower_ in _DEFINITE:
                needs = "title"
    else:
        return _modifier_only(doc, chain[0])

    draft = Draft(Mention(start, end, doc[start].idx, _end_char(doc, end), doc[start:end].text,
                          code, sector, org, name, kind), needs=needs, head_sector=head_sector)
    draft.mention.cameo = cameo
    # "al-Qaeda leaders" are as country-less as al-Qaeda
    draft.mention.stateless = code is None and any(
        p.entry is not None and p.role is not None and p.kind in _NAMED_KINDS
        for p in names + ([mod] if mod is not None else []))
    if needs == "possessive":
        draft.possessor = start - 1
    return draft


def _modifier_only(doc: Doc, p: Part) -> Draft | None:
    role = p.role
    code = role.code if role else None
    cameo = role.cameo if role else None
    if p.kind == "country":
        kind, sector, start, end = "country", None, p.start, p.end
    elif p.kind == "capital":
        kind, sector, start, end = "capital", role.sector if role else "GOV", p.start, p.end
    elif p.kind == "place":
        kind, sector, start, end = "place", None, p.start, p.end
    elif p.kind in ("adjective", "ner:NORP", "ner:GPE"):
        start, end = p.start, p.end
        head = _noun_head(doc[p.end - 1], p.end)
        if head is not None:
            kind, end = "other", head.i + 1
        else:
            kind = "other" if p.kind == "ner:GPE" else "group"
        sector = None
    else:
        return None
    m = Mention(start, end, doc[start].idx, _end_char(doc, end), doc[start:end].text, code, sector,
                role.org if role else None, p.entry.name if p.entry and p.kind in ("capital", "place") else None,
                kind)
    m.cameo = cameo
    return Draft(m)


def _noun_head(tok: Token, after: int) -> Token | None:
    """Return the noun an attributive adjective modifies ("Belarusian hospitals")."""
    if tok.dep_ not in ("amod", "compound", "nmod", "nummod") or tok.head.i < after:
        return None
    if tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.i - after > _MAX_GAP:
        return None
    return tok.head


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)
