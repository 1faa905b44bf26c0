"""An actor mention found in a parsed document."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.model import ActorRef, Claimant


@dataclass
class Mention:
    """A resolved (or unresolved) actor mention; token offsets index the spaCy Doc it came from.

    `kind` is one of: country, person, institution, igo, group, pronoun, other.
    For pronouns and short-name mentions, code/sector/name come from the antecedent.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    code: str | None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    kind: str = "other"

    def ref(self) -> ActorRef:
        """Return the output-format actor reference."""
        return ActorRef(text=self.text, code=self.code, sector=self.sector, org=self.org,
                        name=self.name, span=(self.start_char, self.end_char))

    def claimant(self, cue: str | None) -> Claimant:
        """Return this mention as a claimant with its cue."""
        return Claimant(text=self.text, code=self.code, sector=self.sector, cue=cue, org=self.org,
                        name=self.name, span=(self.start_char, self.end_char))
