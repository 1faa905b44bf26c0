"""Code events with a PETRARCH/TABARI verb dictionary over claimgraph's spaCy parse.

For each verb of a sentence found in the dictionary (with its multi-word and irregular forms),
the block's patterns are tried longest first: the pattern's words before `*` are matched leftwards
from the verb over the sentence, the words after `*` rightwards over the verb's own phrase (its
dependency subtree). A space in a pattern lets any tokens come between two elements, `_` does
not; `$`/`+`/`^`/`%` match an actor mention (or, for `%`, a coordinated list of them) and make it
the source, the target, a skipped actor or a compound whose members code with each other. The
first pattern that matches gives the code; otherwise the verb's own code. Source and target a
pattern leaves open are the verb's subject (followed through control, coordination and passive
`by` phrases) and the first actor after the verb. As PETRARCH by default, an event needs both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from claimgraph.actors.mention import Mention
from claimgraph.actors.petrarch import map_code
from claimgraph.events import lexicon as lexicon_mod
from claimgraph.events import petrarch_dictionary as pdict
from claimgraph.events import petrarch_discards
from claimgraph.events.match import EventMatch
from claimgraph.events.petrarch_dictionary import (
    Code,
    Element,
    Pattern,
    VerbDictionary,
    VerbForm,
)

_CLIMB = frozenset({"xcomp", "conj", "acomp", "pcomp", "prep"})
_SUBJECT = frozenset({"nsubj", "csubj"})
_LINKERS = frozenset({",", "AND", "OR", "NOR", "THE", "BOTH", "NEITHER", "EITHER"})


@dataclass
class _Verb:
    """A dictionary verb found in a sentence: its tokens [start, end) and dictionary form."""

    token: Token
    start: int
    end: int
    form: VerbForm
    others: list[VerbForm] = field(default_factory=list)

    def patterns(self) -> list[Pattern]:
        """The patterns of every block listing this verb phrase, longest first."""
        if not self.others:
            return self.form.block.patterns
        blocks = list({id(f.block): f.block for f in [self.form, *self.others]}.values())
        return sorted((p for b in blocks for p in b.patterns), key=lambda p: -p.size)

    def default(self) -> Code:
        """The verb's own code: the first non-null one among the blocks listing it."""
        for f in [self.form, *self.others]:
            if not f.code.null:
                return f.code
        return self.form.code


@dataclass
class _Roles:
    """Actors a pattern bound: sources (`$`), targets (`+`) and compounds (`%`)."""

    sources: list[Mention]
    targets: list[Mention]
    compound: list[Mention]


class _Sentence:
    """A sentence's upper-case words and its actor mentions, indexed by boundary token."""

    def __init__(self, sent: Span, mentions: Sequence[Mention], words: list[str]) -> None:
        self.sent = sent
        self.words = words
        inside = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
        self.mentions: list[Mention] = []
        last = -1
        for m in sorted(inside, key=lambda m: (m.start, -m.end)):
            if m.start >= last:
                self.mentions.append(m)
                last = m.end
        self.starting = {m.start: m for m in self.mentions}
        self.ending = {m.end: m for m in self.mentions}
        self.covering = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self.groups = self._compounds()

    def _compounds(self) -> list[list[Mention]]:
        """Coordinated mentions ("A, B and C"): joined by conj in the parse or by commas/and."""
        groups: list[list[Mention]] = []
        current: list[Mention] = []
        for m in self.mentions:
            if current and self._linked(current[-1], m):
                current.append(m)
            else:
                if len(current) > 1:
                    groups.append(current)
                current = [m]
        if len(current) > 1:
            groups.append(current)
        return groups

    def _linked(self, a: Mention, b: Mention) -> bool:
        between = self.words[a.end:b.start]
        if not between or not any(w in ("AND", "OR", "NOR", ",") for w in between):
            return False
        doc = self.sent.doc
        # only a coordinating gap: conjunctions, commas, determiners and adjectives
        return all(w in _LINKERS or doc[a.end + k].pos_ in ("ADJ", "DET")
                   for k, w in enumerate(between))

    def group_of(self, m: Mention) -> list[Mention]:
        """The compound `m` belongs to, or just `m`."""
        for g in self.groups:
            if m in g:
                return g
        return [m]

    def mention_at(self, i: int) -> Mention | None:
        """The mention covering token `i`."""
        return self.covering.get(i)


def _norm(text: str) -> str:
    return text.upper().replace("\u2019", "'").replace("\u2018", "'")


class PetrarchCoder:
    """Event coder driven by a PETRARCH verb dictionary (and optional discard lists)."""

    def __init__(self, verbs: VerbDictionary, discards: petrarch_discards.Discards | None = None,
                 require_dyad: bool = True, plover_only: bool = True) -> None:
        self.verbs = verbs
        self.discards = discards or petrarch_discards.Discards()
        self.require_dyad = require_dyad
        # claimgraph's output needs a PLOVER type; validation runs keep the dictionary's own codes
        self.plover_only = plover_only
        self.lexicon = lexicon_mod.default()
        # the words and story-discard verdict of the last document, computed once per document
        self._doc: tuple[Doc, list[str], bool] | None = None

    @classmethod
    def from_files(cls, verb_files: Iterable[Path], discard_files: Iterable[Path] = (),
                   require_dyad: bool = True, plover_only: bool = True) -> PetrarchCoder:
        """Build a coder from PETRARCH verb dictionaries (merged in order) and discard lists."""
        files = [Path(p) for p in verb_files]
        merged = VerbDictionary()
        for f in files:
            d = pdict.read(f)
            merged.blocks.extend(d.blocks)
            merged.synsets.update(d.synsets)
            merged.skipped.extend(d.skipped)
            for word, forms in d.forms.items():
                merged.forms.setdefault(word, []).extend(forms)
            for word, forms in d.lemmas.items():
                merged.lemmas.setdefault(word, []).extend(forms)
        return cls(merged, petrarch_discards.read(discard_files), require_dyad, plover_only)

    def code(self, sent: Span, mentions: Sequence[Mention]) -> list[EventMatch]:
        """Return the events of one sentence, one per source-target pair."""
        doc = sent.doc
        cached = self._doc  # one read, so concurrent callers never mix two documents
        if cached is None or cached[0] is not doc:
            words = [_norm(t.text) for t in doc]
            cached = self._doc = (doc, words, bool(self.discards.story_hit(words)))
        _, words, story_discard = cached
        if story_discard or self.discards.sentence_hit(words[sent.start:sent.end]):
            return []
        s = _Sentence(sent, mentions, words)
        out: list[EventMatch] = []
        taken: set[int] = set()
        for tok in sent:
            if tok.i in taken:
                continue
            verb = self._verb(tok, s)
            if verb is None:
                continue
            taken.update(range(verb.start, verb.end))
            out.extend(self._events(verb, s))
        return out

    # --- verbs -------------------------------------------------------------------------

    def _verb(self, tok: Token, s: _Sentence) -> _Verb | None:
        """The longest dictionary verb phrase whose verb word is `tok` (all blocks listing it)."""
        word = s.words[tok.i]
        verbal = tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")
        found: list[_Verb] = []
        for form in self.verbs.forms.get(word, []):
            start, end = tok.i - len(form.before), tok.i + 1 + len(form.after)
            if start < s.sent.start or end > s.sent.end:
                continue
            if tuple(s.words[start:tok.i]) != form.before:
                continue
            if tuple(s.words[tok.i + 1:end]) != form.after:
                continue
            multi = bool(form.before or form.after)
            if verbal or (multi and tok.pos_ != "PROPN"):
                found.append(_Verb(tok, start, end, form))
        if not found and verbal and self._irregular(word, tok.lemma_):
            found = [_Verb(tok, tok.i, tok.i + 1, f)
                     for f in self.verbs.lemmas.get(_norm(tok.lemma_), [])
                     if not f.before and not f.after]
        if not found:
            return None
        longest = max(v.end - v.start for v in found)
        best = [v for v in found if v.end - v.start == longest]
        # a verb listed in several blocks (SHOT twice) uses the patterns of all of them
        best[0].others = [v.form for v in best[1:]]
        return best[0]

    @staticmethod
    def _irregular(word: str, lemma: str) -> bool:
        """True for an irregular inflection (SPED of SPEED), which the lemma may then stand for.

        Misspelt regular endings (DEPARTES, DEPARTX) must not match: PETRARCH codes only the
        forms it generates or the dictionary lists.
        """
        lemma = _norm(lemma)
        stem = lemma.rstrip("EY") or lemma
        return word != lemma and not word.endswith("S") and not word.startswith(stem)

    # --- patterns ----------------------------------------------------------------------

    def _events(self, verb: _Verb, s: _Sentence) -> list[EventMatch]:
        lo, hi = self._scope(verb, s)
        code, roles = verb.default(), _Roles([], [], [])
        for pattern in verb.patterns():
            bound = self._match(pattern, verb, s, lo, hi)
            if bound is not None:
                code, roles = pattern.code, bound
                break
        if code.null:
            return []
        sources, targets = self._participants(verb, s, roles, hi)
        # an uncoded noun phrase ("---") is no actor of a dyad
        sources = [m for m in sources if _actor_code(m) != "---"]
        targets = [m for m in targets if _actor_code(m) != "---"]
        out: list[EventMatch] = []
        pairs: list[tuple[Mention, Mention, str]] = []
        for a in sources:
            for b in targets:
                if _actor_code(a) == _actor_code(b):
                    continue
                if code.forward:
                    pairs.append((a, b, code.forward))
                if code.reverse:
                    pairs.append((b, a, code.reverse))
        if not self.require_dyad:
            if not targets and code.forward:
                pairs.extend((a, None, code.forward) for a in sources)  # type: ignore[misc]
            if not sources and code.forward:
                pairs.extend((None, b, code.forward) for b in targets)  # type: ignore[misc]
        seen: set[tuple[str, str, str]] = set()
        for a, b, c in pairs:
            key = (_actor_code(a) if a else "", _actor_code(b) if b else "", c)
            if key in seen:
                continue
            seen.add(key)
            event = self._event(verb, s, c, a, b)
            if event.type or not self.plover_only:
                out.append(event)
        return out

    def _scope(self, verb: _Verb, s: _Sentence) -> tuple[int, int]:
        """Upper words run from the sentence start; lower words to the end of the verb's phrase."""
        right = max([t.i for t in verb.token.subtree] + [verb.end - 1]) + 1
        return s.sent.start, min(right, s.sent.end)

    def _match(self, p: Pattern, verb: _Verb, s: _Sentence, lo: int, hi: int) -> _Roles | None:
        roles = _Roles([], [], [])
        found = self._seq(p.lower, 0, verb.end, +1, s, lo, hi, roles)
        if found is None:
            return None
        return self._seq(p.upper, 0, verb.start - 1, -1, s, lo, hi, found)

    def _seq(self, elems: tuple[Element, ...], k: int, pos: int, step: int, s: _Sentence,
             lo: int, hi: int, roles: _Roles) -> _Roles | None:
        """Match elems[k:] starting at token `pos` moving by `step`; return the bound roles."""
        if k == len(elems):
            return roles
        e = elems[k]
        starts = [pos] if e.closed else range(pos, hi if step > 0 else lo - 1, step)
        for p in starts:
            if not lo <= p < hi:
                break
            for nxt, bound in self._consume(e, p, step, s, lo, hi):
                new = _Roles(roles.sources + bound.sources, roles.targets + bound.targets,
                             roles.compound + bound.compound)
                done = self._seq(elems, k + 1, nxt, step, s, lo, hi, new)
                if done is not None:
                    return done
        return None

    def _consume(self, e: Element, p: int, step: int, s: _Sentence, lo: int,
                 hi: int) -> list[tuple[int, _Roles]]:
        """Ways element `e` can match at token `p`: (next position, roles bound)."""
        empty = _Roles([], [], [])
        if e.kind == "word":
            return [(n, empty) for n in _word_at(e.value, p, step, s, lo, hi)]
        if e.kind == "synset":
            out = []
            for phrase in self.verbs.members(e.value):
                n = len(phrase)
                seg = range(p, p + n) if step > 0 else range(p - n + 1, p + 1)
                if seg.start >= lo and seg.stop <= hi and \
                        tuple(s.words[i] for i in seg) == phrase:
                    out.append((p + n * step, empty))
            return out
        if e.value == "%":
            for g in s.groups:
                if (step > 0 and g[0].start == p) or (step < 0 and g[-1].end == p + 1):
                    nxt = g[-1].end if step > 0 else g[0].start - 1
                    return [(nxt, _Roles([], [], list(g)))]
            return []
        m = s.starting.get(p) if step > 0 else s.ending.get(p + 1)
        if m is None:
            return []
        nxt = m.end if step > 0 else m.start - 1
        group = s.group_of(m)
        if e.value == "$":
            return [(nxt, _Roles(group, [], []))]
        if e.value == "+":
            return [(nxt, _Roles([], group, []))]
        return [(nxt, empty)]

    # --- participants -----------------------------------------------------------------

    def _participants(self, verb: _Verb, s: _Sentence, roles: _Roles,
                      hi: int) -> tuple[list[Mention], list[Mention]]:
        sources, targets = list(roles.sources), list(roles.targets)
        if roles.compound:
            members = roles.compound
            if not sources and not targets:
                after = self._first_after(verb, s, hi, exclude=members)
                if after:
                    return members, after
                # a compound with nobody else: its members act on each other
                return members, members
            if not sources:
                sources = members
            elif not targets:
                targets = members
        passive = self._passive(verb.token, s)
        if not sources:
            sources = passive[0] if passive else self._subject(verb, s, exclude=targets)
        if not targets:
            targets = passive[1] if passive else \
                self._first_after(verb, s, hi, exclude=sources)
        return sources, targets

    def _passive(self, tok: Token, s: _Sentence) -> tuple[list[Mention], list[Mention]] | None:
        """For a passive verb: (the `by` agent's actors, the passive subject's actors)."""
        subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")]
        if not subj:
            return None
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        by = [m for a in agents for m in self._np_actors(a, s)]
        if not by:
            # without a `by` agent PETRARCH keeps the grammatical subject as the source
            return None
        return by, [m for t in subj for m in self._np_actors(t, s)]

    def _subject(self, verb: _Verb, s: _Sentence, exclude: Sequence[Mention] = ()) -> list[Mention]:
        """The verb's subject actors, inherited through control verbs and coordination.

        When the pattern made the subject the target ("NOTED + *"), the source is the subject of
        the clause above.
        """
        t = verb.token
        for _ in range(8):
            deps = _SUBJECT if t is verb.token else _SUBJECT | {"nsubjpass"}
            subj = [c for c in t.children if c.dep_ in deps]
            if subj:
                found = [m for c in subj for m in self._np_actors(c, s) if m not in exclude]
                if found:
                    return found
                if not exclude:
                    return self._nearest_before(verb, s)
            elif t.dep_ in ("relcl", "acl") and t.head is not t:
                return [m for m in self._np_actors(t.head, s) if m not in exclude]
            elif t.dep_ not in _CLIMB and (not exclude or t.head is t):
                break
            if t.head is t:
                break
            t = t.head
        return [m for m in self._nearest_before(verb, s) if m not in exclude]

    def _nearest_before(self, verb: _Verb, s: _Sentence) -> list[Mention]:
        """PETRARCH's fallback: the nearest actor before the verb in its clause."""
        for m in reversed(s.mentions):
            if m.end <= verb.start and m.start >= s.sent.start:
                if any(w in (",", ";", ":") for w in s.words[m.end:verb.start]):
                    return []
                return s.group_of(m)
        return []

    def _first_after(self, verb: _Verb, s: _Sentence, hi: int,
                     exclude: Sequence[Mention]) -> list[Mention]:
        """The first coded actor after the verb in its phrase that is not one of `exclude`."""
        taken = {_actor_code(m) for m in exclude}
        for m in s.mentions:
            if m.start < verb.end or m.end > hi or m in exclude:
                continue
            code = _actor_code(m)
            if code != "---" and code not in taken:
                return s.group_of(m)
        return []

    def _np_actors(self, head: Token, s: _Sentence) -> list[Mention]:
        """Actors of a noun phrase: its mention, coordinated mentions, agents placed by a country.

        "Soldiers from Gondor" is Gondor's military; "Lawmakers and officials in Fornost and
        Gondor" are four actors (each agent in each country).
        """
        own = s.mention_at(head.i)
        nodes = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos")]
        blocked = {d.i for t in head.subtree if t.dep_ in ("relcl", "acl", "appos")
                   for d in t.subtree}
        inside = list({id(m): m for m in (s.covering[t.i] for t in nodes
                                           if t.i in s.covering and t.i not in blocked)}.values())
        inside.sort(key=lambda m: m.start)
        inside = [m for m in inside if not any(i in blocked for i in range(m.start, m.end))]
        if not inside:
            return []
        heads = s.group_of(own) if own else [inside[0]]
        heads = [m for m in heads if m in inside] or heads
        # "Bree Prime Minister Romendacil": a name coded only by country takes the role its
        # pre-modifier gives for the same country
        if own is not None and len(heads) == 1 and own.code and not own.sector:
            roles = [m for m in inside if m.end <= own.start and m.code == own.code and m.sector
                     and all(s.sent.doc[i].dep_ in ("compound", "poss", "amod", "case")
                             for i in range(m.start, own.start) if s.covering.get(i) is m)]
            if roles:
                heads = [roles[-1]]
        agents = [m for m in heads if not m.code and m.sector]
        if agents:
            places = [m for m in inside if m not in heads and m.code]
            if places:
                return [_combine(a, p) for p in s.group_of(places[0]) for a in agents]
        return heads

    # --- output ------------------------------------------------------------------------

    def _event(self, verb: _Verb, s: _Sentence, code: str, a: Mention | None,
               b: Mention | None) -> EventMatch:
        row = next((r for r in (self.lexicon.cameo.get(code[:n]) for n in (len(code), 3, 2))
                    if r is not None and r.type), None)
        type_ = row.type if row else ""
        mode = row.mode if row else None
        root = int(code[:2]) if code[:2].isdigit() else 0
        quad = lexicon_mod.quad_of_root(code) if 1 <= root <= 20 else 0
        text = " ".join(t.text for t in s.sent.doc[verb.start:verb.end])
        return EventMatch(
            trigger=verb.token.i, trigger_text=text, type=type_ or "", cameo=code,
            quad_class=quad, intensity=self.lexicon.intensity(type_, mode) if type_ else 0.0,
            mode=mode, actors=[a] if a else [], recipients=[b] if b else [], confidence=0.5)


def _word_at(value: str, p: int, step: int, s: _Sentence, lo: int, hi: int) -> list[int]:
    """Positions after a dictionary word at `p`; a hyphenated word spans tokens (CEASE-FIRE)."""
    if s.words[p] == value:
        return [p + step]
    if "-" not in value and "'" not in value:
        return []
    doc = s.sent.doc
    text, i = "", p
    while lo <= i < hi and len(text) < len(value):
        text = s.words[i] + text if step < 0 else text + s.words[i]
        nxt = i + step
        if text == value:
            return [nxt]
        joined = doc[min(i, nxt)].whitespace_ == "" if lo <= nxt < hi else False
        if not joined:
            break
        i = nxt
    return []


def _combine(agent: Mention, place: Mention) -> Mention:
    """An agent mention placed by a country mention ("soldiers from Gondor")."""
    return replace(place, start=min(agent.start, place.start), end=max(agent.end, place.end),
                   text=f"{agent.text} ({place.text})", sector=agent.sector,
                   cameo=_actor_code(place) + (agent.sector or ""), kind="group")


def _actor_code(m: Mention) -> str:
    """The PETRARCH-style code of a mention: its dictionary code plus an agent code if added."""
    base = m.cameo or m.code or ""
    if not m.sector:
        return base or "---"
    if base and map_code(base)[1] == m.sector:
        return base
    if base and base.endswith(m.sector):
        return base
    return (base or "---") + m.sector


def actor_code(m: Mention) -> str:
    """Public form of the PETRARCH-style actor code ("GONGOV", "---GOV")."""
    return _actor_code(m)
