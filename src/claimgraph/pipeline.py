"""The main job: raw items -> cleaned documents -> parsed -> coded records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph import nlp as nlp_backbone
from claimgraph.actors import ActorResolver
from claimgraph.actors.mention import Mention
from claimgraph.claims import ClaimLayer
from claimgraph.claims.speakers import speak_for
from claimgraph.claims.turns import find_turns
from claimgraph.clean import make_document
from claimgraph.clean.headline import parse_copy
from claimgraph.errors import InputError
from claimgraph.events import EventCoder
from claimgraph.events import combine
from claimgraph.events import ranker as ranker_mod
from claimgraph.events.combine import Combiner
from claimgraph.events.ranker import Context, ParticipantRanker
from claimgraph.events.match import EventMatch
from claimgraph.model import Attribution, Document, Event, Record, Statement, stable_id, to_date
from claimgraph.sources import RawItem


#: bodies longer than this many characters are parsed in segments (cut at paragraph, line or
#: sentence ends) and joined again
SEGMENT_CHARS = 20_000
#: at most this many characters are parsed in one nlp.pipe batch
BATCH_CHARS = 50_000


@dataclass
class Pipeline:
    """Turns raw items into records; one instance per process (it holds the spaCy pipeline)."""

    nlp: Language = field(default_factory=nlp_backbone.load)
    resolver: ActorResolver = field(default_factory=ActorResolver.default)
    coder: EventCoder = field(default_factory=EventCoder.default)
    claims: ClaimLayer = field(default_factory=ClaimLayer)
    #: the learned combination over the rule coder's events (gate, keep, add); None: rules alone
    learned: Combiner | None = field(default_factory=combine.default)
    #: the learned filler of missing actors and recipients; None leaves them as the rules found them
    ranker: ParticipantRanker | None = field(default_factory=ranker_mod.default)
    batch_size: int = 16

    def run(self, items: Iterable[RawItem | InputError]) -> Iterator[Record | InputError]:
        """Yield a record (or the input's error) per item, in input order."""
        return self.run_documents(self._documents(items))

    def run_documents(self, documents: Iterable[Document | InputError]) -> Iterator[Record | InputError]:
        """Yield a record (or the error) per already cleaned document, in input order."""
        for batch in _batches(documents, self.batch_size):
            docs = [d for d in batch if isinstance(d, Document) and _codable(d)]
            texts = [self.headline_text(d) for d in docs] + [d.text for d in docs]
            parsed = self._parse(texts)
            heads = dict(zip(map(id, docs), parsed[: len(docs)]))
            bodies = dict(zip(map(id, docs), parsed[len(docs):]))
            for d in batch:
                if isinstance(d, InputError):
                    yield d
                elif id(d) in bodies:
                    yield self._code_safely(d, bodies[id(d)], heads[id(d)] if d.title else None)
                else:
                    yield Record(d)

    def headline_text(self, document: Document) -> str:
        """The title as the parser reads it: a title-case headline with its common words in
        lower case (same length, so offsets into it are offsets into the title)."""
        return parse_copy(document.title or "", document.text, self.resolver.name_words)

    def _parse(self, texts: list[str]) -> list[Doc]:
        """Parse texts in input order, long ones in segments joined again into one Doc."""
        # spaCy's working memory grows with the text it parses at once (about 3 KB a character),
        # and one input may be a book-length transcript: segments and character-capped batches
        # bound it whatever the input, at no cost in speed.
        pieces = [_segments(text, SEGMENT_CHARS) for text in texts]
        flat = [p for parts in pieces for p in parts]
        parsed = iter([doc for group in _by_chars(flat, BATCH_CHARS) for doc in self.nlp.pipe(group)])
        out = []
        for parts in pieces:
            docs = [next(parsed) for _ in parts]
            out.append(docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False))
        return out

    def _documents(self, items: Iterable[RawItem | InputError]) -> Iterator[Document | InputError]:
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield make_document(item)
            except InputError as exc:
                yield exc

    def _code_safely(self, document: Document, doc: Doc, head: Doc | None) -> Record | InputError:
        # A coder bug on one odd document must not abort an archive-sized run; the document is
        # reported like any rejected input, with the reason, and the run goes on.
        try:
            return self.code_document(document, doc, head)
        except Exception as exc:  # noqa: BLE001
            origin = document.source_path or document.id
            return InputError(origin, f"could not be coded ({type(exc).__name__}: {exc})")

    def code_document(self, document: Document, doc: Doc, head: Doc | None = None) -> Record:
        """Code one cleaned document whose body is parsed in `doc` and headline in `head`."""
        record = Record(document)
        published = to_date(document.published)
        if document.title:
            head = head if head is not None else self.nlp(self.headline_text(document))
            statements, _ = self._code(document, head, published, headline=True)
            record.statements.extend(statements)
        statements, record.attributions = self._code(document, doc, published, headline=False)
        record.statements.extend(statements)
        return record

    def _code(self, document: Document, doc: Doc, published: dt.date | None,
              headline: bool) -> tuple[list[Statement], list[Attribution]]:
        mentions = self.resolver.find(doc, published)
        # a transcript's turns say who speaks, and so who "I" and "we" are
        turns = [] if headline else find_turns(doc, mentions)
        if turns:
            mentions = speak_for(doc, mentions, turns)
        claims = self.claims.analyze(doc, mentions, published, headline=headline, turns=turns)
        sents = list(doc.sents)
        coded = [self.coder.code(sent, mentions) for sent in sents]
        if self.learned is not None:
            code_at = getattr(self.coder, "code_at", None)
            taken = frozenset(i for m in mentions for i in range(m.start, m.end))
            coded = self.learned.apply(
                sents, coded, (lambda sent, tok, t: code_at(sent, mentions, tok, t)) if code_at else None, taken)
        ctx = Context.of(doc, mentions) if self.ranker is not None else None
        out: list[Statement] = []
        for i, (sent, matches) in enumerate(zip(sents, coded)):
            for match in matches:
                if ctx is not None:
                    self.ranker.apply(ctx, i, sent, match, claims.claimant(match.trigger)[0])
                out.append(self._statement(document, doc, sent, -1 if headline else i, match,
                                           claims, headline))
        return out, claims.attributions

    def _statement(self, document: Document, doc: Doc, sent, index: int, match: EventMatch,
                   claims, headline: bool) -> Statement:
        status, hedged = claims.status(match.trigger)
        claimant, via = claims.claimant(match.trigger)
        # Sentences carry the paragraph break after them; the evidence is the sentence alone.
        text = sent.text.rstrip()
        span = None if headline else (sent.start_char, sent.start_char + len(text))
        evidence = document.title if headline else text
        # Whoever makes the claim stands outside its content: the claimant's own words can be no
        # participant of the event claimed (a parse that hangs "X is sure: Y will ..." off X),
        # unless the claim is a denial of the claimant's own act ("X denied attacking it").
        own = claimant is not None and claims.own_act(match.trigger)
        claimed = claimant.span if claimant else None
        actors = _outside(_unique(match.actors), None if own else claimed, match.inferred)
        recipients = _outside(_unique(match.recipients), claimed, match.inferred)
        actor_codes = ",".join(sorted(str(m.code) for m in actors))
        actor_refs, recipient_refs = [m.ref() for m in actors], [m.ref() for m in recipients]
        if headline:
            # The headline was parsed in a case-normalised copy: the texts are the title's own.
            for ref in (*actor_refs, *recipient_refs, claimant):
                if ref is not None and ref.span:
                    ref.text = (document.title or "")[ref.span[0]:ref.span[1]]
        return Statement(
            id=stable_id(document.id, index, match.trigger, match.type, actor_codes),
            sentence=index,
            span=span,
            evidence=evidence or "",
            event=Event(type=match.type, mode=match.mode, cameo=match.cameo,
                        quad_class=match.quad_class, intensity=match.intensity,
                        trigger=match.trigger_text, context=list(match.context)),
            actor=actor_refs,
            recipient=recipient_refs,
            status=status,
            hedged=hedged,
            claimant=claimant,
            via=via,
            when=claims.when(match.trigger),
            where=match.where,
            confidence=match.confidence,
            spans_in="title" if headline else "text",
        )


def build(lexicons: Iterable[str] = (), petrarch_verbs: Iterable[str] = (), learned: bool = True,
          without: Iterable[str] = ()) -> Pipeline:
    """Build a Pipeline whose event coder also reads `lexicons` (YAML), or is driven by PETRARCH
    verb dictionaries when `petrarch_verbs` are given; `learned` adds the shipped classifier over
    the rule coder (never over PETRARCH's) with the participant ranker, less the learned steps
    named in `without`.
    Picklable through functools.partial."""
    verbs = [Path(p) for p in petrarch_verbs]
    if verbs:
        from claimgraph.events.petrarch_coder import PetrarchCoder

        return Pipeline(coder=PetrarchCoder.from_files(verbs), learned=None, ranker=None)
    combiner = combine.default(frozenset(without)) if learned else None
    ranker = ranker_mod.default(frozenset(without)) if learned else None
    extra = [Path(p) for p in lexicons]
    coder = EventCoder.from_files(extra) if extra else EventCoder.default()
    return Pipeline(coder=coder, learned=combiner, ranker=ranker)


def _outside(mentions: list[Mention], span: tuple[int, int] | None, inferred: list[Mention]) -> list[Mention]:
    """Mentions outside the claimant's words, except those the ranker inferred on purpose."""
    if span is None:
        return mentions
    return [m for m in mentions if m.end_char <= span[0] or m.start_char >= span[1]
            or any(m is x for x in inferred)]


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple] = set()
    out = []
    for m in mentions:
        key = (m.start, m.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _segments(text: str, limit: int) -> list[str]:
    """Cut text into pieces of about `limit` characters; the pieces joined are the text.

    Cuts fall at a paragraph break, else a line break, else a sentence end, else a space, in the
    second half of each window (flattened transcripts can be one 150,000-character line).
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        lo, end = start + limit // 2, start + limit
        cut = _cut(text, lo, end)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def _cut(text: str, lo: int, end: int) -> int:
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, lo, end)
        if at >= 0:
            return at + len(sep)
    last = None
    for last in _SENTENCE_END.finditer(text, lo, end):
        pass
    if last is not None:
        return last.end()
    return text.rfind(" ", lo, end) + 1 or end


def _by_chars(texts: list[str], limit: int) -> Iterator[list[str]]:
    """Group texts in order into lists holding at most `limit` characters (a longer text alone)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > limit:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def _codable(document: Document) -> bool:
    return document.language == "en" and bool(document.text.strip())


def _batches(it: Iterable, n: int) -> Iterator[list]:
    batch: list = []
    for x in it:
        batch.append(x)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch
