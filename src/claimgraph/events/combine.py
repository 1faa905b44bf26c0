"""The learned combination: the rule coder proposes events, the sentence classifier keeps, drops or adds.

Three named steps, each switchable so its effect can be measured:
- `gate`: a sentence the classifier scores below the gate threshold for "any event" keeps none of
  the rule coder's events (disasters, accidents, sport, ceremonies);
- `keep`: a proposed event whose type the classifier scores below the keep threshold is dropped;
  (events from a user's own lexicon file are never dropped by either step)
- `add`: a type the classifier scores above the add threshold, which the rules did not propose, is
  coded at the sentence's word that weighs most for it, with participants found by the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.events.learned import GATE, SentenceInput, SentenceModel, shipped
from claimgraph.events.match import EventMatch

STEPS = ("gate", "keep", "add")
_TRIGGER_POS = {"VERB", "NOUN"}
_FILTERED = {"builtin"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "compound"}
#: a participle that modifies a noun ("wounded soldiers", "armed men") describes a state, not an act
_DESCRIBING_DEPS = {"amod"}

CodeAt = Callable[[Span, Token, str], EventMatch | None]


@dataclass
class Combiner:
    """Combines each sentence's rule matches with the classifier's scores."""

    model: SentenceModel
    disabled: frozenset[str] = field(default_factory=frozenset)

    def apply(self, sentences: Sequence[Span], coded: Sequence[list[EventMatch]],
              code_at: CodeAt | None = None, participants: frozenset[int] = frozenset()) -> list[list[EventMatch]]:
        """The matches kept (and added) per sentence, in the same order; `participants` are the
        token indices of actor mentions, which name who acts and are never an added trigger."""
        out = [list(m) for m in coded]
        th = self.model.thresholds
        adding = code_at is not None and "add" not in self.disabled and th.get("add", 2.0) <= 1.0
        todo = [k for k, m in enumerate(coded) if m or adding]
        if not todo:
            return out
        inputs = [SentenceInput.of(sentences[k].text, [(m.type, m.trigger_text) for m in coded[k]])
                  for k in todo]
        for k, scores in zip(todo, self.model.scores(inputs)):
            # a user's own lexicon is their explicit word: the classifier never overrules it
            mine = [m for m in out[k] if m.source not in _FILTERED]
            if "gate" not in self.disabled and scores[GATE] < th.get("gate", 0.0):
                out[k] = mine
                continue
            if "keep" not in self.disabled:
                out[k] = [m for m in out[k] if m.source not in _FILTERED
                          or scores.get(m.type, 1.0) >= th.get("keep", 0.0)]
            for m in out[k]:
                # the classifier's belief in the type tempers the rule coder's own confidence
                m.confidence = round(min(0.95, 0.5 * m.confidence + 0.5 * scores.get(m.type, m.confidence)), 2)
            if adding:
                out[k] += self._added(sentences[k], coded[k], scores, th["add"], code_at, participants)
        return out

    def _added(self, sent: Span, proposed: list[EventMatch], scores: dict[str, float], threshold: float,
               code_at: CodeAt, participants: frozenset[int]) -> list[EventMatch]:
        have = {m.type for m in proposed}
        used = {m.trigger for m in proposed} | set(participants)
        out = []
        for label, p in sorted(scores.items(), key=lambda kv: -kv[1]):
            if label == GATE or label in have or p < threshold:
                continue
            token = self._trigger(sent, label, used)
            if token is None:
                continue
            match = code_at(sent, token, label)
            if match is not None:
                match.confidence = round(min(0.9, p * 0.8), 2)
                out.append(match)
                used.add(token.i)
        return out

    def _trigger(self, sent: Span, label: str, used: set[int]) -> Token | None:
        """The sentence's verb or noun that weighs most for the label, if any weighs for it."""
        best, weight = None, 0.0
        for tok in sent:
            if (tok.pos_ in _TRIGGER_POS and tok.i not in used and tok.dep_ not in _DESCRIBING_DEPS
                    and not _names_someone(tok)):
                w = self.model.word_weight(label, tok.lower_)
                if w > weight:
                    best, weight = tok, w
        return best


def _names_someone(tok: Token) -> bool:
    """A noun that names a party (a subject, a named entity) is who acts, not what is done."""
    return tok.pos_ == "NOUN" and (tok.dep_ in _SUBJECT_DEPS or bool(tok.ent_type_))


def default(disabled: frozenset[str] = frozenset()) -> Combiner | None:
    """The combiner over the shipped model, or None when the package holds no trained model."""
    model = shipped()
    return Combiner(model, disabled) if model is not None else None
