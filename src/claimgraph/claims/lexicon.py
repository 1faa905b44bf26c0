"""The claims layer's word lists, loaded once from `claims/data/*.yaml`."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict[str, Any]:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@dataclass(frozen=True)
class CueLexicon:
    """Attribution cues by class, plus the nouns that mark outlets, channels and anonymous sources."""

    speech: frozenset[str]
    report: frozenset[str]
    belief: frozenset[str]
    stance: frozenset[str]
    intent: frozenset[str]
    relay: frozenset[str]
    direct_only: frozenset[str]
    appearance: frozenset[str]
    object_beliefs: frozenset[str]
    first_person_hedges: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]
    prepositional: tuple[tuple[str, ...], ...]
    anonymous: frozenset[str]
    media: frozenset[str]
    channels: frozenset[str]
    restricted: dict[str, frozenset[str]]
    study_nouns: frozenset[str]
    possessed_nouns: frozenset[str]
    light_verbs: frozenset[str]
    light_nouns: frozenset[str]
    topic_verbs: frozenset[str]
    turn_labels: frozenset[str] = frozenset()
    first_singular: frozenset[str] = frozenset()
    first_plural: frozenset[str] = frozenset()

    def allows(self, lemma: str, construction: str) -> bool:
        """Whether a cue lemma may take its content through `construction` (dobj, quote, ...)."""
        return construction not in self.restricted.get(lemma, ())

    @functools.cached_property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma that can head an attribution."""
        return (self.speech | self.report | self.belief | self.stance | self.intent | self.relay
                | self.direct_only | self.appearance)

    def verb_class(self, lemma: str) -> str | None:
        """Return the class of a cue verb lemma ('speech', 'belief', ...) or None."""
        # direct_only first: those verbs are listed elsewhere too, and the restriction must win.
        for name in ("direct_only", "speech", "report", "belief", "stance", "intent", "relay", "appearance"):
            if lemma in getattr(self, name):
                return name
        return None


@dataclass(frozen=True)
class StatusLexicon:
    """Words that make an event future, hypothetical, negated or hedged."""

    future_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_adjs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    denial_particles: dict[str, frozenset[str]]
    negations: frozenset[str]
    conditionals: frozenset[str]
    hedges: frozenset[str]
    hedge_verbs: frozenset[str]
    passive_hedge_verbs: frozenset[str]
    factive_verbs: frozenset[str]
    future_constructions: tuple[tuple[str, ...], ...]
    hedge_modals: frozenset[str]
    negative_adjs: frozenset[str]
    negative_pronouns: frozenset[str]


@functools.lru_cache(maxsize=1)
def cues() -> CueLexicon:
    """Return the cue lexicon (read once per process)."""
    d = _load("cues.yaml")
    return CueLexicon(
        speech=_words(d["speech"]), report=_words(d["report"]), belief=_words(d["belief"]),
        stance=_words(d["stance"]), intent=_words(d["intent"]), relay=_words(d["relay"]),
        direct_only=_words(d["direct_only"]), appearance=_words(d["appearance"]),
        object_beliefs=_words(d["object_beliefs"]), first_person_hedges=_words(d["first_person_hedges"]),
        adjectives=_words(d["adjectives"]),
        nouns=_words(d["nouns"]),
        prepositional=tuple(tuple(w.lower() for w in p) for p in d["prepositional"]),
        anonymous=_words(d["anonymous"]), media=_words(d["media"]), channels=_words(d["channels"]),
        restricted={str(k).lower(): _words(v) for k, v in (d.get("restricted") or {}).items()},
        study_nouns=_words(d.get("study_nouns")),
        possessed_nouns=_words(d.get("possessed_nouns")),
        light_verbs=_words(d.get("light_verbs")), light_nouns=_words(d.get("light_nouns")),
        topic_verbs=_words(d.get("topic_verbs")),
        turn_labels=_words(d.get("turn_labels")),
        first_singular=_words((d.get("first_person") or {}).get("singular")),
        first_plural=_words((d.get("first_person") or {}).get("plural")),
    )


@functools.lru_cache(maxsize=1)
def status() -> StatusLexicon:
    """Return the status lexicon (read once per process)."""
    d = _load("status.yaml")
    return StatusLexicon(
        future_modals=_words(d["modals"]["future"]),
        hypothetical_modals=_words(d["modals"]["hypothetical"]),
        future_verbs=_words(d["future_verbs"]),
        hypothetical_adjs=_words(d["hypothetical_adjs"]),
        hypothetical_verbs=_words(d["hypothetical_verbs"]),
        denial_verbs=_words(d["denial_verbs"]),
        denial_particles={k: _words(v) for k, v in (d.get("denial_particles") or {}).items()},
        negations=_words(d["negations"]),
        conditionals=_words(d["conditionals"]),
        hedges=_words(d["hedges"]),
        hedge_verbs=_words(d["hedge_verbs"]),
        passive_hedge_verbs=_words(d.get("passive_hedge_verbs")),
        factive_verbs=_words(d["factive_verbs"]),
        future_constructions=tuple(tuple(w.lower() for w in p) for p in d["future_constructions"]),
        hedge_modals=_words(d["modals"].get("hedge")),
        negative_adjs=_words(d.get("negative_adjs")),
        negative_pronouns=_words(d.get("negative_pronouns")),
    )
