"""The learned participant ranker: fills an event's missing actor or recipient country.

The rule coder leaves an actor or recipient empty where the parse gives none it can code (a
pronoun it cannot resolve, a reported clause, a headline without a subject). Annotators then read
the country from the sentence and the document around it. The ranker does the same: for each
event it scores every country in reach — the sentence's coded mentions, the claimant, the
previous sentence, the document's most frequent countries — with one logistic regression per
role over parse and document features, and fills an empty role with the best candidate above its
threshold. `make train` fits it on the corpus's train split (`claimgraph.learn.train_ranker`).

Named step: `fill` (switch it off to measure it).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

from claimgraph.actors.mention import Mention, country_key
from claimgraph.events.match import EventMatch
from claimgraph.model import Claimant

ROLES = ("actor", "recipient")
MODEL_FILE = "participants.json"


@dataclass
class Context:
    """What the ranker knows of one document while its events are coded."""

    doc: Doc
    mentions: Sequence[Mention]
    counts: Counter = field(default_factory=Counter)
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, mentions: Sequence[Mention]) -> "Context":
        """Index a document's coded mentions by country and by sentence."""
        ctx = cls(doc, mentions)
        starts = [s.start for s in doc.sents]
        for m in mentions:
            c = country_key(m.code, m.org)
            if c is None:
                continue
            ctx.counts[c] += 1
            k = _sentence_index(starts, m.start)
            ctx.by_sentence.setdefault(k, []).append(m)
        return ctx


def _sentence_index(starts: list[int], token: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= token:
            lo = mid
        else:
            hi = mid - 1
    return lo


def candidates(ctx: Context, sent_index: int, sent: Span, match: EventMatch,
               claimant: Claimant | None) -> dict[str, dict[str, dict[str, float]]]:
    """Features of every candidate country, per role: {role: {country: {feature: value}}}."""
    here = [m for m in ctx.by_sentence.get(sent_index, []) if sent.start <= m.start < sent.end]
    prev = {country_key(m.code, m.org) for m in ctx.by_sentence.get(sent_index - 1, [])}
    claimed = country_key(claimant.code, claimant.org) if claimant else None
    rule = {"actor": {country_key(m.code, m.org) for m in match.actors},
            "recipient": {country_key(m.code, m.org) for m in match.recipients}}
    ranked = [c for c, _ in ctx.counts.most_common()]
    total = sum(ctx.counts.values()) or 1
    pool = {country_key(m.code, m.org) for m in here} | set(ranked[:3]) | prev
    if claimed:
        pool.add(claimed)
    pool.discard(None)
    trigger = ctx.doc[match.trigger]
    out: dict[str, dict[str, dict[str, float]]] = {r: {} for r in ROLES}
    for c in sorted(pool):
        base: dict[str, float] = {"bias": 1.0, f"type={match.type}": 1.0,
                                  f"n_pool={min(len(pool), 5)}": 1.0}
        own = [m for m in here if country_key(m.code, m.org) == c]
        if own:
            m = min(own, key=lambda x: abs(x.head_token(ctx.doc).i - trigger.i))
            head = m.head_token(ctx.doc)
            dist = head.i - trigger.i
            dep = head.dep_ if head.head.i == trigger.i else f"far_{head.dep_}"
            base.update({"in_sentence": 1.0, "before": float(dist < 0), f"dist={_bucket(dist)}": 1.0,
                         f"dep={dep}": 1.0, f"kind={m.kind}": 1.0, f"sector={m.sector or 'none'}": 1.0,
                         f"type_dep={match.type}_{dep}": 1.0, f"mentions={min(len(own), 3)}": 1.0})
        if c in prev:
            base["previous_sentence"] = 1.0
        if c == claimed:
            base["claimant"] = 1.0
            base[f"claimant_type={match.type}"] = 1.0
        if c in ranked:
            base[f"doc_rank={min(ranked.index(c) + 1, 4)}"] = 1.0
            base["doc_share"] = ctx.counts[c] / total
        for role in ROLES:
            other = "recipient" if role == "actor" else "actor"
            f = dict(base)
            if c in rule[role]:
                f["rule_same_role"] = 1.0
            if c in rule[other]:
                f["rule_other_role"] = 1.0
            if not rule[role] - {None}:
                f["rule_role_empty"] = 1.0
            out[role][c] = f
    return out


def _bucket(d: int) -> str:
    a = abs(d)
    return "1" if a <= 1 else "2-3" if a <= 3 else "4-7" if a <= 7 else "8+"


@dataclass
class ParticipantRanker:
    """Per role, feature weights and the threshold above which an empty role is filled."""

    weights: dict[str, dict[str, float]]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)
    disabled: frozenset[str] = field(default_factory=frozenset)

    def score(self, role: str, features: dict[str, float]) -> float:
        """Probability that a candidate country plays the role."""
        w = self.weights[role]
        z = sum(w.get(k, 0.0) * v for k, v in features.items())
        return float(1.0 / (1.0 + np.exp(-z)))

    def apply(self, ctx: Context, sent_index: int, sent: Span, match: EventMatch,
              claimant: Claimant | None) -> None:
        """Fill the match's empty roles in place with the best candidates above threshold."""
        if "fill" in self.disabled:
            return
        cands = candidates(ctx, sent_index, sent, match, claimant)
        taken: set[str] = set()
        for role in ROLES:
            current = match.actors if role == "actor" else match.recipients
            coded = {country_key(m.code, m.org) for m in current} - {None}
            if coded:
                taken |= coded
                continue
            scored = sorted(((self.score(role, f), c) for c, f in cands[role].items() if c not in taken),
                            reverse=True)
            if scored and scored[0][0] >= self.thresholds[role]:
                c = scored[0][1]
                m = _representative(ctx, sent_index, sent, c, claimant)
                if m is not None:
                    current.append(m)
                    match.inferred.append(m)
                    taken.add(c)

    def save(self, path: Path) -> None:
        """Write the ranker as one JSON file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"weights": self.weights, "thresholds": self.thresholds,
                                    "meta": self.meta}, indent=0, sort_keys=True))

    @classmethod
    def read(cls, path: Path) -> "ParticipantRanker":
        """Read a ranker written by `save`."""
        spec = json.loads(path.read_text(encoding="utf-8"))
        return cls(spec["weights"], spec["thresholds"], spec.get("meta", {}))


def _representative(ctx: Context, sent_index: int, sent: Span, country: str,
                    claimant: Claimant | None) -> Mention | None:
    """The mention that stands for a chosen country: in the sentence, else the nearest before it."""
    for k in range(sent_index, -1, -1):
        ms = [m for m in ctx.by_sentence.get(k, []) if country_key(m.code, m.org) == country
              and (k < sent_index or sent.start <= m.start < sent.end)]
        if ms:
            return ms[0] if k == sent_index else ms[-1]
    ms = [m for m in ctx.mentions if country_key(m.code, m.org) == country]
    return ms[0] if ms else None


def shipped_path() -> Path:
    """Where the package keeps the trained ranker."""
    return Path(str(resources.files("claimgraph.events") / "models" / MODEL_FILE))


@functools.lru_cache(maxsize=1)
def _shipped() -> ParticipantRanker | None:
    path = shipped_path()
    return ParticipantRanker.read(path) if path.exists() else None


def default(disabled: frozenset[str] = frozenset()) -> ParticipantRanker | None:
    """The shipped ranker (with the given steps off), or None when none has been trained."""
    r = _shipped()
    if r is None:
        return None
    return ParticipantRanker(r.weights, r.thresholds, r.meta, frozenset(disabled))
