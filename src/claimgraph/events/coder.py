"""The event coder: PLOVER events with their actors, recipients and place, from a dependency parse."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from claimgraph.actors.context import is_materiel
from claimgraph.actors.mention import Mention
from claimgraph.claims import lexicon as claims_lexicon
from claimgraph.events import lexicon as lexicon_mod
from claimgraph.events.lexicon import Entry, Lexicon
from claimgraph.events.match import EventMatch
from claimgraph.model import Where

_NOMINAL = {"NOUN", "PROPN"}
_NAMED = {"NORP", "GPE", "ORG", "PERSON"}
_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_RELATIVE_TAGS = {"WP", "WDT"}  # "who", "which": a relative clause's subject is its head noun
_COMPLEMENTS = {"xcomp", "ccomp"}
_PHRASE_DEPS = {"prt", "prep", "dobj", "oprd", "acomp", "dative", "attr"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_TIMES = {"DATE", "TIME"}
# Mentions that name where something is: countries, and cities or regions (coded to their country)
_PLACE_KINDS = {"country", "place"}
# Mentions of a city (a capital or another) that can be the name of a thing: "the Minsk agreements"
_CITY_KINDS = {"capital", "place"}
_NAMING_DEPS = {"compound", "amod"}


def _object_modifiers(children: list[Token]) -> list[Token]:
    """Nouns that qualify a direct object: its compounds and the object of its "of" phrase."""
    out = []
    for c in children:
        if c.dep_ != "dobj":
            continue
        for g in c.children:
            if g.dep_ == "compound":
                out.append(g)
            elif g.dep_ == "prep" and g.lower_ == "of":
                out += [p for p in g.children if p.dep_ == "pobj"]
    return out


@dataclass
class _Candidate:
    """A trigger found in a sentence, before participants are attached."""

    token: Token
    entry: Entry
    words: list[Token]
    nominal: bool
    noun: Token | None = None
    embedded: list["_Candidate"] = field(default_factory=list)
    inside: bool = False  # the content of another (verbal) event, coded as part of it


class EventCoder:
    """Codes the events of a sentence; one instance per process (it holds the lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        rules = lexicon.rules
        self._recipient_preps = frozenset(rules["recipient_preps"])
        self._location_preps = frozenset(rules["location_preps"])
        self._coactor = frozenset(rules["coactor_markers"])
        self._np_deps = frozenset(rules["np_deps"])
        self._np_preps = frozenset(rules["np_preps"])
        self._place_nouns = frozenset(rules["place_nouns"])
        self._place_recipient = frozenset(rules["place_as_recipient"])
        self._type_preps = {t: frozenset(p) for t, p in rules["type_recipient_preps"].items()}
        self._threat_marks = frozenset(rules["threat_marks"])
        self._saying = frozenset(rules["saying_verbs"])
        self._demand_modals = frozenset(rules["demand_modals"])
        self._announced: dict[str, dict[str, str]] = rules["announced_as"]
        self._conditional: dict[str, dict[str, str]] = rules["conditional_as"]
        self._request = lexicon.entry("100", "demand")
        self._future_aux = frozenset(rules["future_aux"])
        self._intent = frozenset(rules["intent_heads"])
        self._future_as: dict[str, dict[str, str]] = rules["future_as"]
        self._embedding = frozenset(rules["embedding_types"])
        self._embedded: dict[str, dict[str, dict[str, str]]] = rules["embedded"]
        self._cues = {t: [(frozenset(c["words"]), c.get("mode"), c.get("cameo")) for c in cs]
                      for t, cs in rules["cues"].items()}
        self._verb_keys = (set(lexicon.verbs) | set(lexicon.light)
                           | {v for v, _ in lexicon.phrases} | {v for v, _ in lexicon.light_phrases})
        self._object_agent_preps = frozenset(rules["object_agent_preps"])
        self._condition_marks = frozenset(rules["condition_marks"])
        self._conditional_recipient = frozenset(rules["conditional_recipient_types"])
        self._theme_kinds = frozenset(rules["theme_kinds"])
        self._theme_types = frozenset(rules["theme_types"])
        self._reason_preps = frozenset(rules["reason_preps"])
        self._separation_nouns = frozenset(rules["separation_nouns"])
        self._separation_preps = frozenset(rules["separation_preps"])
        self._refuge_nouns = frozenset(rules["refuge_nouns"])
        self._refuge_preps = frozenset(rules["refuge_preps"])
        self._aggregate_nouns = frozenset(rules["aggregate_nouns"])
        self._subject_of_nouns = frozenset(rules["subject_of_nouns"])
        self._instrument_verbs = frozenset(rules["instrument_verbs"])
        self._non_agents = frozenset(rules["non_agents"])
        # the broadest CAMEO code of each PLOVER type, for events the lexicon did not name
        self._base_cameo: dict[str, str] = {}
        for code in sorted(lexicon.cameo, key=lambda c: (len(c), c)):
            row = lexicon.cameo[code]
            if row.type and row.type not in self._base_cameo and not row.mode:
                self._base_cameo[row.type] = code
        # Verbs of saying that deny (the claims layer's lists): "denied that X attacked" is the
        # speaker's claim that X did not attack, which the claims layer codes as negated
        self._denials = claims_lexicon.status().denial_verbs & claims_lexicon.cues().speech

    @classmethod
    def default(cls) -> "EventCoder":
        """Return a coder over the built-in lexicon (loaded once per process)."""
        return _default_coder()

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> "EventCoder":
        """Return a coder over the built-in lexicon extended by the given lexicon files."""
        return cls(lexicon_mod.load(paths))

    def code(self, sent: Span, mentions: Sequence[Mention]) -> list[EventMatch]:
        """Return the events of one sentence; `mentions` are all actor mentions of the Doc."""
        by_token = _by_token(sent, mentions)
        candidates = self._candidates(sent)
        if not candidates:
            return []
        self._nest(candidates)
        participants = self._participants(sent, by_token)
        out = []
        for cand in candidates.values():
            if cand.inside:
                continue
            match = self._match(cand, participants, by_token)
            if match is not None:
                out.append(match)
        out.sort(key=lambda m: m.trigger)
        return out

    def code_at(self, sent: Span, mentions: Sequence[Mention], token: Token, type_: str) -> EventMatch | None:
        """Code an event of `type_` triggered at `token`, which the lexicon does not know (the
        learned combination's proposal); participants, place and mode come from the same rules,
        and the event may have no named participant."""
        cameo = self._base_cameo.get(type_)
        if cameo is None:
            return None
        cand = _Candidate(token, Entry(type_, cameo, source="learned"), [token], token.pos_ in _NOMINAL)
        by_token = _by_token(sent, mentions)
        return self._match(cand, self._participants(sent, by_token), by_token, bare=True)

    # -- triggers ---------------------------------------------------------------------------

    def _candidates(self, sent: Span) -> dict[int, _Candidate]:
        found: dict[int, _Candidate] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
                cand = self._verb(tok)
                if cand is not None:
                    found[tok.i] = cand
                    if cand.noun is not None:
                        consumed.add(cand.noun.i)
                        if cand.noun.lemma_.lower() in self._aggregate_nouns:
                            # "carried out a series of attacks": the attacks are this event
                            consumed.update(self._of_objects(cand.noun))
        for tok in sent:
            if tok.pos_ in _NOMINAL and tok.i not in consumed and tok.i not in found:
                cand = self._noun(tok)
                if cand is not None:
                    found[tok.i] = cand
        self._demands(sent, found)
        return found

    def _verb_lemma(self, tok: Token) -> str:
        """The token's lemma, or a regular-inflection guess the lexicon knows ("staged" is
        lemmatised "stag" by the small model)."""
        lemma = tok.lemma_.lower()
        if lemma in self._verb_keys:
            return lemma
        word = tok.lower_
        guesses: tuple[str, ...] = ()
        if word.endswith("ed"):
            guesses = (word[:-1], word[:-2], word[:-3])
        elif word.endswith("ing"):
            guesses = (word[:-3] + "e", word[:-3], word[:-4])
        elif word.endswith("s"):
            guesses = (word[:-1], word[:-2])
        return next((g for g in guesses if g in self._verb_keys), lemma)

    def _verb(self, tok: Token) -> _Candidate | None:
        lex = self.lex
        lemma = self._verb_lemma(tok)
        if lemma in self._denials and self._denied_clause(tok) is not None:
            return None  # the denied clause is coded itself, negated and claimed by the denier
        # "made the area available to X": the parser hangs the adjective as a clause
        children = [c for c in tok.children if c.dep_ in _PHRASE_DEPS
                    or (c.dep_ in _COMPLEMENTS and c.pos_ == "ADJ")]
        for c in children:
            dep = lex.light_phrases.get((lemma, c.lemma_.lower()))
            if dep is not None:
                noun = self._light_noun(tok, dep, skip=c)
                if noun is not None:
                    entry = self._noun_entry(noun)
                    if entry is not None:
                        return _Candidate(tok, entry, [tok, c, noun], False, noun)
        dobj = next((c.i for c in children if c.dep_ == "dobj" and c.ent_type_ not in _TIMES), None)
        for c in children + _object_modifiers(children):
            entry = lex.phrases.get((lemma, c.lemma_.lower()))
            if c.dep_ == "prep" and dobj is not None and dobj < c.i:
                continue  # "called Zelenskyy on the fourth day" is no "call on"
            if entry is not None and self._satisfied(tok, entry):
                return _Candidate(tok, entry, [tok, c], False)
        dep = lex.light.get(lemma)
        if dep is not None:
            noun = self._light_noun(tok, dep)
            only = lex.light_only.get(lemma)
            if noun is not None and only is not None and noun.lemma_.lower() not in only:
                noun = None
            if noun is not None:
                entry = self._noun_entry(noun)
                if entry is not None:
                    return _Candidate(tok, entry, [tok, noun], False, noun)
        entry = lex.verbs.get(lemma)
        if entry is not None and self._satisfied(tok, entry):
            return _Candidate(tok, entry, [tok], False)
        return None

    def _denied_clause(self, tok: Token) -> Token | None:
        """The clause a verb of denial denies: "denied that X ...", "denied attacking ...",
        "dismissed claims that X ..."; None for a refusal ("refused to go", "rejected the plan",
        "rejected demands that X withdraw")."""
        for c in tok.children:
            if c.dep_ == "ccomp" or (c.dep_ in ("xcomp", "pcomp") and c.pos_ in ("VERB", "AUX")
                                     and not any(g.dep_ == "aux" and g.lower_ == "to"
                                                 for g in c.children)):
                if not self._directive(c):
                    return c
            elif c.dep_ == "dobj" and c.pos_ in _NOMINAL:
                for g in c.children:
                    if (g.dep_ in ("acl", "ccomp")
                            and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
                            and not self._directive(g)):
                        return g
        return None

    def _directive(self, clause: Token) -> bool:
        """Whether a that-clause says what should happen, not what did: "that Russia withdraw",
        "that Kyiv must cede"."""
        aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in self._demand_modals for c in aux):
            return True
        # a bare verb with no auxiliary is a subjunctive ("demanded that it cede territory")
        return (clause.tag_ == "VB" and not aux
                and any(c.dep_ in _SUBJECTS for c in clause.children))

    def _light_noun(self, tok: Token, dep: str, skip: Token | None = None) -> Token | None:
        for c in tok.children:
            if c is skip:
                continue
            if dep == "dobj" and c.dep_ in ("dobj", "attr"):
                return c
            if c.dep_ == "prep" and c.lower_ == dep:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if skip is not None:
            # "take part in X": the preposition may hang on the particle noun
            for c in skip.children:
                if c.dep_ == "prep" and c.lower_ == dep:
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    def _noun_entry(self, noun: Token, fallback: bool = True) -> Entry | None:
        lemma = noun.lemma_.lower()
        for c in noun.children:
            if c.dep_ in ("compound", "amod"):
                entry = self.lex.compounds.get((c.lemma_.lower(), lemma))
                if entry is not None:
                    return entry
        entry = self.lex.nouns.get(lemma) or self.lex.nouns.get(noun.lower_)
        if entry is not None or not fallback:
            return entry
        for c in noun.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN":
                entry = self._noun_entry(c, fallback=False)
            elif c.dep_ == "prep" and c.lower_ == "of":
                entry = next((self._noun_entry(g, fallback=False) for g in c.children
                              if g.dep_ == "pobj"), None)
            if entry is not None:
                return entry
        return None

    def _noun(self, tok: Token) -> _Candidate | None:
        entry = self._noun_entry(tok)
        if entry is None or not self._satisfied(tok, entry):
            return None
        if self._noun_entry(tok, fallback=False) is None and self._of_event(tok):
            # "the package of sanctions", "as a result of the strike", "the start of the war":
            # the event noun in the "of" phrase is a trigger of its own; the noun that frames
            # it would repeat it (or take the event itself for its recipient)
            return None
        return _Candidate(tok, entry, [tok], True)

    def _of_objects(self, noun: Token) -> list[int]:
        """Token indices of the objects of the noun's "of" phrases."""
        return [g.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]

    def _of_event(self, noun: Token) -> bool:
        """Whether the noun's "of" phrase names an event noun of the lexicon."""
        doc = noun.doc
        return any(self._noun_entry(doc[i], fallback=False) is not None
                   for i in self._of_objects(noun))

    def _satisfied(self, tok: Token, entry: Entry) -> bool:
        """Check an entry's `requires` against the trigger's dependents (any one suffices)."""
        if not entry.requires:
            return True
        for req in entry.requires:
            if req == "object":
                if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tok.children):
                    return True
            elif req == "complement":
                if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
                    return True
            elif req == "clause":
                if any(c.dep_ in _COMPLEMENTS for c in tok.children):
                    return True
            elif req == "participant":
                return True  # checked once participants are known
            elif req == "dobj_mention":
                # checked once participants are known; "called Putin a criminal" names Putin,
                # it is no call to him
                return not any(c.dep_ == "oprd" for c in tok.children)
            elif req == "nsubjpass_mention":
                if any(c.dep_ == "nsubjpass" for c in tok.children):
                    return True
            elif req == "dative":
                if any(c.dep_ == "dative" for c in tok.children):
                    return True
            else:
                for c in tok.children:
                    if c.lower_ == req or c.lemma_.lower() == req:
                        return True
                    if c.dep_ in ("dobj", "amod", "compound") and c.lemma_.lower() == req:
                        return True
        return False

    def _nest(self, found: dict[int, _Candidate]) -> None:
        """Fold triggers that are the content of a verbal event into it ("threatened to attack")."""
        for cand in list(found.values()):
            if cand.nominal or cand.entry.type not in self._embedding:
                continue
            heads = list(cand.token.children)
            if cand.noun is not None:
                heads += [c for c in cand.noun.children if c.dep_ in ("acl", "ccomp", "prep")]
            for c in heads:
                if c.dep_ in _COMPLEMENTS or c.dep_ in ("prep", "dobj", "acl"):
                    for t in c.subtree:
                        inner = found.get(t.i)
                        if inner is not None and inner is not cand and not inner.inside:
                            if c.dep_ == "prep" and t.dep_ != "pcomp" and not inner.nominal:
                                continue
                            if c.dep_ == "prep" and inner.nominal and cand.entry.type != "ACCUSE":
                                continue
                            cand.embedded.append(inner)
                            inner.inside = True

    # -- participants -----------------------------------------------------------------------

    def _participants(self, sent: Span, by_token: dict[int, Mention]) -> dict[int, Mention]:
        """The sentence's mentions that can take part in an event, by token.

        A city that modifies a noun names a thing ("the Minsk agreements", "the Istanbul
        talks", "the Moscow metro") and takes part in nothing; before a place noun it names
        the place ("the Kyiv region"), coded to its country without a sector, as a city is.
        """
        headline_case = _headline_case(sent)
        out: dict[int, Mention] = {}
        seen: dict[int, Mention | None] = {}
        for i, m in by_token.items():
            if id(m) not in seen:
                seen[id(m)] = self._as_participant(m, sent.doc, by_token, headline_case)
            if seen[id(m)] is not None:
                out[i] = seen[id(m)]
        return out

    def _as_participant(self, m: Mention, doc: Doc, by_token: dict[int, Mention],
                        headline_case: bool) -> Mention | None:
        if m.kind not in _CITY_KINDS:
            return m
        tok = m.head_token(doc)
        noun = tok
        while noun.dep_ in _NAMING_DEPS and noun.head.i != noun.i:
            noun = noun.head  # "the Minsk II agreement": the noun the compound names
        if noun.i == tok.i or m.start <= noun.i < m.end or noun.pos_ not in _NOMINAL:
            return m
        if any(t.i in by_token and by_token[t.i] is not m for t in doc[tok.i + 1:noun.i + 1]):
            return m  # a modifier of an actor noun belongs to that actor
        if headline_case and not noun.is_lower:
            return m  # title case: "Moscow Warns Kyiv Over Attacks" parses names as compounds
        if noun.lemma_.lower() in self._place_nouns or noun.lower_ in self._place_nouns:
            return m if m.kind == "place" else replace(m, kind="place", sector=None)
        return None

    def _match(self, cand: _Candidate, by_token: dict[int, Mention],
               located: dict[int, Mention], bare: bool = False) -> EventMatch | None:
        tok = cand.token
        where_tokens: set[int] = set()
        not_places = self._type_preps.get(cand.entry.type, frozenset())
        # a city that names a thing is no participant, but it still says where the thing is
        where, place = self._where(tok, located, where_tokens, not_places)
        if where is None and cand.noun is not None:
            where, place = self._where(cand.noun, located, where_tokens, not_places)
        if cand.nominal:
            actors, recipients = self._nominal_participants(tok, by_token, where_tokens)
        elif self._natural_force(tok):
            return None  # "the storm threatens the coast", "sanctions hit the economy"
        else:
            actors, recipients = self._verbal_participants(tok, by_token, where_tokens, cand)
        if (not recipients and place is not None and actors
                and cand.entry.type in self._place_recipient):
            # "demonstrated in Serbia": only an event someone is named doing has a recipient
            recipients = [place]
        same = self._event_phrases(cand, recipients, by_token)
        if same:
            # the event phrase is no one it is done to; its adjective names who does it
            recipients = [m for m in recipients if all(m is not x for x in same)]
            actors = actors or same
        # nor is a pronoun that refers back to the actor ("Germany warned it would ...")
        recipients = [m for m in recipients if all(m is not a for a in actors)
                      and not (m.kind == "pronoun" and any(_same_entity(m, a) for a in actors))]
        if "dobj_mention" in cand.entry.requires and not any(
                by_token.get(c.i) for c in tok.children if c.dep_ == "dobj"):
            return None
        if not actors and not recipients and not bare:
            if cand.nominal or "participant" in cand.entry.requires or not self._named_subject(tok):
                return None
        entry = cand.entry
        type_, cameo, mode = entry.type, entry.cameo, entry.mode
        for inner in cand.embedded:
            spec = self._embedded.get(type_, {}).get(inner.entry.type)
            if spec:
                type_ = spec.get("type", type_)
                cameo = spec.get("cameo", cameo)
                mode = spec.get("mode", mode)
                break
        if not cand.nominal:
            spec = None
            if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in self._threat_marks
                                             for g in c.children) for c in tok.children):
                spec = self._announced.get(type_) or self._conditional.get(type_)
            elif self._future(tok):
                if type_ in self._future_as:
                    spec = self._future_as[type_]
                elif (type_ in self._announced and not any(c.dep_ == "neg" for c in tok.children)
                      and self._self_announced(tok, actors, by_token)):
                    # a declared refusal to fight ("will not take part") is no threat
                    spec = self._announced[type_]
            if spec:
                type_, cameo, mode = spec["type"], spec["cameo"], spec.get("mode")
        if not recipients and type_ in self._conditional_recipient:
            recipients = self._condition_subjects(cand, by_token, where_tokens, actors)
        cue = self._cue(type_, tok, actors)
        if cue is not None:
            mode = cue[0] or mode
            cameo = cue[1] or cameo
        if mode is not None and mode not in self.lex.modes.get(type_, ()):
            mode = None
        confidence = 0.45 + (0.25 if actors else 0.0) + (0.15 if recipients else 0.0)
        confidence -= 0.1 if cand.nominal else 0.0
        return EventMatch(
            trigger=tok.i,
            trigger_text=_trigger_text(cand.words),
            type=type_,
            cameo=cameo,
            quad_class=self.lex.quad_class(cameo),
            intensity=self.lex.intensity(type_, mode),
            mode=mode,
            actors=actors,
            recipients=recipients,
            where=where,
            confidence=round(min(confidence, 0.95), 2),
            source=cand.entry.source,
        )

    def _verbal_participants(self, tok: Token, by_token: dict[int, Mention], skip: set[int],
                             cand: _Candidate) -> tuple[list[Mention], list[Mention]]:
        actors: list[Mention] = []
        recipients: list[Mention] = []
        themes: list[Mention] = []
        reasons: list[Mention] = []
        object_recipient = False
        passive = any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in tok.children)
        for c in tok.children:
            if c.dep_ in _SUBJECTS:
                actors += self._np_mentions(c, by_token, skip)
            elif c.dep_ in _PASSIVE_SUBJECTS:
                recipients += self._np_mentions(c, by_token, skip)
            elif c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        actors += self._np_mentions(g, by_token, skip)
            elif c.dep_ == "dative" and c.pos_ == "ADP":
                # the parser labels "provided intelligence to Macedonia" as a dative "to"
                recipients += self._pobj_mentions(c, by_token, skip)
            elif c.dep_ in ("dobj", "dative"):
                found = self._np_mentions(c, by_token, skip)
                if (c.dep_ == "dobj" and found and cand.entry.type in self._theme_types
                        and all(m.kind in self._theme_kinds for m in found)):
                    themes += found  # "sent troops", "provided intelligence": what, not to whom
                elif (c.dep_ == "dobj" and found and self._verb_lemma(tok) in self._instrument_verbs
                      and all(is_materiel(tok.doc, m) for m in found)):
                    themes += found  # "fired cruise missiles": the weapon, not its target
                else:
                    recipients += found
                    object_recipient = object_recipient or bool(found)
                preps = self._recipient_preps | self._type_preps.get(cand.entry.type, frozenset())
                for obj in (c, *c.conjuncts):
                    recipients += self._prep_objects(obj, by_token, skip, preps)
                if c.dep_ == "dobj" and c.i not in by_token:
                    # "rejected calls by Belarus's rulers", "accepted demands from the rebels"
                    recipients += self._object_agents(c, by_token, skip)
                if c.dep_ == "dobj" and c.lemma_.lower() in self._refuge_nouns:
                    # "sought refuge in Germany": the place of shelter, on the noun or the verb
                    # the place phrase was taken as the event's place: read it all the same
                    recipients += self._prep_objects(c, by_token, set(), self._refuge_preps)
                    for g in tok.children:
                        if g.dep_ == "prep" and g.lower_ in self._refuge_preps:
                            recipients += self._pobj_mentions(g, by_token, set())
            elif c.dep_ == "prep":
                if c.lower_ == "with" and self._coactor_marked(tok, c):
                    actors += self._pobj_mentions(c, by_token, skip)
                elif c.lower_ in self._reason_preps:
                    reasons += self._pobj_mentions(c, by_token, skip)
                elif c.lower_ in self._recipient_preps or c.lower_ in self._type_preps.get(
                        cand.entry.type, ()):
                    recipients += self._pobj_mentions(c, by_token, skip)
            elif c.dep_ == "advmod" and c.lower_ in self._coactor:
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "with":
                        actors += self._pobj_mentions(g, by_token, skip)
        if not object_recipient:
            # "blamed Israel for the bombing": with an object, the phrase is the reason
            recipients += reasons
        # a relative pronoun stands for the head noun, and "X said ... and it warned" for X
        own_subject = any(c.dep_ in _SUBJECTS and c.tag_ not in _RELATIVE_TAGS
                          and not (c.lower_ == "that" and tok.dep_ == "relcl")
                          and not (c.pos_ == "PRON" and tok.dep_ == "conj")
                          for c in tok.children)
        if not actors and not passive and not own_subject:
            # "before omicron struck, Moderna began ...": a clause with a subject of its own
            # that names no actor does not borrow the main clause's
            actors = self._inherited_subject(tok, by_token, skip)
        if not actors and not passive:
            actors = self._speaker(tok, by_token, skip)
        for w in cand.words[1:]:
            if w.pos_ == "ADJ" and w.head.i == tok.i:
                recipients += self._prep_objects(w, by_token, skip)  # "available to X"
        if not recipients:
            recipients = self._complement_recipients(tok, by_token, skip, cand.noun)
        if cand.noun is not None and not recipients:
            recipients = self._prep_objects(cand.noun, by_token, skip)
        if not recipients:
            # "sent troops" with no one named to receive them; a weapon is never the receiver
            recipients = [m for m in themes if not is_materiel(tok.doc, m)]
        return _dedupe(actors), _dedupe(recipients)

    def _nominal_participants(self, tok: Token, by_token: dict[int, Mention],
                              skip: set[int]) -> tuple[list[Mention], list[Mention]]:
        actors: list[Mention] = []
        recipients: list[Mention] = []
        modifiers: list[Mention] = []
        own = by_token.get(tok.i)
        if own is not None:
            if not self._described_event(own, tok):
                return [], []  # the noun is part of an actor's name ("the War Ministry")
            # "the Russian invasion of Ukraine": the adjective that made the phrase a mention
            # says who acts; the phrase is the event, not a participant of it
            modifiers.append(own)
            skip = skip | set(range(own.start, own.end))
        subject_of = tok.lemma_.lower() in self._subject_of_nouns
        for c in self._aggregate_owners(tok):
            actors += self._np_mentions(c, by_token, skip)  # "Russia's wave of strikes"
        for c in tok.children:
            if c.dep_ == "poss":
                actors += self._np_mentions(c, by_token, skip)
            elif c.dep_ in ("amod", "compound", "nmod"):
                modifiers += self._np_mentions(c, by_token, skip)
            elif c.dep_ == "prep":
                word = c.lower_
                if word in ("by", "between", "among") or (word == "of" and subject_of):
                    # "the withdrawal of Russian troops": the troops withdraw
                    actors += self._pobj_mentions(c, by_token, skip)
                elif word == "of" or word in self._recipient_preps:
                    recipients += self._pobj_mentions(c, by_token, skip)
        if not actors and not recipients:
            return [], []  # "the Russian war" alone is a topic, not a reported event
        return _dedupe(actors + modifiers), _dedupe(recipients)

    def _natural_force(self, tok: Token) -> bool:
        """Whether the verb's doer is a force of nature, a disease or an economic condition."""
        cur = tok
        for _ in range(4):
            subj = next((c for c in cur.children if c.dep_ in _SUBJECTS), None)
            if subj is not None and cur.dep_ == "relcl" and (
                    subj.tag_ in _RELATIVE_TAGS or subj.lower_ == "that"):
                subj = cur.head  # "unrest that threatens the regime": the unrest threatens
            if subj is not None:
                words = [subj] + [c for c in subj.children if c.dep_ in ("compound", "amod")]
                return any(w.lemma_.lower() in self._non_agents or w.lower_ in self._non_agents
                           for w in words)
            if cur.dep_ not in ("advcl", "conj", "xcomp") or cur.head is cur:
                return False
            cur = cur.head
        return False

    def _described_event(self, m: Mention, noun: Token) -> bool:
        """Whether a mention is a country word describing this event noun ("Russian invasion")."""
        return (m.kind == "other" and m.end - 1 == noun.i and m.start < noun.i
                and m.code is not None and m.sector is None)

    def _event_phrases(self, cand: _Candidate, mentions: list[Mention],
                       by_token: dict[int, Mention]) -> list[Mention]:
        """Mentions that are the trigger's own event noun phrase, or one naming an event of the
        same type ("launched the Russian invasion", "escalated Turkish shelling")."""
        out = []
        for m in mentions:
            head = cand.token.doc[m.end - 1]
            if not self._described_event(m, head):
                continue
            entry = None if head is cand.token else self._noun_entry(head, fallback=False)
            if head is cand.noun or head is cand.token or (
                    entry is not None and entry.type == cand.entry.type):
                out.append(m)
        return out

    def _aggregate_owners(self, tok: Token) -> list[Token]:
        """The possessor of a collective noun whose "of" phrase is this event noun."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
            return []
        frame = prep.head
        if frame.lemma_.lower() not in self._aggregate_nouns:
            return []
        return [c for c in frame.children if c.dep_ == "poss"]

    def _inherited_subject(self, tok: Token, by_token: dict[int, Mention],
                           skip: set[int]) -> list[Mention]:
        """The actor of a verb without its own subject: controller, conjunct or relative head."""
        cur = tok
        for _ in range(6):
            dep = cur.dep_
            head = cur.head
            if head is cur:
                return []
            if dep in ("xcomp", "conj", "advcl", "acomp"):
                if dep == "advcl" and head.lemma_.lower() in self._saying:
                    # "X has adopted a hostile position, he said, training fighters": the
                    # participle continues the reported content, not the speaker's own acts
                    content = next((c for c in head.children if c.dep_ == "ccomp"), None)
                    if content is None:
                        return []
                    head = content
                for c in head.children:
                    if c.dep_ in _SUBJECTS:
                        return self._np_mentions(c, by_token, skip)
                    if c.dep_ in _PASSIVE_SUBJECTS:
                        if dep == "xcomp":
                            # "Turkey is expected to host", "Russia was forced to withdraw":
                            # a passive's subject does what its infinitive says
                            return self._np_mentions(c, by_token, skip)
                        return []
                cur = head
                continue
            if dep in ("relcl", "acl") and head.pos_ in _NOMINAL | {"PRON"}:
                if dep == "acl" and cur.tag_ == "VBN":
                    return []
                found = self._np_mentions(head, by_token, skip)
                if (not found and dep == "acl" and head.dep_ == "dobj"
                        and head.head.pos_ == "VERB"):
                    # "issued a declaration demanding ...": the issuer demands
                    cur = head.head
                    for c in cur.children:
                        if c.dep_ in _SUBJECTS:
                            return self._np_mentions(c, by_token, skip)
                    continue
                return found
            return []
        return []

    def _speaker(self, tok: Token, by_token: dict[int, Mention], skip: set[int]) -> list[Mention]:
        """For "X said it/they will ...", an unresolved pronoun subject taken as the speaker X."""
        cur = tok
        for _ in range(3):
            if not any(c.dep_ in _SUBJECTS and c.pos_ == "PRON" for c in cur.children):
                if cur.dep_ not in ("xcomp", "acomp") or cur.head is cur:
                    return []
                cur = cur.head
                continue
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in self._saying:
                for c in cur.head.children:
                    if c.dep_ in _SUBJECTS:
                        return self._np_mentions(c, by_token, skip)
            return []
        return []

    def _complement_recipients(self, tok: Token, by_token: dict[int, Mention],
                               skip: set[int], noun: Token | None = None) -> list[Mention]:
        """Recipients of a verbal event found in its content clause ("demanded that the US ...")."""
        children = list(tok.children) + (list(noun.children) if noun is not None else [])
        for c in children:
            if c.dep_ in ("ccomp", "acl"):
                for g in c.children:
                    if g.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS:
                        found = self._np_mentions(g, by_token, skip)
                        if found:
                            return found
            if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                # "to demand the resignation of X": a purpose clause names whom it is aimed at
                found = []
                for g in c.children:
                    if g.dep_ in ("dobj", "dative"):
                        found += self._np_mentions(g, by_token, skip)
                        found += self._prep_objects(g, by_token, skip)
                        if not found and g.i not in by_token:
                            # "to demand reforms by President X's government"
                            found += self._object_agents(g, by_token, skip)
                    elif g.dep_ == "prep" and g.lower_ in self._recipient_preps:
                        found += self._pobj_mentions(g, by_token, skip)
                if found:
                    return found
        return []

    def _condition_subjects(self, cand: _Candidate, by_token: dict[int, Mention], skip: set[int],
                            actors: list[Mention]) -> list[Mention]:
        """The subject of the threat's condition ("... if the United States goes ahead")."""
        heads = [cand.token] + [inner.token for inner in cand.embedded]
        heads += [c for h in list(heads) for c in h.children if c.dep_ in _COMPLEMENTS]
        for head in heads:
            for c in head.children:
                if c.dep_ != "advcl" or not any(g.dep_ == "mark" and g.lower_ in
                                                self._condition_marks for g in c.children):
                    continue
                for g in c.children:
                    if g.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS:
                        found = [m for m in self._np_mentions(g, by_token, skip)
                                 if all(m is not a for a in actors)]
                        if found:
                            return found
        return []

    def _coactor_marked(self, verb: Token, prep: Token) -> bool:
        if any(c.lower_ in self._coactor for c in prep.children):
            return True
        left = prep.doc[prep.i - 1] if prep.i > 0 else None
        return left is not None and left.lower_ in self._coactor

    def _prep_objects(self, noun: Token, by_token: dict[int, Mention], skip: set[int],
                      preps: frozenset[str] | None = None, depth: int = 0) -> list[Mention]:
        """Mentions in a noun's recipient phrases, through "of" ("suspension of links with X")."""
        preps = self._recipient_preps if preps is None else preps
        out: list[Mention] = []
        separation = noun.lemma_.lower() in self._separation_nouns
        for c in noun.children:
            if c.dep_ != "prep":
                continue
            if c.lower_ in preps or (separation and c.lower_ in self._separation_preps):
                out += self._pobj_mentions(c, by_token, skip)
            elif c.lower_ == "of" and depth < 2:
                for g in c.children:
                    if g.dep_ == "pobj" and g.i not in by_token:
                        out += self._prep_objects(g, by_token, skip, preps, depth + 1)
        return out

    def _object_agents(self, noun: Token, by_token: dict[int, Mention], skip: set[int],
                       depth: int = 0) -> list[Mention]:
        """Who an object comes from: its by/from phrase, through "of" and a participle.

        "rejected calls by X", "demand the return of property seized by X".
        """
        out = self._prep_objects(noun, by_token, skip, self._object_agent_preps)
        if out or depth >= 2:
            return out
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for g in c.children:
                    if g.dep_ == "agent":
                        out += self._pobj_mentions(g, by_token, skip)
            elif c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.i not in by_token:
                        out += self._object_agents(g, by_token, skip, depth + 1)
        return out

    def _pobj_mentions(self, prep: Token, by_token: dict[int, Mention],
                       skip: set[int]) -> list[Mention]:
        out: list[Mention] = []
        for g in prep.children:
            if g.dep_ == "pobj":
                found = self._np_mentions(g, by_token, skip)
                if not found and g.pos_ == "NOUN":
                    # "reservists for a war against Iraq", "reneged on his commitment to the
                    # people": the recipient of the noun the phrase is about
                    found = self._prep_objects(g, by_token, skip)
                out += found
        return out

    def _np_mentions(self, head: Token, by_token: dict[int, Mention],
                     skip: set[int]) -> list[Mention]:
        """Mentions naming the noun phrase headed by `head`, its conjuncts included."""
        out: list[Mention] = []
        heads = [head] + [c for c in head.conjuncts if c.i > head.i]
        for h in heads:
            if h.i in skip:
                continue
            m = by_token.get(h.i)
            if m is not None:
                out.append(m)
                for c in h.children:
                    # "US and British forces": the first conjunct modifies the same noun
                    if c.dep_ in ("amod", "compound", "nmod") and c.i in by_token:
                        out += [by_token[x.i] for x in (c, *c.conjuncts) if x.i in by_token]
                continue
            if h.pos_ == "VERB":
                # a mis-parsed subject ("The Red Cross operating in Iraq said"): its own subject
                for c in h.children:
                    if c.dep_ in _SUBJECTS and c.i not in skip:
                        out += self._np_mentions(c, by_token, skip)
                if out:
                    continue
            out += self._np_search(h, by_token, skip, depth=0)
        return _dedupe(out)

    def _np_search(self, tok: Token, by_token: dict[int, Mention], skip: set[int],
                   depth: int) -> list[Mention]:
        """Mentions among a noun's modifiers; its "in/of/from" phrases only if those name nobody.

        "Russian troops in Ukraine" are Russian: the place of the phrase is no participant.
        """
        out: list[Mention] = []
        phrases: list[Token] = []
        for c in tok.children:
            if c.i in skip:
                continue
            if c.dep_ in self._np_deps:
                m = by_token.get(c.i)
                if m is not None:
                    out.append(m)
                    out += [by_token[x.i] for x in c.conjuncts
                            if x.i in by_token and x.i not in skip]
                elif depth < 3:
                    out += self._np_search(c, by_token, skip, depth + 1)
            elif c.dep_ == "prep" and c.lower_ in self._np_preps and depth < 2:
                phrases.append(c)
        if out:
            return out
        for c in phrases:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                # "scores of Sierra Leonean and Liberian refugees": every conjunct is named
                for x in (g, *g.conjuncts):
                    if x.i in skip:
                        continue
                    m = by_token.get(x.i)
                    out += [m] if m is not None else self._np_search(x, by_token, skip, depth + 1)
        return out

    def _named_subject(self, tok: Token) -> bool:
        return any(c.dep_ in _SUBJECTS and c.ent_type_ in _NAMED for c in tok.children)

    # -- place, mode, tense ----------------------------------------------------------------

    def _where(self, tok: Token, by_token: dict[int, Mention], used: set[int],
               not_places: frozenset[str] = frozenset()) -> tuple[Where | None, Mention | None]:
        """The event's place from a locative phrase, and the country mention naming it.

        "in the town of Cizre in southeastern Turkey": the first place is the event's, a later
        locative phrase may still give its country.
        """
        first: tuple[Where, Mention | None] | None = None
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in self._location_preps or c.lower_ in not_places:
                continue  # "withdrew from Lebanon": the place left is the recipient
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                mentions = [by_token[t.i] for t in g.subtree if t.i in by_token]
                place = next((m for m in mentions if m.kind in _PLACE_KINDS and m.code), None)
                country = place.code if place is not None else None
                own = by_token.get(g.i)
                is_place = (g.ent_type_ in _PLACE_ENTS or g.lemma_.lower() in self._place_nouns
                            or (own is not None and own.kind in _PLACE_KINDS))
                if not is_place:
                    continue
                if country is None:
                    country = next((m.code for m in mentions if m.code), None)
                span = list(g.subtree)
                used.update(t.i for t in span)
                if first is not None:
                    if first[0].country is None and place is not None:
                        first = (Where(text=first[0].text, country=country), place)
                    continue
                text = tok.doc[span[0].i:span[-1].i + 1].text
                first = (Where(text=text, country=country), place)
        return first if first is not None else (None, None)

    def _self_announced(self, tok: Token, actors: list[Mention],
                        by_token: dict[int, Mention]) -> bool:
        """True when the event is the content of its own actor's statement or intent."""
        head = tok.head
        if tok.dep_ not in _COMPLEMENTS or head is tok:
            return False
        if head.lemma_.lower() not in self._saying and head.lemma_.lower() not in self._intent:
            return False
        codes = {m.code for m in actors if m.code}
        speakers: list[Mention] = []
        for c in head.children:
            if c.dep_ in _SUBJECTS:
                speakers += self._np_mentions(c, by_token, set())
        if not speakers:
            speakers = self._inherited_subject(head, by_token, set())
        return any(m.code in codes for m in speakers) or (
            tok.dep_ == "xcomp" and bool(actors))

    def _demands(self, sent: Span, found: dict[int, _Candidate]) -> None:
        """Add a REQUEST for "X said Y must/should do Z" (Z need not be an event word)."""
        for tok in sent:
            if tok.dep_ != "ccomp" or tok.head.i in found:
                continue
            head = tok.head
            if head.lemma_.lower() not in self._saying:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in self._demand_modals for c in tok.children):
                continue
            if not any(c.dep_ in _SUBJECTS for c in tok.children):
                continue
            found[head.i] = _Candidate(head, self._request, [head, tok], False)

    def _future(self, tok: Token) -> bool:
        cur = tok
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in self._future_aux for c in cur.children):
                return True
            if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in self._intent:
                return True
            if cur.dep_ != "conj":
                return False
            cur = cur.head
        return False

    def _cue(self, type_: str, tok: Token, actors: list[Mention]) -> tuple[str | None,
                                                                            str | None] | None:
        cues = self._cues.get(type_)
        if not cues:
            return None
        doc = tok.doc
        words = {t.lemma_.lower() for t in tok.subtree}
        for m in actors:
            words.update(t.lemma_.lower() for t in doc[m.start:m.end])
        cur = tok
        for _ in range(3):
            for c in cur.children:
                if c.dep_ in _SUBJECTS or c.dep_ in _PASSIVE_SUBJECTS:
                    words.update(t.lemma_.lower() for t in c.subtree)
            if cur.dep_ not in ("xcomp", "advcl", "conj") or cur.head is cur:
                break
            cur = cur.head
        for vocabulary, mode, cameo in cues:
            if words & vocabulary:
                return mode, cameo
        return None


def _headline_case(sent: Span) -> bool:
    """Whether the sentence is written in title case, as many headlines are."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.is_title for t in words) >= 0.8 * len(words)


def _trigger_text(words: list[Token]) -> str:
    words = sorted(words, key=lambda t: t.i)
    first, last = words[0], words[-1]
    if last.i - first.i <= 4:
        return first.doc[first.i:last.i + 1].text
    return " ".join(t.text for t in words)


def _same_entity(a: Mention, b: Mention) -> bool:
    return (a.code, a.sector, a.name) == (b.code, b.sector, b.name)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _by_token(sent: Span, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """The first mention covering each token of the sentence."""
    by_token: dict[int, Mention] = {}
    for m in mentions:
        if m.end <= sent.start or m.start >= sent.end:
            continue
        for i in range(m.start, m.end):
            by_token.setdefault(i, m)
    return by_token


_CODER: EventCoder | None = None


def _default_coder() -> EventCoder:
    global _CODER
    if _CODER is None:
        _CODER = EventCoder(lexicon_mod.default())
    return _CODER
