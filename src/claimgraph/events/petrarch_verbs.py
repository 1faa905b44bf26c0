"""Import a PETRARCH verb dictionary (`*.verbs.txt`) into claimgraph's lexicon format (YAML)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import InputError
from claimgraph.events.lexicon import Lexicon

_HEADER = re.compile(r"^---\s+([A-Z_]+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"^-\s+\*\s+([A-Z]+)\s+\[([^\]]*)\]")


def convert(path: Path, lexicon: Lexicon) -> tuple[dict[str, Any], int]:
    """Return (lexicon data, number of skipped patterns) for a PETRARCH verbs file.

    Kept: each verb block's own code, and "verb * OBJECT" patterns with a single object word.
    Skipped: codes without a PLOVER type in the CAMEO table (WEIS-era codes, "---"), synsets and
    multi-word or context patterns, which need PETRARCH's phrase-structure matcher.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read verb dictionary: {exc}") from exc
    verbs: dict[str, str] = {}
    phrases: dict[str, str] = {}
    skipped = 0
    verb: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        head = _HEADER.match(line)
        if head:
            verb = head.group(1).strip("_").lower()
            code = _code(head.group(2), lexicon)
            if code:
                verbs[verb] = code
            else:
                skipped += 1
            continue
        pat = _PATTERN.match(line)
        if pat and verb:
            code = _code(pat.group(2), lexicon)
            if code:
                phrases[f"{verb} {pat.group(1).lower()}"] = code
            else:
                skipped += 1
        elif line.startswith("-"):
            skipped += 1
    return {"verbs": verbs, "phrases": phrases}, skipped


def _code(text: str, lexicon: Lexicon) -> str | None:
    code = text.split(":")[0].strip()
    row = lexicon.cameo.get(code)
    return code if row is not None and row.type else None


def write(data: dict[str, Any], out: Path) -> None:
    """Write imported lexicon data as a claimgraph lexicon YAML file."""
    header = "# Imported from a PETRARCH verb dictionary by `claimgraph dict import-petrarch-verbs`.\n"
    Path(out).write_text(header + yaml.safe_dump(data, sort_keys=True, allow_unicode=True),
                         encoding="utf-8")
