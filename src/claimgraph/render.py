"""Readable plain-text tables of statements for the terminal."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from typing import Any

COLUMNS = ("actor", "event", "recipient", "status", "claimant", "when", "evidence")


def actor_label(refs: Iterable[dict[str, Any]] | None) -> str:
    """Return a compact label for a list of actor refs: 'Belarus (BLR)', 'Lukashenko (BLR GOV)'."""
    parts = []
    for ref in refs or []:
        code = " ".join(x for x in (ref.get("code"), ref.get("org") or ref.get("sector")) if x)
        parts.append(f"{ref.get('text')} ({code})" if code else str(ref.get("text")))
    return "; ".join(parts) or "-"


def statement_row(st: dict[str, Any]) -> dict[str, str]:
    """Return the display cells of one output-format statement dict."""
    ev = st["event"]
    claimant = st.get("claimant")
    claim = "-"
    if claimant:
        claim = actor_label([claimant])
        if claimant.get("cue"):
            claim += f" [{claimant['cue']}]"
    via = [r.get("text") for r in st.get("via") or []]
    if via:
        claim += " via " + " > ".join(str(v) for v in via)
    when = st.get("when") or {}
    when_cell = "-"
    if when:
        dates = " .. ".join(d for d in (when.get("start"), when.get("end")) if d)
        when_cell = f"{when.get('text') or ''} {dates}".strip() or "-"
    event = f"{ev['type']}" + (f"/{ev['mode']}" if ev.get("mode") else "") + f" ({ev['cameo']})"
    status = st["status"] + (" (hedged)" if st.get("hedged") else "")
    sentence = "headline" if st.get("sentence") == -1 else f"s{st.get('sentence')}"
    return {
        "actor": actor_label(st.get("actor")),
        "event": f"{event} '{ev.get('trigger')}'",
        "recipient": actor_label(st.get("recipient")),
        "status": status,
        "claimant": claim,
        "when": when_cell,
        "evidence": f"[{sentence}] {st.get('evidence', '')}",
    }


def table(rows: Sequence[dict[str, str]], columns: Sequence[str] = COLUMNS,
          width: int | None = None) -> str:
    """Lay out rows as a text table that fits the terminal; long cells wrap inside their column."""
    if not rows:
        return "(no statements)"
    width = width or shutil.get_terminal_size((160, 24)).columns
    last = columns[-1]
    sizes = {c: min(_CAP, max(len(c), *(_longest_word(r.get(c, "")) for r in rows),
                              *(len(r.get(c, "")) for r in rows)))
             for c in columns[:-1]}
    # Narrow the widest fixed column until the last (evidence) column gets a readable width.
    while sum(sizes.values()) + 2 * len(sizes) + _MIN_LAST > width:
        widest = max(sizes, key=lambda c: sizes[c] - max(_MIN_CELL, len(c)))
        if sizes[widest] <= max(_MIN_CELL, len(widest)):
            break
        sizes[widest] -= 1
    sizes[last] = max(_MIN_LAST, width - sum(sizes.values()) - 2 * len(sizes))
    lines = ["  ".join(_cut(c.upper(), sizes[c]).ljust(sizes[c]) for c in columns).rstrip()]
    lines.append("  ".join("-" * sizes[c] for c in columns))
    for r in rows:
        cells = {c: _wrap(r.get(c, ""), sizes[c]) for c in columns}
        for i in range(max(len(v) for v in cells.values())):
            parts = [(cells[c][i] if i < len(cells[c]) else "").ljust(sizes[c]) for c in columns]
            lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


_CAP, _MIN_CELL, _MIN_LAST = 26, 8, 36


def _longest_word(s: str) -> int:
    return max((len(w) for w in s.split()), default=0)


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _wrap(s: str, n: int) -> list[str]:
    out, line = [], ""
    for word in s.split():
        while len(word) > n:  # a word longer than the column is cut across lines
            if line:
                out.append(line)
                line = ""
            out.append(word[:n])
            word = word[n:]
        if line and len(line) + 1 + len(word) > n:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return out
