"""An actor mention found in a parsed document."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.model import ActorRef, Claimant


@dataclass
class Mention:
    """A resolved (or unresolved) actor mention; token offsets index the spaCy Doc it came from.

    `kind` is one of: country, capital, place, person, institution, igo, group, pronoun, other
    ("capital": a capital standing for its government, e.g. "Minsk"; "place": a city or region
    coded to its country without a sector, e.g. "Kirkuk"; "other": a thing described
    by a country adjective, e.g. "Belarusian hospitals", or an unknown place).
    For pronouns and short-name mentions, code/sector/name come from the antecedent.
    `cameo` keeps the full CAMEO/PETRARCH code of entries imported from PETRARCH dictionaries.
    `stateless` is True when the dictionary codes the actor without a country on purpose
    (al-Qaeda, Islamic State): context must not give it one.
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
    cameo: str | None = None
    stateless: bool = False

    def head_token(self, doc: Doc) -> Token:
        """Return the mention's syntactic head: its token whose head lies outside it."""
        for t in doc[self.start:self.end]:
            if not (self.start <= t.head.i < self.end) or t.head.i == t.i:
                return t
        return doc[self.end - 1]

    def ref(self) -> ActorRef:
        """Return the output-format actor reference."""
        return ActorRef(text=self.text, code=self.code, sector=self.sector, org=self.org,
                        name=self.name, span=(self.start_char, self.end_char))

    def claimant(self, cue: str | None) -> Claimant:
        """Return this mention as a claimant with its cue."""
        return Claimant(text=self.text, code=self.code, sector=self.sector, cue=cue, org=self.org,
                        name=self.name, span=(self.start_char, self.end_char))


def country_key(code: str | None, org: str | None = None) -> str | None:
    """The country part of a participant code ('RUS GOV' -> 'RUS'); an IGO keeps its acronym ('IGO NATO')."""
    if not code:
        return None
    parts = code.split()
    if parts[0] == "IGO":
        name = parts[1] if len(parts) > 1 else org
        return f"IGO {name}" if name else "IGO"
    return parts[0]
