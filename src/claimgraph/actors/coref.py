"""In-document coreference for actors: surnames, personal pronouns, "the president", "his soldiers".

Deliberately simple: a pronoun takes the nearest compatible person of its own sentence (a
subject first), else the subject (or first person) of the nearest earlier sentence that has one.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc

from claimgraph.actors.compose import Draft
from claimgraph.actors.dictionary import normalize, reporting_verbs
from claimgraph.actors.mention import Mention

_PERSONAL = {"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
_POSSESSIVE_GENDER = {"his": "m", "her": "f"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOOKBACK = 3  # sentences a pronoun may reach back
_BODY_KINDS = frozenset({"country", "capital", "institution", "igo", "group"})
_PLURAL = frozenset({"NNS", "NNPS"})


class _Sentences:
    """Sentence index of token positions (one sentence when the Doc has no parse)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def of(self, i: int) -> int:
        return bisect.bisect_right(self.starts, i) - 1


def resolve(doc: Doc, drafts: list[Draft]) -> list[Mention]:
    """Fill in drafts from their antecedents and add resolved pronoun mentions; sorted by position."""
    sents = _Sentences(doc)
    covered = set()
    for d in drafts:
        covered.update(range(d.mention.start, d.mention.end))
    items: list[tuple[int, Draft | int]] = [(d.mention.start, d) for d in drafts]
    for t in doc:
        if t.i in covered or t.lower_ not in _PERSONAL:
            continue
        if t.lower_ == "her" and t.tag_ == "PRP$":
            continue  # possessive "her": only meaningful before an agent noun ("her ministers")
        items.append((t.i, t.i))
    items.sort(key=lambda x: x[0])

    out: list[Mention] = []
    persons: list[tuple[Mention, str | None]] = []
    for _, item in items:
        if isinstance(item, int):
            tok = doc[item]
            gender = _PERSONAL[tok.lower_]
            ante = _antecedent(doc, sents, persons, item, gender)
            if ante is None:
                continue
            m = Mention(item, item + 1, tok.idx, tok.idx + len(tok.text), tok.text, ante.code,
                        ante.sector, ante.org, ante.name, "pronoun", ante.cameo)
            out.append(m)
            persons.append((m, gender))
            continue
        m = item.mention
        if item.needs == "title":
            _from_title(m, item.head_sector, persons)
        elif item.needs == "possessive":
            m = _from_possessor(doc, sents, item, persons, out)
        elif m.kind == "person" and m.code is None:
            _from_surname(m, persons)
        if m.code is None and m.sector is None and m.name is None and m.kind != "other":
            continue  # a bare "official" or "source": nothing to code and nothing to refer back to
        out.append(m)
        if m.kind == "person" and (m.code is not None or m.name is not None):
            persons.append((m, None))
    reported = _reported_subjects(doc, out, covered)
    if reported:
        out = sorted(out + reported, key=lambda m: m.start)
    return out


def _reported_subjects(doc: Doc, mentions: list[Mention], covered: set[int]) -> list[Mention]:
    """'Russia said it would retaliate', 'the rebels claimed they took the town': a subject
    'it'/'they' of the reported clause is the reporting body or group itself."""
    by_head = {m.head_token(doc).i: m for m in mentions if m.kind in _BODY_KINDS
               and (m.code is not None or m.sector is not None)}
    out = []
    for t in doc:
        if t.lower_ not in ("it", "they") or t.i in covered or t.dep_ not in _SUBJECT_DEPS:
            continue
        clause = t.head
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in reporting_verbs():
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        ante = by_head.get(subject.i) if subject is not None else None
        if ante is None or (t.lower_ == "they") != (subject.tag_ in _PLURAL):
            continue
        out.append(Mention(t.i, t.i + 1, t.idx, t.idx + len(t.text), t.text, ante.code,
                           ante.sector, ante.org, ante.name, "pronoun", ante.cameo))
    return out


def _from_surname(m: Mention, persons: list[tuple[Mention, str | None]]) -> None:
    """"Smith" after "John Smith": take the earlier, fuller mention's identity."""
    words = normalize(m.text).split()
    if not words:
        return
    for p, _ in reversed(persons):
        if p.name is None:
            continue
        names = normalize(p.name).split()
        if len(names) > len(words) and names[-len(words):] == words:
            m.code, m.sector, m.org, m.name, m.cameo = p.code, p.sector, p.org, p.name, p.cameo
            return


def _from_title(m: Mention, sector: str | None, persons: list[tuple[Mention, str | None]]) -> None:
    """"the ruler" / "the president": the last person mentioned with a matching sector."""
    for p, _ in reversed(persons):
        if p.code is None or p.kind == "pronoun":
            continue
        if sector is None or p.sector in (sector, None):
            m.code, m.sector, m.org, m.name, m.cameo = p.code, p.sector, p.org, p.name, p.cameo
            return


def _from_possessor(doc: Doc, sents: _Sentences, d: Draft,
                    persons: list[tuple[Mention, str | None]], out: list[Mention]) -> Mention:
    """"his soldiers": the owner's country with the noun's sector; the span takes in "his"."""
    k = d.possessor
    assert k is not None
    word = doc[k].lower_
    owner: Mention | None = None
    if word in _POSSESSIVE_GENDER:
        owner = _antecedent(doc, sents, persons, k, _POSSESSIVE_GENDER[word])
    elif word == "its":
        here = sents.of(k)
        owner = next((p for p in reversed(out)
                      if p.kind in ("country", "igo", "institution", "capital") and p.code
                      and here - sents.of(p.start) <= _LOOKBACK), None)
    elif word == "their":
        owner = _plural_owner(doc, sents, k, out)
    m = d.mention
    if owner is None or owner.code is None:
        return m
    tok = doc[k]
    return replace(m, start=k, start_char=tok.idx, text=doc[k:m.end].text, code=owner.code,
                   org=owner.org if owner.code == "IGO" else m.org,
                   sector=m.sector or owner.sector)


def _plural_owner(doc: Doc, sents: _Sentences, k: int, out: list[Mention]) -> Mention | None:
    """"Bosnian Serbs said their forces ...": a subject of this sentence, else the last group."""
    here = sents.of(k)
    pool = [p for p in out if p.code and p.kind not in ("person", "pronoun")
            and here - sents.of(p.start) <= 1 and p.end <= k]
    same = [p for p in pool if sents.of(p.start) == here]
    subjects = [p for p in same if _is_subject(doc, p)]
    if subjects:
        return subjects[-1]
    return (same or pool)[-1] if (same or pool) else None


def _antecedent(doc: Doc, sents: _Sentences, persons: list[tuple[Mention, str | None]],
                i: int, gender: str | None) -> Mention | None:
    here = sents.of(i)
    pool = [p for p, g in persons
            if p.end <= i and (p.code is not None or p.name is not None) and (g is None or gender is None or g == gender)]
    if not pool:
        return None
    same = [p for p in pool if sents.of(p.start) == here]
    if same:
        subjects = [p for p in same if _is_subject(doc, p)]
        return (subjects or same)[-1]
    for back in range(1, _LOOKBACK + 1):
        earlier = [p for p in pool if sents.of(p.start) == here - back]
        if earlier:
            subjects = [p for p in earlier if _is_subject(doc, p)]
            return (subjects or earlier)[0]
    return None


def _is_subject(doc: Doc, m: Mention) -> bool:
    return m.head_token(doc).dep_ in _SUBJECT_DEPS
