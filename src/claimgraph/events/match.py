"""An event found by the coder in one sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.actors.mention import Mention
from claimgraph.model import Where


@dataclass
class EventMatch:
    """One coded event: its trigger (token index of the head in the Doc) and its participants."""

    trigger: int
    trigger_text: str
    type: str
    cameo: str
    quad_class: int
    intensity: float
    mode: str | None = None
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    where: Where | None = None
    confidence: float = 0.5
    context: list[str] = field(default_factory=list)
    #: where the trigger's meaning comes from: "builtin", a user lexicon file, or "learned"
    source: str = "builtin"
    #: participants the learned ranker inferred from context (not found in the clause's parse)
    inferred: list[Mention] = field(default_factory=list)
