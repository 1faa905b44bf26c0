"""Attribution spans: who (source) says (cue) what (content), read from the dependency parse.

Covers direct, indirect and mixed quotes, inverted reporting clauses ("..., he said"),
"according to X", "as X reported", "X is sure: ...", reports of internal states ("believes"),
noun cues ("his claim that ..."), and the channels a claim passed through ("in an interview with
TBS", "told Japanese journalists", "X quoted Y").  Spans are token ranges [start, end) of the Doc.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.claims import lexicon
from claimgraph.claims.turns import Turn

OPEN_QUOTES = {"“", "«", "„", "``"}
CLOSE_QUOTES = {"”", "»", "''"}
STRAIGHT_QUOTES = {'"'}
_EDGE_PUNCT = {",", ".", ":", ";", "—", "–", "-", "(", ")", "...", "…"}
_SUBJECTS = ("nsubj", "csubj")
_ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "ask", "warn", "urge", "advise", "brief",
                    "telephone", "text", "email", "instruct", "order", "thank", "caution"}
_FIRST_SECOND = {"i", "we", "you"}
_ANSWERS = {"yes", "no", "so"}
_NOUN_PREPS = {"for", "of", "on", "about", "against", "over", "to"}
_CONTENT_PREPS = {"about", "for", "on", "to", "against", "of", "over"}
# "critical of", "eager for", "opposed to", "happy with", "interested in", "impressed by".
_ADJ_PREPS = {"of", "about", "that", "with", "to", "in", "by", "toward", "towards", "over", "for"}
_TOPIC_PREPS = {"about", "on", "of"}
_LIGHT_PREPS = {"about", "for", "on", "against", "of", "over", "at", "to", "that", "in"}

TokSpan = tuple[int, int]
_MAX_BLOCK_PARAGRAPHS = 8  # a quotation introduced by a colon runs on for at most this many paragraphs


@dataclass
class RelaySpan:
    """A channel between a claimant and the article: an outlet, an interviewer, a relaying source."""

    span: TokSpan
    cue: str


@dataclass
class Found:
    """One attribution found in a Doc (token spans)."""

    cue: TokSpan
    source: TokSpan | None
    content: list[TokSpan]
    kind: str
    cls: str
    relays: list[RelaySpan] = field(default_factory=list)
    outer: int | None = None  # index of the attribution whose content contains this one's cue
    in_quote: bool = False  # the cue stands inside quotation marks (said by whoever is quoted)

    @property
    def content_hull(self) -> TokSpan | None:
        """Return the smallest token range covering every content part."""
        if not self.content:
            return None
        return min(a for a, _ in self.content), max(b for _, b in self.content)

    def contains(self, i: int) -> bool:
        """Return whether token i lies in the content."""
        return any(a <= i < b for a, b in self.content)

    def content_size(self) -> int:
        """Return the number of content tokens."""
        return sum(b - a for a, b in self.content)


def quote_spans(doc: Doc) -> list[TokSpan]:
    """Return the token ranges of quotations, marks included; quotes may cross sentences."""
    spans: list[TokSpan] = []
    open_at: int | None = None
    straight_open: int | None = None
    for t in doc:
        x = t.text
        if x in OPEN_QUOTES and open_at is None:
            open_at = t.i
        elif x in CLOSE_QUOTES and open_at is not None:
            spans.append((open_at, t.i + 1))
            open_at = None
        elif x == "''" and open_at is None:
            # Some house styles (and tokenizers) write both marks as two apostrophes.
            open_at = t.i
        elif x in STRAIGHT_QUOTES:
            if straight_open is None:
                straight_open = t.i
            else:
                spans.append((straight_open, t.i + 1))
                straight_open = None
        elif "\n" in t.text_with_ws:
            # A mark left open at a paragraph end is a stray or a quote continued in the next
            # paragraph; neither is a span we can bound, so it is dropped.
            open_at = straight_open = None
    return sorted(spans)


def _span_of(tok: Token) -> TokSpan:
    return tok.left_edge.i, tok.right_edge.i + 1


def _minus(whole: TokSpan, holes: list[TokSpan]) -> list[TokSpan]:
    """Return the parts of `whole` outside every hole."""
    parts = [whole]
    for ha, hb in holes:
        nxt = []
        for a, b in parts:
            if hb <= a or ha >= b:
                nxt.append((a, b))
                continue
            if a < ha:
                nxt.append((a, ha))
            if hb < b:
                nxt.append((hb, b))
        parts = nxt
    return parts


def _trim(doc: Doc, span: TokSpan) -> TokSpan | None:
    a, b = span
    while a < b and (doc[a].text in _EDGE_PUNCT or doc[a].is_space or doc[a].lower_ in {"and", "but"}):
        a += 1
    while b > a and (doc[b - 1].text in _EDGE_PUNCT or doc[b - 1].is_space):
        b -= 1
    return (a, b) if b > a else None


def _clean_parts(doc: Doc, parts: list[TokSpan]) -> list[TokSpan]:
    out = []
    for p in parts:
        t = _trim(doc, p)
        if t and any(not doc[i].is_punct for i in range(*t)):
            out.append(t)
    return out


class AttributionFinder:
    """Finds attributions in parsed documents using the cue lexicon."""

    def __init__(self, cues: lexicon.CueLexicon | None = None) -> None:
        self.cues = cues or lexicon.cues()
        self._prep_starts = frozenset(seq[0] for seq in self.cues.prepositional)

    def find(self, doc: Doc, turns: Sequence[Turn] = ()) -> list[Found]:
        """Return every attribution in the Doc, nesting links (`outer`) included; each
        transcript turn is its speaker's (or its label's) attribution of all it holds."""
        quotes = quote_spans(doc)
        breaks = [t.i for t in doc if "\n" in t.text_with_ws]
        found: list[Found] = []
        taken: set[int] = set()
        for turn in turns:
            content = _clean_parts(doc, [(turn.start, turn.end)])
            if not content:
                continue
            speaker = turn.speaker
            source = (speaker.start, speaker.end) if speaker is not None else turn.label
            found.append(Found(cue=(turn.colon, turn.colon + 1), source=source, content=content,
                               kind="direct", cls="speech"))
            taken.add(turn.colon)
        for sent in doc.sents:
            label = self._label(doc, sent, breaks)
            if label is not None and label.cue[0] not in taken:
                taken.update(range(*label.cue))
                found.append(label)
            for t in sent:
                if t.i in taken:
                    continue
                f = self._at(doc, sent, t, quotes)
                if f is None:
                    continue
                f.content = self._extend_quotes(doc, f, quotes)
                f.content.extend(self._continuation(doc, f, quotes))
                f.content = _clip_paragraph(doc, f.content, f.cue[0], breaks)
                if not f.content:
                    continue
                taken.update(range(*f.cue))
                found.append(f)
        _cover_quotes(found, quotes)
        _link_nesting(found)
        _split_participles(doc, found)
        for f in found:
            f.in_quote = any(qa < f.cue[0] and f.cue[1] < qb - 1 for qa, qb in quotes)
        return found

    # -- cue recognition ------------------------------------------------------------------------

    def _at(self, doc: Doc, sent: Span, t: Token, quotes: list[TokSpan]) -> Found | None:
        prep = self._prepositional(doc, t)
        if prep is not None:
            return prep
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in self.cues.light_verbs:
            light = self._light(doc, sent, t, quotes)
            if light is not None:
                return light
        if t.pos_ == "VERB" and lemma in self.cues.verbs:
            return self._verbal(doc, sent, t, quotes)
        if t.pos_ == "ADJ" and lemma in self.cues.adjectives and t.dep_ in ("acomp", "ROOT"):
            return self._adjectival(doc, sent, t, quotes)
        if t.pos_ == "NOUN" and (lemma in self.cues.nouns or lemma in self.cues.possessed_nouns):
            return self._nominal(doc, t)
        return None

    def _prepositional(self, doc: Doc, t: Token) -> Found | None:
        if t.lower_ == "in" and t.dep_ == "prep":
            return self._study(doc, t)
        if t.lower_ not in self._prep_starts:
            return None
        for seq in self.cues.prepositional:
            n = len(seq)
            if t.i + n > len(doc) or tuple(doc[t.i + k].lower_ for k in range(n)) != seq:
                continue
            last = doc[t.i + n - 1]
            objs = [c for c in last.children if c.dep_ == "pobj"]
            if not objs:
                objs = [c for c in doc[t.i].children if c.dep_ == "pobj"]
            if not objs:
                return None
            if seq == ("per",) and not self._sourcelike(objs[0]):
                return None  # "per speech", "per cent": a rate, not a source
            source = _span_of(objs[0])
            marker = (min(t.i, source[0]), max(t.i + n, source[1]))
            head = doc[t.i].head
            # The claim is the clause the marker modifies, minus the marker itself.
            while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.i in range(*marker):
                sent = doc[t.i].sent
                whole: TokSpan = (sent.start, sent.end)
            else:
                whole = _span_of(head)
            content = _clean_parts(doc, _minus(whole, [marker]))
            f = Found(cue=(t.i, t.i + n), source=source, content=content, kind="according",
                      cls="speech")
            f.relays = self._relays_in(doc, doc[t.i].sent, f, exclude=[marker])
            return f
        return None

    def _study(self, doc: Doc, t: Token) -> Found | None:
        """'In a poll by X, 40 percent said ...': the study is the source of the clause it opens."""
        objs = [c for c in t.children if c.dep_ == "pobj" and c.lemma_.lower() in self.cues.study_nouns]
        head = t.head
        if not objs or head.pos_ not in ("VERB", "AUX") or head.i < t.i:
            return None
        source = _span_of(objs[0])
        marker = (t.i, source[1])
        content = _clean_parts(doc, _minus(_span_of(head), [marker]))
        if not content:
            return None
        return Found(cue=(t.i, t.i + 1), source=source, content=content, kind="according", cls="report")

    def _label(self, doc: Doc, sent: Span, breaks: list[int]) -> Found | None:
        """'Elizabeth Warren: Trump is a failure.' and transcript turns ('Q: ...'): a short
        name before a colon at the start of a line is the source of what follows on the line."""
        start = sent.start
        if start > 0 and "\n" not in doc[start - 1].text_with_ws:
            return None
        for k in range(start, min(start + 6, sent.end)):
            if doc[k].text == ":":
                break
        else:
            return None
        name = doc[start:k]
        if not len(name) or any(t.pos_ in ("VERB", "AUX", "ADP", "PRON") for t in name):
            return None
        if not any(t.pos_ == "PROPN" or t.lemma_.lower() in self.cues.anonymous for t in name):
            return None
        end = next((b + 1 for b in breaks if b >= k), len(doc))
        content = _clean_parts(doc, [(k + 1, end)])
        if not content or sum(b - a for a, b in content) < 2:
            return None
        return Found(cue=(k, k + 1), source=(start, k), content=content, kind="direct", cls="speech")

    def _verbal(self, doc: Doc, sent: Span, v: Token, quotes: list[TokSpan]) -> Found | None:
        lemma = v.lemma_.lower()
        cls = self.cues.verb_class(lemma) or "speech"
        if v.dep_ in ("amod", "compound", "nmod"):
            return None
        children = list(v.children)
        subj = [c for c in children if c.dep_ in _SUBJECTS]
        if subj and subj[0].lower_ in _FIRST_SECOND and lemma in self.cues.first_person_hedges \
                and any(qa < v.i < qb for qa, qb in quotes):
            return None
        if cls == "direct_only":
            return self._direct(doc, sent, v, quotes, cls)
        if cls == "appearance":
            return self._appearance(doc, v)
        cue_end = v.i + 1
        content: list[TokSpan] = []
        addressee: Token | None = None
        allows = self.cues.allows
        for c in children:
            if c.dep_ in ("ccomp", "csubj") and c.i != v.i and allows(lemma, "ccomp"):
                content.append(_span_of(c))
            elif c.dep_ == "advcl" and c.i > v.i and cls != "relay" and any(
                    m.dep_ == "mark" and (m.lower_ in ("for", "whether")
                                          or m.lower_ == "if" and cls in ("speech", "belief"))
                    for m in c.children):
                # "calling for the US to step up", "asked whether ...": parsed as adverbial; "if"
                # after a verb of saying or knowing opens an indirect question ("asked if she
                # would run", "did not know if"), the parser's conditional reading aside.
                content.append(_span_of(c))
            elif c.dep_ == "xcomp" and (cls in ("belief", "speech", "intent") or lemma in ("seek", "want")) \
                    and allows(lemma, "xcomp"):
                content.append(_span_of(c))
        dobjs = [c for c in children if c.dep_ in ("dobj", "dative")]
        as_phrase = [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i]
        if not content and dobjs and as_phrase and cls in ("belief", "speech"):
            # "sees Cruz as a uniter", "described the plan as reckless": the object and its
            # predicate together are what is claimed.
            content.append((dobjs[0].left_edge.i, as_phrase[0].right_edge.i + 1))
            dobjs = []
        for d in dobjs:
            if lemma in _ADDRESSEE_VERBS and (content or d.dep_ == "dative" or d.pos_ in ("PRON", "PROPN")
                                               or d.lemma_.lower() in self.cues.media
                                               or d.lemma_.lower() in self.cues.anonymous):
                addressee = d
            elif not content and cls != "relay" and (cls != "belief" or lemma in self.cues.object_beliefs) \
                    and allows(lemma, "dobj"):
                content.append(_span_of(d))
        for c in children:
            if not content and c.dep_ in ("intj", "advmod", "dobj") and c.lower_ in _ANSWERS and c.i > v.i:
                content.append((c.i, c.i + 1))
            if c.dep_ == "prt":
                cue_end = max(cue_end, c.i + 1)
        if not content:
            # "explained to journalists that ...", misparsed as a relative clause on the addressee.
            for c in children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    for o in c.children:
                        rel = [r for r in o.children if r.dep_ == "relcl" and r.left_edge.lower_ == "that"]
                        if o.dep_ == "pobj" and rel:
                            content.append(_span_of(rel[0]))
                            addressee = o
        if not content and cls != "relay":
            # "O'Malley's move was first reported by MSNBC", "a proposal rejected by 64 percent of
            # voters": a passive cue with an agent reports its grammatical subject.
            agent = [c for c in children if c.dep_ == "agent" and any(o.dep_ == "pobj" for o in c.children)]
            patient = [c for c in children if c.dep_ == "nsubjpass"]
            if agent and patient:
                content.append(_span_of(patient[0]))
            elif agent and v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
                content.append((v.head.left_edge.i, v.head.i + 1))
        if not content and cls != "relay" and v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PRON") \
                and _object_gap(v) and allows(lemma, "dobj"):
            # "a deal she once supported", "the point officials disputed": the noun a relative
            # clause leaves out as the verb's object is what the subject says or holds.
            content.append((v.head.left_edge.i, v.head.i + 1))
        if not content and cls != "relay" and (allows(lemma, "prep") or lemma in self.cues.topic_verbs):
            for c in children:
                if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > v.i:
                    objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")
                            and o.ent_type_ not in ("DATE", "TIME")]  # "on Tuesday" is not a topic
                    if not allows(lemma, "prep") and c.lower_ not in _TOPIC_PREPS:
                        continue  # "spoke at the rally" is not a claim, "spoke about jobs" is
                    if objs and (c.lower_ != "to" or lemma in ("refer", "point", "respond", "reply", "object")):
                        content.append(_span_of(objs[0]))
                        if c.i <= cue_end + 1:
                            cue_end = c.i + 1
                        break
        kind = "indirect"
        if not content and cls not in ("belief", "stance"):
            # A belief or a stance is held towards an argument of its verb. Without one, the clause
            # the verb hangs on ("as opposed to X", "you know, look, my life ...") is rarely what
            # is believed (about a quarter of the time on PolNeAR train); a colon still introduces
            # it ("Christie was thinking: ...").
            adjacent = cls != "intent" and allows(lemma, "quote")
            content = self._inverted(doc, sent, v, quotes, adjacent_quotes=adjacent)
            kind = "direct" if content else kind
        if not content:
            content = self._after_colon(doc, sent, v.i, quotes)
            kind = "direct" if content else kind
        if not content:
            return None
        if max(b for _, b in content) <= v.i:
            # '"...," he said, training fighters ...': trailing participles continue the claim.
            content += [_span_of(c) for c in children if c.dep_ in ("advcl", "conj") and c.i > v.i
                        and c.tag_ == "VBG" and c.lemma_.lower() not in self.cues.verbs]
        source = _same_paragraph(doc, self._source(doc, v), v.i)
        cue_start = v.i
        for c in v.lefts:
            if c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "advmod" and c.lower_ in ("also", "repeatedly", "reportedly")):
                if c.i == cue_start - 1:
                    cue_start = c.i
        if source is not None and source[0] < cue_start < source[1]:
            cue_start = source[1]
        holes = [(cue_start, cue_end)] + ([source] if source else [])
        content = _clean_parts(doc, [p for part in content for p in _minus(part, holes)])
        if not content:
            return None
        if any(a <= q[0] and q[1] <= b for q in quotes for a, b in content):
            kind = "mixed" if kind == "indirect" else "direct"
        f = Found(cue=(cue_start, cue_end), source=source, content=content, kind=kind, cls=cls)
        if addressee is not None and self._is_media(doc, addressee):
            f.relays.append(RelaySpan((addressee.left_edge.i, addressee.i + 1), v.text))
        if cls == "relay" and lemma in ("quote", "cite"):
            self._quote_relay(doc, v, f)
        f.relays.extend(self._relays_in(doc, sent, f, exclude=[]))
        return f

    def _light(self, doc: Doc, sent: Span, v: Token, quotes: list[TokSpan]) -> Found | None:
        """'made the case for X', 'issued a statement: ...', 'took a shot at Y': a light verb whose
        object names an act of saying; verb and noun are the cue, what the noun is about the content."""
        objs = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in self.cues.light_nouns]
        if not objs:
            return None
        noun = objs[0]
        cue_end = noun.i + 1
        content: list[TokSpan] = []
        # The noun's own clause or prepositional object first ("the case that ...", "the case for
        # X"), then the verb's, after the noun ("made the case, saying ...").
        found = _light_content(noun.children, noun.i, cue_end, lambda c: c.dep_ in (
            "acl", "ccomp", "relcl") and (
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or c.tag_ == "VBG"
                or any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)))
        if found is None:
            found = _light_content(v.children, noun.i, cue_end, lambda c: c.dep_ == "ccomp" or (
                c.dep_ == "advcl" and c.tag_ == "VBG"))
        if found is not None:
            span, cue_end = found
            content.append(span)
        if not content:
            content = self._after_colon(doc, sent, noun.i, quotes)
        if not content:
            return None
        source = _same_paragraph(doc, self._source(doc, v), v.i)
        if source is None:
            return None
        cue = (v.i, cue_end)
        content = _clean_parts(doc, [p for part in content for p in _minus(part, [cue, source])])
        if not content:
            return None
        kind = "direct" if any(a <= q[0] and q[1] <= b for q in quotes for a, b in content) else "indirect"
        f = Found(cue=cue, source=source, content=content, kind=kind, cls="speech")
        f.relays = self._relays_in(doc, sent, f, exclude=[])
        return f

    def _direct(self, doc: Doc, sent: Span, v: Token, quotes: list[TokSpan], cls: str) -> Found | None:
        content = self._inverted(doc, sent, v, quotes) or self._after_colon(doc, sent, v.i, quotes)
        source = self._source(doc, v)
        if not content or source is None:
            return None
        holes = [(v.i, v.i + 1), source]
        content = _clean_parts(doc, [p for part in content for p in _minus(part, holes)])
        return Found(cue=(v.i, v.i + 1), source=source, content=content, kind="direct", cls=cls) if content else None

    def _appearance(self, doc: Doc, v: Token) -> Found | None:
        comp = [c for c in v.children if c.dep_ in ("xcomp", "ccomp", "acomp", "attr")]
        if not comp:
            return None
        subj = [c for c in v.children if c.dep_ in _SUBJECTS and c.lower_ not in ("it", "there")]
        parts = [_span_of(s) for s in subj[:1]] + [_span_of(comp[0])]
        content = _clean_parts(doc, parts)
        return Found(cue=(v.i, v.i + 1), source=None, content=content, kind="appearance",
                     cls="appearance") if content else None

    def _adjectival(self, doc: Doc, sent: Span, adj: Token, quotes: list[TokSpan]) -> Found | None:
        cop = adj.head if adj.dep_ == "acomp" else adj
        subj = [c for c in cop.children if c.dep_ in _SUBJECTS]
        if not subj or subj[0].pos_ == "PRON" and subj[0].lower_ == "it":
            return None
        content: list[TokSpan] = []
        for c in list(adj.children) + list(cop.children):
            if c.dep_ in ("ccomp",) or (c.dep_ == "xcomp" and c.i > adj.i):
                content.append(_span_of(c))
            elif c.dep_ == "prep" and c.lower_ in _ADJ_PREPS and c.i > adj.i:
                content.append(_span_of(c))
        if not content:
            content = self._after_colon(doc, sent, adj.i, quotes)
        if not content and cop.dep_ in ("ccomp", "parataxis") and cop.head.i > adj.i:
            content = _minus(_span_of(cop.head), [_span_of(cop)])
        source = _span_of(subj[0])
        cue = (min(cop.i, adj.i), adj.i + 1)
        content = _clean_parts(doc, [p for part in content for p in _minus(part, [cue, source])])
        if not content:
            return None
        f = Found(cue=cue, source=source, content=content, kind="belief", cls="belief")
        f.relays = self._relays_in(doc, sent, f, exclude=[])
        return f

    def _nominal(self, doc: Doc, n: Token) -> Found | None:
        clauses = [c for c in n.children if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        poss = [c for c in n.children if c.dep_ == "poss"]
        if not clauses and poss and n.lemma_.lower() in self.cues.possessed_nouns:
            # "Trump's call to ban ...", "her support for the deal": with an owner named, the
            # noun's infinitive or prepositional object is what the owner says or wants.
            clauses = [c for c in n.children if c.i > n.i and (
                (c.dep_ in ("acl", "relcl") and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children))
                or (c.dep_ == "prep" and c.lower_ in _NOUN_PREPS))]
        if not clauses:
            return None
        agent = [o for c in n.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 for o in c.children if o.dep_ == "pobj"]
        src_tok = (poss or agent or [None])[0]
        source = _span_of(src_tok) if src_tok is not None else None
        content = _clean_parts(doc, [_span_of(clauses[0])])
        if not content:
            return None
        return Found(cue=(n.i, n.i + 1), source=source, content=content, kind="nominal", cls="speech")

    # -- parts ----------------------------------------------------------------------------------

    def _source(self, doc: Doc, v: Token) -> TokSpan | None:
        """Return the source span of a cue verb, climbing through xcomp/conj/relcl/acl."""
        cur = v
        came_by = ""
        for _ in range(4):
            subj = [c for c in cur.children if c.dep_ in _SUBJECTS]
            if subj:
                # With two subjects (a misparse joining a stray line), the one nearest the verb.
                s = min(subj, key=lambda c: abs(c.i - cur.i))
                if s.lower_ in ("it", "there") and cur.i == v.i:
                    return None
                return _span_of(s)
            agent = [o for c in cur.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            if agent:
                return _span_of(agent[0])
            passive = [c for c in cur.children if c.dep_ == "nsubjpass"]
            if passive:
                # "X is expected to endorse": the raised subject holds the cue below; a passive
                # cue itself ("X was quoted") has no source of its own.
                return _span_of(passive[0]) if cur.i != v.i and came_by == "xcomp" else None
            if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                head = cur.head
                return head.left_edge.i, head.i + 1
            if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
                came_by = cur.dep_
                cur = cur.head
                continue
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
                # "began by saying", "impassioned in defending me": the subject of the clause
                # the preposition attaches to.
                came_by = "pcomp"
                cur = cur.head.head
                continue
            return None
        return None

    def _inverted(self, doc: Doc, sent: Span, v: Token, quotes: list[TokSpan],
                  adjacent_quotes: bool = True) -> list[TokSpan]:
        """Content of '..., he said' and 'as X reported' constructions, and adjacent quotes."""
        # "as X said": the claim is the clause the as-phrase modifies.
        cur = v
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            if cur.lower_ == "as" and cur.dep_ in ("prep", "mark", "advmod"):
                return _minus(_span_of(cur.head), [_span_of(cur)])
            if any(c.dep_ == "mark" and c.lower_ == "as" for c in cur.children) and cur.i == v.i:
                return _minus(_span_of(cur.head), [_span_of(cur)])
            cur = cur.head
        # "..., he said": a reporting clause with its own subject and no subordinator.
        own_subject = any(c.dep_ in _SUBJECTS for c in v.children)
        subordinate = any(c.dep_ == "mark" for c in v.children)
        if v.dep_ in ("parataxis", "ccomp", "advcl") and v.head.i < v.i and own_subject and not subordinate:
            return _minus(_span_of(v.head), [_span_of(v)])
        if v.dep_ == "parataxis" and v.head.i > v.i and own_subject and not subordinate \
                and _between_commas(doc, v):
            # "Many days, former employees said, she would stay ...": a reporting clause set off
            # by commas inside the clause it reports.
            return _minus(_span_of(v.head), [_span_of(v)])
        if not adjacent_quotes:
            return []
        for qa, qb in quotes:
            if qa >= sent.end or qb <= v.i - 5:
                continue
            if qb <= sent.start and (v.i - sent.start > 4 or "\n" in doc[qb - 1:v.i].text_with_ws):
                # A quotation closing the previous sentence ('... long quote.” \n Weaver said.')
                # only when the cue's sentence is a bare reporting clause in the same paragraph.
                continue
            if qb <= v.i and v.i - qb <= 4 or qa >= v.i + 1 and qa - v.i <= 4:
                return [(qa, qb)]
        return []

    def _after_colon(self, doc: Doc, sent: Span, i: int, quotes: list[TokSpan]) -> list[TokSpan]:
        for k in range(i + 1, min(i + 3, sent.end)):
            if doc[k].text == ":":
                block = _colon_block(doc, k)
                if block is not None:
                    return [block]
                end = sent.end
                for qa, qb in quotes:
                    if k < qa <= k + 2:
                        end = max(end, qb)
                return [(k + 1, end)] if end > k + 1 else []
            if not doc[k].is_punct and doc[k].dep_ not in ("advmod", "prt"):
                break
        return []

    def _extend_quotes(self, doc: Doc, f: Found, quotes: list[TokSpan]) -> list[TokSpan]:
        """Extend content parts that open a quote to the quote's end (quotes span sentences)."""
        out = []
        for a, b in f.content:
            for qa, qb in quotes:
                if a <= qa < b < qb and not (f.cue[0] >= b and f.cue[0] < qb):
                    b = qb
            out.append((a, b))
        return out

    def _continuation(self, doc: Doc, f: Found, quotes: list[TokSpan]) -> list[TokSpan]:
        """A quote that opens the next sentence of the paragraph continues a direct quotation."""
        if not f.content or max(b for _, b in f.content) > f.cue[0]:
            return []
        first = min(f.cue[0], f.source[0] if f.source else f.cue[0])
        last = max(b for _, b in f.content)
        if not any(last <= qb <= first for _, qb in quotes):
            return []
        end = doc[f.cue[0]].sent.end
        k = end
        while k < len(doc) and doc[k].is_space:
            k += 1
        if "\n" in doc[end - 1:k].text_with_ws.rstrip(" ") or k >= len(doc):
            return []
        for qa, qb in quotes:
            if qa == k:
                return [(qa, qb)]
        return []

    def _relays_in(self, doc: Doc, sent: Span, f: Found, exclude: list[TokSpan]) -> list[RelaySpan]:
        """Channels named in the sentence: 'in an interview with X', 'in a statement to X'."""
        relays = []
        for t in sent:
            if t.dep_ != "pobj" or t.lemma_.lower() not in self.cues.channels:
                continue
            if t.head.lower_ not in ("in", "during", "on", "at"):
                continue
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "to", "for", "on", "by"):
                    for o in p.children:
                        if o.dep_ == "pobj" and (o.pos_ == "PROPN" or self._is_media(doc, o)):
                            relays.append(RelaySpan(_entity_span(o), t.lemma_.lower()))
        return relays

    def _quote_relay(self, doc: Doc, v: Token, f: Found) -> None:
        """'X quoted Y' names a relay; the outlet is the relay, the other party the claimant."""
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if not objs:
            return
        obj = objs[0]
        obj_span = _span_of(obj)
        f.content = _clean_parts(doc, [p for part in f.content for p in _minus(part, [obj_span])]) or f.content
        src_tok = doc[f.source[1] - 1] if f.source else None
        if self._is_media(doc, obj) and not (src_tok is not None and self._is_media(doc, src_tok)):
            f.relays.append(RelaySpan(_entity_span(obj), v.text))
        elif f.source is not None:
            f.relays.append(RelaySpan(f.source, v.text))
            f.source = obj_span

    def _sourcelike(self, t: Token) -> bool:
        """Whether a noun phrase can speak: a name, an outlet or an anonymous source noun."""
        low = t.lemma_.lower()
        return t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
            low in self.cues.anonymous or low in self.cues.media or low in self.cues.study_nouns

    def _is_media(self, doc: Doc, t: Token) -> bool:
        """Whether a noun phrase names an outlet or journalists (not a party to the events)."""
        words = {c.lemma_.lower() for c in t.subtree if c.i <= t.i} | {t.lemma_.lower()}
        if words & self.cues.media:
            return True
        a, b = _entity_span(t)
        # Titles of outlets are often set in quotation marks ("Ukrainska Pravda").
        before = doc[a - 1].text if a > 0 else ""
        after = doc[b].text if b < len(doc) else ""
        return t.pos_ == "PROPN" and before in OPEN_QUOTES | STRAIGHT_QUOTES and after in CLOSE_QUOTES | STRAIGHT_QUOTES


def _object_gap(v: Token) -> bool:
    """Whether the relative clause headed by v has its own subject and lacks an object (the head
    noun fills it): "the plan she backed"; not with a stranded preposition ("the rally he
    spoke at"), whose object is the gap."""
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    if not subj or subj[0].tag_ in ("WDT", "WP") or subj[0].lower_ == "that":
        return False
    objs = [c for c in v.children if c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr", "oprd")]
    return all(o.tag_ in ("WDT", "WP") or o.lower_ == "that" for o in objs) and \
        not any(c.dep_ == "prep" and not list(c.children) for c in v.children)


def _between_commas(doc: Doc, v: Token) -> bool:
    """Whether the clause headed by v is set off by commas (or dashes) on both sides."""
    a, b = v.left_edge.i, v.right_edge.i + 1
    marks = {",", "—", "–", "-"}
    opened = doc[a].text in marks or (a > 0 and doc[a - 1].text in marks)
    closed = doc[b - 1].text in marks or (b < len(doc) and doc[b].text in marks)
    return opened and closed


def _colon_block(doc: Doc, colon: int) -> TokSpan | None:
    """'Cruz continued:' closing a paragraph: the claim is the next paragraph, and the paragraphs
    after it while a quotation opened there runs on (news style reopens, never closes, a quote
    that continues into the next paragraph)."""
    k = colon + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or "\n" not in doc[colon:k].text_with_ws:
        return None
    start = end = k
    for _ in range(_MAX_BLOCK_PARAGRAPHS):
        end = _paragraph_end(doc, start)
        para = doc[start:end]
        opened = para[0].text in OPEN_QUOTES | STRAIGHT_QUOTES
        if para[0].text in STRAIGHT_QUOTES:
            closed = sum(t.text in STRAIGHT_QUOTES for t in para) % 2 == 0
        else:
            closed = any(t.text in CLOSE_QUOTES for t in para[1:])
        nxt = end
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if not opened or closed or nxt >= len(doc) or doc[nxt].text not in OPEN_QUOTES | STRAIGHT_QUOTES:
            break
        start = nxt
    return k, end


def _paragraph_end(doc: Doc, start: int) -> int:
    """Return the index just past the last token of the paragraph that starts at `start`."""
    for t in doc[start:]:
        if "\n" in t.text_with_ws:
            return t.i + 1
    return len(doc)


def _clip_paragraph(doc: Doc, parts: list[TokSpan], cue: int, breaks: list[int]) -> list[TokSpan]:
    """Keep content inside the cue's paragraph, plus a quote continued in the next one only when
    the cue's own paragraph has nothing after the cue (handled by the quote rules, not here).
    A paragraph ending in a colon after the cue extends to the block it introduces."""
    k = bisect.bisect_left(breaks, cue)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    hi = breaks[k] + 1 if k < len(breaks) else len(doc)
    last = hi - 1
    while last > cue and doc[last].is_space:
        last -= 1
    if last > cue and doc[last].text == ":":
        block = _colon_block(doc, last)
        if block is not None:
            hi = block[1]
    out = []
    for a, b in parts:
        a, b = max(a, lo), min(b, hi)
        t = _trim(doc, (a, b)) if b > a else None
        if t:
            out.append(t)
    return out


def _same_paragraph(doc: Doc, span: TokSpan | None, cue: int) -> TokSpan | None:
    """Cut a source span at paragraph breaks, keeping the part next to the cue (misparses join
    a heading or a boilerplate line to the next paragraph's subject)."""
    if span is None:
        return None
    a, b = span
    for k in range(a, b):
        if "\n" in doc[k].text_with_ws:
            if k < cue:
                a = k + 1
            else:
                b = k + 1
                break
    a_trim = _trim(doc, (a, b))
    return a_trim


def _entity_span(t: Token) -> TokSpan:
    """The noun phrase of t without surrounding quote marks."""
    a, b = t.left_edge.i, t.right_edge.i + 1
    doc = t.doc
    while a < b and (doc[a].is_punct or doc[a].is_quote):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_quote):
        b -= 1
    return a, b


def _cover_quotes(found: list[Found], quotes: list[TokSpan]) -> None:
    """A quotation belongs whole to the attribution whose content covers its start or end."""
    for qa, qb in quotes:
        for f in found:
            if qa <= f.cue[0] < qb:
                continue
            parts = f.content
            for k, (a, b) in enumerate(parts):
                if (a <= qa < b or a < qb <= b) and not (a <= qa and qb <= b):
                    parts[k] = (min(a, qa), max(b, qb))
                    break


def _split_participles(doc: Doc, found: list[Found]) -> None:
    """'She said X, saying that Y' / 'said X, but added “Y”': a reporting clause coordinated
    with or appended to another report is its own attribution by the same source, not part of
    the first one's content (PolNeAR splits them; a claim in Y is made by saying Y)."""
    for f in found:
        if f.outer is None or f.kind not in ("indirect", "direct", "mixed"):
            continue
        g = found[f.outer]
        v = doc[f.cue[1] - 1]
        if v.dep_ not in ("advcl", "conj") or v.tag_ not in ("VBG", "VBD", "VBZ", "VBP", "VBN"):
            continue
        a, b = _span_of(v)
        while a > 0 and doc[a - 1].text in (",", "and", "but", ";", "—", "–"):
            a -= 1
        marks = (",", ";", "—", "–") if v.dep_ == "advcl" else (",", ";", "—", "–", "and", "but")
        if not any(x.lower_ in marks for x in doc[a:min(f.cue[0], a + 3)]):
            continue
        if a <= g.cue[0] < b:
            continue
        g.content = _clean_parts(doc, [p for part in g.content for p in _minus(part, [(a, b)])])
        if not g.content:
            continue
        if f.source is None or not any(c.dep_ in _SUBJECTS for c in v.children):
            # A participle without its own subject speaks for the report's source (the parser
            # often hangs it on the reported clause, whose subject is someone else).
            f.source = g.source
        f.outer = g.outer


def _link_nesting(found: list[Found]) -> None:
    """Point each attribution at the smallest other attribution whose content holds its cue.

    Where two attributions hold each other's cue (a misparse), neither is nested.
    """
    # Quadratic in the attributions of a document (hundreds in a long transcript), so the cheap
    # hull test rules out most pairs before the part-by-part test.
    hulls = [f.content_hull or (0, 0) for f in found]
    sizes = [f.content_size() for f in found]
    for i, f in enumerate(found):
        best = None
        cue = f.cue[0]
        for j, g in enumerate(found):
            if i == j or not hulls[j][0] <= cue < hulls[j][1]:
                continue
            if not g.contains(cue) or f.contains(g.cue[0]):
                continue
            if best is None or sizes[j] < sizes[best]:
                best = j
        f.outer = best


def _light_content(children: Iterable[Token], after: int, cue_end: int,
                   is_clause: Callable[[Token], bool]) -> tuple[TokSpan, int] | None:
    """The first content after token `after` among `children`: a clause `is_clause` accepts, or
    the object of a light verb's preposition (which then joins the cue when it follows it)."""
    for c in children:
        if c.i <= after:
            continue
        if is_clause(c):
            return _span_of(c), cue_end
        obj = _light_prep_object(c)
        if obj is not None:
            return _span_of(obj), c.i + 1 if c.i == cue_end else cue_end
    return None


def _light_prep_object(tok: Token) -> Token | None:
    """The object of a preposition that carries a light verb's content ("the case for X")."""
    if tok.dep_ != "prep" or tok.lower_ not in _LIGHT_PREPS:
        return None
    return next((o for o in tok.children if o.dep_ in ("pobj", "pcomp")), None)
