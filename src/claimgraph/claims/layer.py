"""The claims layer: attributions, claimants and relay chains, status and time for a parsed document."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.actors.mention import Mention
from claimgraph.claims import lexicon, timex
from claimgraph.claims.attribution import AttributionFinder, Found, RelaySpan
from claimgraph.claims.status import StatusReader
from claimgraph.claims.turns import Turn, turn_at
from claimgraph.model import Attribution, Claimant, Relay, When

_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we", "i", "who"}
_THERE = {"there"}
_CLAUSE_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_RELAY_WINDOW = 3  # sentences within which "he said there" continues an earlier channel


@dataclass
class _Source:
    """A resolved source: what to print and its codes."""

    text: str
    code: str | None = None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class DocClaims:
    """What the claims layer knows about one document, queried by event trigger token index."""

    doc: Doc
    found: list[Found]
    sources: list[_Source | None]
    relays: list[list[Relay]]
    attributions: list[Attribution]
    published: dt.date | None
    headline: bool
    reader: StatusReader
    speakers: list[int] = field(default_factory=list)
    _times: dict[int, list[timex.TimeExpr]] = field(default_factory=dict)
    _doc_words: set[str] | None = None

    def status(self, i: int) -> tuple[str, bool]:
        """Return (status, hedged) of the event whose trigger is token i."""
        return self.reader.read(self.doc[i], headline=self.headline)

    def claimant(self, i: int) -> tuple[Claimant | None, list[Relay]]:
        """Return who claims the event at token i and the relays between them and the article."""
        k = self._innermost(i)
        # "X plans to meet Y", "X is willing to send Z": X is the one who would act, not somebody
        # reporting the act, so the claim is whoever (if anyone) reports X's intention.
        # "denied reports that X ...": the reports' unnamed authors are not the claimant, the
        # denier is.
        seen: set[int] = set()
        while k is not None and k not in seen and (_controlled(self.doc, i, self.found[k].cue)
                                                   or self._denied_report(k)):
            seen.add(k)
            k = self.found[k].outer
        if k is None:
            return None, []
        k = self.speakers[k]
        f, src = self.found[k], self.sources[k]
        cue = self.doc[f.cue[0]:f.cue[1]].text
        via = list(self.relays[k])
        if src is None:
            return None, via
        return Claimant(text=src.text, code=src.code, sector=src.sector, cue=cue, org=src.org,
                        name=src.name, span=src.span), via

    def own_act(self, i: int) -> bool:
        """Whether the event at token i is its claimant's own act, denied by the claimant
        ("Russia denied attacking the hospital"): the claimant is then its actor too."""
        k = self._innermost(i)
        if k is None:
            return False
        tok = self.doc[i]
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "denied looting and burning"
        cue = self.found[k].cue
        return cue[0] <= tok.head.i < cue[1] and _denied_act(tok, tok.head)

    def _denied_report(self, k: int) -> bool:
        """Whether attribution k is a source-less claim noun that a denial verb takes as its
        object ("rejected reports that ...", "dismissed claims that ...")."""
        f = self.found[k]
        if f.kind != "nominal" or self.sources[k] is not None or f.outer is None:
            return False
        noun = self.doc[f.cue[0]]
        verb = noun.head
        outer = self.found[f.outer].cue
        return (noun.dep_ == "dobj" and outer[0] <= verb.i < outer[1]
                and verb.lemma_.lower() in lexicon.status().denial_verbs)

    def when(self, i: int) -> When | None:
        """Return the event's own time from the expression attached to its clause."""
        tok = self.doc[i]
        sent = tok.sent
        exprs = self._times.get(sent.start)
        if exprs is None:
            exprs = self._times[sent.start] = timex.find(sent)
        e = timex.attached(self.doc, i, exprs)
        if e is None:
            return None
        if e.kind == "era":
            if self._doc_words is None:
                self._doc_words = {t.lower_ for t in self.doc if t.is_alpha}
            start, end = timex.resolve_era(e, self._doc_words, self.published)
        else:
            status, _ = self.status(i)
            start, end = e.resolve(self.published, future=status in ("future",))
            if status == "future" and end and self.published and end < self.published.isoformat():
                return None  # a prediction is not dated before it was made: the date is another clause's
        return When(text=e.text, start=start, end=end,
                    granularity=e.granularity() if (start or end) else None)

    def _innermost(self, i: int) -> int | None:
        best = None
        for k, f in enumerate(self.found):
            if f.contains(i) and not (f.cue[0] <= i < f.cue[1]):
                if best is None or f.content_size() < self.found[best].content_size():
                    best = k
        return best


class ClaimLayer:
    """Builds DocClaims for parsed documents; cheap to construct, lexicons load once per process."""

    def __init__(self) -> None:
        self.finder = AttributionFinder()
        self.reader = StatusReader()
        self.cues = lexicon.cues()

    def analyze(self, doc: Doc, mentions: list[Mention], published: dt.date | None,
                headline: bool = False, turns: Sequence[Turn] = ()) -> DocClaims:
        """Find attributions and prepare status, claimant and time lookups for one document;
        `turns` are its transcript turns (claims/turns.py), each its speaker's claim."""
        found = self.finder.find(doc, turns)
        sources = [self._resolve(doc, f.source, mentions, found[:k], [None] * k)
                   for k, f in enumerate(found)]
        self._first_person(doc, found, sources, mentions, turns)
        self._corefer(doc, found, sources)
        own = [[self._relay(doc, r, mentions) for r in f.relays] for f in found]
        self._continue_channels(doc, found, sources, own)
        self._paragraph_outlets(doc, found, own)
        speakers = [_speaker(k, found, sources) for k in range(len(found))]
        chains = [self._chain(doc, speakers[k], found, sources, own) for k in range(len(found))]
        text = doc.text  # built once: Doc.text joins every token on each access
        attributions = [] if headline else [self._attribution(doc, text, f, s, c)
                                            for f, s, c in zip(found, sources, chains)]
        return DocClaims(doc=doc, found=found, sources=sources, relays=chains,
                         attributions=attributions, published=published, headline=headline,
                         reader=self.reader, speakers=speakers)

    # -- sources --------------------------------------------------------------------------------

    def _resolve(self, doc: Doc, span: tuple[int, int] | None, mentions: list[Mention],
                 *_: object) -> _Source | None:
        if span is None:
            return None
        a, b = span
        best: Mention | None = None
        for m in mentions:
            if m.start >= a and m.end <= b:
                # The mention heading the phrase (its last one before any "of"/"," wins on ties).
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        text = doc[a:b].text
        char_span = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
        if best is None:
            return _Source(text=text, span=char_span)
        shown = text
        if best.kind == "pronoun" or doc[a:b].text.lower() in _PRONOUNS:
            shown = best.name or best.text
        return _Source(text=shown, code=best.code, sector=best.sector, org=best.org, name=best.name,
                       span=char_span)

    def _first_person(self, doc: Doc, found: list[Found], sources: list[_Source | None],
                      mentions: list[Mention], turns: Sequence[Turn]) -> None:
        """"I think", "we believe" in a turn are claims of its speaker, so that the run of
        attributions by one speaker collapses to the turn's."""
        words = self.cues.first_singular | self.cues.first_plural
        for k, f in enumerate(found):
            if f.source is None or f.source[1] - f.source[0] != 1:
                continue
            if doc[f.source[0]].lower_ not in words:
                continue
            turn = turn_at(turns, f.cue[0])
            if turn is not None and turn.speaker is not None:
                sp = turn.speaker
                sources[k] = self._resolve(doc, (sp.start, sp.end), mentions)

    def _corefer(self, doc: Doc, found: list[Found], sources: list[_Source | None]) -> None:
        """Pronoun sources the resolver left bare take the nearest earlier named person source."""
        last_named: _Source | None = None
        for f, s in sorted(zip(found, sources), key=lambda fs: fs[0].cue[0]):
            if s is None:
                continue
            if s.text.lower() in _PRONOUNS and s.code is None and s.name is None:
                antecedent = last_named or self._person_before(doc, f.source[0] if f.source else f.cue[0])
                if antecedent is not None:
                    s.text, s.code, s.sector, s.org, s.name = (antecedent.text, antecedent.code,
                                                               antecedent.sector, antecedent.org,
                                                               antecedent.name)
            elif s.text.lower() not in _PRONOUNS:
                last_named = s

    def _person_before(self, doc: Doc, i: int) -> _Source | None:
        for ent in reversed(doc.ents):
            if ent.end <= i and ent.label_ == "PERSON":
                return _Source(text=ent.text)
        return None

    # -- relays ---------------------------------------------------------------------------------

    def _relay(self, doc: Doc, r: RelaySpan, mentions: list[Mention]) -> Relay:
        a, b = r.span
        code = sector = None
        for m in mentions:
            if m.start >= a and m.end <= b:
                code, sector = m.code, m.sector
                break
        return Relay(text=doc[a:b].text, cue=r.cue, code=code, sector=sector)

    def _continue_channels(self, doc: Doc, found: list[Found], sources: list[_Source | None],
                           own: list[list[Relay]]) -> None:
        """'..., he said there' / 'In the interview, X said' continue the last channel of X."""
        starts = [s.start for s in doc.sents]

        def sent_index(i: int) -> int:
            return bisect.bisect_right(starts, i) - 1

        for k, f in enumerate(found):
            if own[k] or sources[k] is None:
                continue
            sent = doc[f.cue[0]].sent
            back_ref = any(t.lower_ in _THERE and t.head.i in range(*f.cue) for t in sent) or any(
                t.lower_ == "the" and t.head.lemma_.lower() in self.cues.channels and t.head.dep_ == "pobj"
                for t in sent)
            if not back_ref:
                continue
            here = sent_index(f.cue[0])
            for j in range(k - 1, -1, -1):
                if here - sent_index(found[j].cue[0]) > _RELAY_WINDOW:
                    break
                sj = sources[j]
                if own[j] and sj is not None and (sj.text == sources[k].text or
                                                  (sj.code and sj.code == sources[k].code and sj.sector == sources[k].sector)):
                    own[k] = list(own[j])
                    break

    def _paragraph_outlets(self, doc: Doc, found: list[Found], own: list[list[Relay]]) -> None:
        """An outlet credited in a paragraph ("as a source quoted Ukrainska Pravda") relays the
        paragraph's other top-level claims too."""
        para = _paragraphs(doc)
        for k, f in enumerate(found):
            if f.cls != "relay" or not own[k]:
                continue
            p = para(f.cue[0])
            for j, g in enumerate(found):
                if j != k and not own[j] and g.outer is None and para(g.cue[0]) == p:
                    own[j] = [r for r in own[k]]

    def _chain(self, doc: Doc, k: int, found: list[Found], sources: list[_Source | None],
               own: list[list[Relay]]) -> list[Relay]:
        """Relays from the claimant outwards: its own channels, then each enclosing source."""
        chain = list(own[k])
        seen = {k}
        cur = found[k].outer
        while cur is not None and cur not in seen:
            seen.add(cur)
            s = sources[cur]
            if s is not None:
                cue = doc[found[cur].cue[0]:found[cur].cue[1]].text
                chain.append(Relay(text=s.text, cue=cue, code=s.code, sector=s.sector))
            chain.extend(own[cur])
            cur = found[cur].outer
        return chain

    def _attribution(self, doc: Doc, text: str, f: Found, s: _Source | None, via: list[Relay]) -> Attribution:
        def chars(span: tuple[int, int] | None) -> tuple[int, int] | None:
            if span is None or span[1] <= span[0]:
                return None
            return doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)

        content = f.content_hull
        src = chars(f.source)
        cue = chars(f.cue)
        cont = chars(content)
        return Attribution(
            source=src, cue=cue, content=cont,
            source_text=text[src[0]:src[1]] if src else None,
            cue_text=text[cue[0]:cue[1]] if cue else None,
            content_text=text[cont[0]:cont[1]] if cont else None,
            source_code=s.code if s else None, source_sector=s.sector if s else None,
            kind=f.kind, via=via,
        )


def _same_entity(a: _Source | None, b: _Source | None) -> bool:
    """Whether two resolved sources name the same actor (same person name, or same text)."""
    if a is None or b is None:
        return False
    if a.name and b.name:
        return a.name == b.name
    if a.code and b.code and (a.code, a.sector) != (b.code, b.sector):
        return False
    # "the ruler Lukashenko" and a pronoun resolved to "Alexander Lukashenko": same surname.
    last_a = [w for w in (a.name or a.text).lower().split() if w.isalpha()][-1:]
    last_b = [w for w in (b.name or b.text).lower().split() if w.isalpha()][-1:]
    return bool(last_a) and last_a == last_b and last_a[0] not in _PRONOUNS


def _speaker(k: int, found: list[Found], sources: list[_Source | None]) -> int:
    """The attribution that speaks for attribution k: k itself, or the outermost enclosing one
    in an unbroken run of attributions by the same actor.

    "Lukashenko has emphasized that he considers the war justified": the same man is not his
    own relay, so the run collapses to one claimant, and it carries the OUTER cue
    ("emphasized") - the act by which the claim reached the article - with that link's source
    span and relays.
    """
    cur = k
    seen = {k}
    while True:
        outer = found[cur].outer
        if outer is None or outer in seen or not _same_entity(sources[cur], sources[outer]):
            return cur
        seen.add(outer)
        cur = outer


def _controlled(doc: Doc, i: int, cue: tuple[int, int]) -> bool:
    """Whether the event at token i is a subject-controlled complement of the cue, so that the
    cue's subject is the event's own actor ("plans to attack", "willing to send", "expressed
    readiness to help"); a cue with its own object ("asked Russia to leave") does not control."""
    tok = doc[i]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
        tok = tok.head  # "plans to launch an invasion": the light verb's clause
    for _ in range(6):
        if any(c.dep_ in _CLAUSE_SUBJECTS for c in tok.children):
            return False
        dep, head = tok.dep_, tok.head
        if head is tok:
            return False
        if dep == "conj":
            tok = head  # "plans to meet and sign": the first conjunct's clause
            continue
        infinitive = dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if dep != "xcomp" and not infinitive:
            return False
        if infinitive and head.dep_ == "dobj" and cue[0] <= head.head.i < cue[1]:
            return True  # "expressed readiness to help": the cue's object names the intention
        if cue[0] <= head.i < cue[1]:
            if _denied_act(tok, head):
                return False  # "denied attacking it" is a claim about the denier's own act
            return not any(c.dep_ in ("dobj", "dative") for c in head.children)
        tok = head
    return False


def _denied_act(tok: Token, verb: Token) -> bool:
    """Whether `tok` is the gerund a denial verb takes ("denied attacking", "denied having
    ordered"), not an infinitive ("refused to attack")."""
    return (tok.dep_ in ("xcomp", "pcomp") and tok.head.i == verb.i
            and verb.lemma_.lower() in lexicon.status().denial_verbs
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _paragraphs(doc: Doc) -> Callable[[int], int]:
    """Return a function from token index to paragraph number (blank-line or newline separated)."""
    breaks = [t.i for t in doc if "\n" in t.text_with_ws]

    def para(i: int) -> int:
        return bisect.bisect_left(breaks, i)
    return para
