"""Who "I" and "we" are in a transcript turn: its speaker, and the speaker's side.

"Vladimir Putin: We will never allow ..." - "I", "me", "my" are Putin (RUS GOV, by name);
"we", "us", "our" are the side he speaks for: his country with his sector (RUS GOV), without
his name. "our army" is the speaker's country's army. Words inside quotation marks are somebody
else's, and a turn without a speaker ("Question:") resolves nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.actors.mention import Mention
from claimgraph.claims import lexicon
from claimgraph.claims.attribution import quote_spans
from claimgraph.claims.turns import Turn

# A role noun after "our" ("our army", "our diplomats") takes the speaker's country.
_ROLE_KINDS = frozenset({"group", "person"})
# A former office holder's "we" is not the elite's: the country alone.
_NO_SIDE_SECTORS = frozenset({"ELI"})


def speak_for(doc: Doc, mentions: Sequence[Mention], turns: Sequence[Turn]) -> list[Mention]:
    """Return the mentions with each speaker turn's first-person words resolved, by position."""
    lex = lexicon.cues()
    by_start = {m.start: m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    quotes = quote_spans(doc)
    replaced: dict[int, Mention] = {}
    added: list[Mention] = []
    for turn in turns:
        speaker = turn.speaker
        if speaker is None or speaker.code is None:
            continue
        side = None if speaker.sector in _NO_SIDE_SECTORS else speaker.sector
        for tok in doc[turn.start:turn.end]:
            word = tok.lower_
            if tok.i in covered or any(a < tok.i < b for a, b in quotes):
                continue
            if word in lex.first_singular:
                added.append(_pronoun(tok, speaker.code, speaker.sector, speaker))
            elif word in lex.first_plural:
                owned = by_start.get(tok.i + 1)
                if (owned is not None and tok.tag_ == "PRP$" and owned.kind in _ROLE_KINDS
                        and owned.name is None):
                    replaced[owned.start] = replace(
                        owned, start=tok.i, start_char=tok.idx, text=doc[tok.i:owned.end].text,
                        code=speaker.code, sector=owned.sector or side)
                else:
                    added.append(_pronoun(tok, speaker.code, side, None))
    if not added and not replaced:
        return list(mentions)
    out = [replaced.get(m.start, m) for m in mentions] + added
    return sorted(out, key=lambda m: m.start)


def _pronoun(tok: Token, code: str, sector: str | None, person: Mention | None) -> Mention:
    return Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, code, sector,
                   person.org if person is not None else None,
                   person.name if person is not None else None, "pronoun",
                   person.cameo if person is not None else None)
