"""Transcript turns: "Vladimir Putin: We will ...", "Question: ..." up to the next turn marker.

Kremlin and presidency transcripts give each turn as a label and a colon: a person's name,
perhaps after a title ("President of Russia Vladimir Putin:"), or a word for somebody unnamed
("Question:", "Remark:", listed as `turn_labels` in `claims/data/cues.yaml`). Flattened pages
run the turns together on one line, so a label counts where a paragraph, a line or a sentence
ends before it, or after a heading noun ("... at the BRICS Summit President of Russia Vladimir
Putin:"), never after a word that would make the name part of a sentence ("an interview with
Vladimir Putin:"). A turn runs from its colon to the next label, or to the end of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.actors.mention import Mention
from claimgraph.claims import lexicon

# tokens: "Deputy Prime Minister of the Russian Federation Tatyana Golikova", or a scraped name
# card that repeats the name around the title
_MAX_LABEL = 20
_CONNECTORS = frozenset({"of", "the", "and", "-"})
# What may stand right before a label: the end of what went before, or a heading's last noun.
_BEFORE_POS = frozenset({"PUNCT", "NOUN", "PROPN", "NUM", "SYM", "X"})


@dataclass(frozen=True)
class Turn:
    """One turn of a transcript, as token offsets of the Doc."""

    label: tuple[int, int]  # "President of Russia Vladimir Putin", "Question"
    colon: int
    end: int  # the next turn's label, or the end of the Doc
    speaker: Mention | None  # the person speaking; None for "Question:", "Remark:"

    @property
    def start(self) -> int:
        """The first token of what is said."""
        return self.colon + 1

    def holds(self, i: int) -> bool:
        """Whether token i is said in this turn."""
        return self.start <= i < self.end


def find_turns(doc: Doc, mentions: Sequence[Mention]) -> list[Turn]:
    """Return the turns of a transcript in order (none for an ordinary text)."""
    labels = lexicon.cues().turn_labels
    persons = [m for m in mentions if m.kind == "person" and (m.name or m.code)]
    marks: list[tuple[tuple[int, int], int, Mention | None]] = []
    for t in doc:
        if t.text != ":" or not _opens_speech(doc, t.i):
            continue
        start = _label_start(doc, t.i)
        # the last person named in the label: scraped name cards repeat the name before the
        # title ("Kassym-Jomart Tokayev Tokayev Kassym-JomartPresident of ...:")
        # (a heading noun may have joined the name's mention: "... the government Recep ...")
        speaker = next((m for m in reversed(persons) if start < m.end <= t.i), None)
        if speaker is None:
            word = doc[t.i - 1] if t.i > 0 else None
            if word is None or word.lower_ not in labels or not word.text[0].isupper():
                continue
            start = t.i - 1
        if start == t.i or not _at_boundary(doc, start):
            continue
        marks.append(((start, t.i), t.i, speaker))
    out = []
    for k, (label, colon, speaker) in enumerate(marks):
        end = marks[k + 1][0][0] if k + 1 < len(marks) else len(doc)
        out.append(Turn(label, colon, end, speaker))
    return out


def turn_at(turns: Sequence[Turn], i: int) -> Turn | None:
    """Return the turn in which token i is said, if any."""
    return next((t for t in turns if t.holds(i)), None)


def _opens_speech(doc: Doc, colon: int) -> bool:
    """Whether the colon is followed by what someone says (not "3:30", not a list in lower case)."""
    if colon + 1 >= len(doc):
        return False
    nxt = doc[colon + 1]
    return not nxt.text[:1].islower() and "\n" not in doc[colon].text_with_ws


def _label_start(doc: Doc, colon: int) -> int:
    """The first word of the title-case run before a colon ("President of Russia Vladimir Putin")."""
    k = colon
    while k > 0 and colon - k < _MAX_LABEL and "\n" not in doc[k - 1].text_with_ws:
        prev = doc[k - 1]
        if not (prev.is_title or prev.is_upper or prev.pos_ == "PROPN"
                or (prev.lower_ in _CONNECTORS and k - 1 > 0)):
            break
        if prev.is_punct and prev.text != "-":
            break
        k -= 1
    while k < colon and doc[k].lower_ in _CONNECTORS:
        k += 1
    return k


def _at_boundary(doc: Doc, start: int) -> bool:
    """Whether a label starting at `start` begins a turn rather than continuing a sentence."""
    if start == 0:
        return True
    prev: Token = doc[start - 1]
    if "\n" in prev.text_with_ws or doc[start].is_sent_start:
        return True
    return prev.pos_ in _BEFORE_POS
