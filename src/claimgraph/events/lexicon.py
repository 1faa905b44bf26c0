"""The event lexicon: trigger words, the CAMEO table and the PLOVER scores, loaded from data files."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimgraph.model import PLOVER_TYPES

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class CameoCode:
    """One row of the CAMEO table."""

    code: str
    type: str | None
    mode: str | None
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True)
class Entry:
    """What a trigger means: PLOVER type, mode and CAMEO code, and what it needs to fire."""

    type: str
    cameo: str
    mode: str | None = None
    requires: tuple[str, ...] = ()
    source: str = "builtin"


@dataclass
class Lexicon:
    """All lookup tables of the coder, keyed for O(1) access per token."""

    cameo: dict[str, CameoCode]
    scores: dict[tuple[str, str | None], float]
    modes: dict[str, set[str]]
    verbs: dict[str, Entry] = field(default_factory=dict)
    phrases: dict[tuple[str, str], Entry] = field(default_factory=dict)
    light: dict[str, str] = field(default_factory=dict)
    #: light verbs that carry only some event nouns ("had talks", never "had the support of")
    light_only: dict[str, frozenset[str]] = field(default_factory=dict)
    light_phrases: dict[tuple[str, str], str] = field(default_factory=dict)
    nouns: dict[str, Entry] = field(default_factory=dict)
    compounds: dict[tuple[str, str], Entry] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)

    def intensity(self, type_: str, mode: str | None) -> float:
        """Return the PLOVER conflict-cooperation score of a type and mode."""
        return self.scores.get((type_, mode), self.scores.get((type_, None), 0.0))

    def quad_class(self, cameo: str) -> int:
        """Return the GDELT quad class of a CAMEO code (from its root)."""
        row = self.cameo.get(cameo) or self.cameo.get(cameo[:2])
        return row.quad_class if row else quad_of_root(cameo)

    def entry(self, value: str | dict[str, Any], where: str, source: str = "builtin") -> Entry:
        """Build an Entry from a lexicon value ("190 aerial" or a mapping); raise ValueError if bad."""
        if isinstance(value, str):
            parts = value.split()
            spec: dict[str, Any] = {"cameo": parts[0]}
            if len(parts) > 1:
                spec["mode"] = parts[1]
        elif isinstance(value, dict):
            spec = value
        else:
            raise ValueError(f"{where}: entry must be a string or a mapping, not {value!r}")
        cameo = str(spec.get("cameo", "")).strip()
        row = self.cameo.get(cameo)
        if row is None:
            raise ValueError(f"{where}: unknown CAMEO code {cameo!r}")
        type_ = spec.get("type") or row.type
        if type_ not in PLOVER_TYPES:
            raise ValueError(f"{where}: CAMEO {cameo} has no PLOVER type; give one with `type`")
        mode = spec.get("mode", row.mode if row.type == type_ else None) or None
        if mode is not None and mode not in self.modes[type_]:
            raise ValueError(f"{where}: {mode!r} is not a PLOVER mode of {type_}")
        requires = spec.get("requires") or ()
        if isinstance(requires, str):
            requires = (requires,)
        if not all(isinstance(r, str) for r in requires):
            raise ValueError(f"{where}: quote YAML words such as \"on\" in `requires`")
        return Entry(type=type_, cameo=cameo, mode=mode, requires=tuple(str(r) for r in requires),
                     source=source)

    def add_entries(self, data: dict[str, Any], source: str) -> None:
        """Add the sections of one lexicon file (later files override earlier ones)."""
        for lemma, value in (data.get("verbs") or {}).items():
            self.verbs[str(lemma).lower()] = self.entry(value, f"verbs.{lemma}", source)
        for key, value in (data.get("phrases") or {}).items():
            self.phrases[_pair(key, "phrases")] = self.entry(value, f"phrases.{key}", source)
        for key, dep in (data.get("light") or {}).items():
            words = str(key).lower().split()
            if isinstance(dep, dict):
                if len(words) != 1 or "dep" not in dep or not dep.get("only"):
                    raise ValueError(f"light.{key}: a restricted light verb is one word with "
                                     "`dep` and a list `only`")
                self.light[words[0]] = str(dep["dep"])
                self.light_only[words[0]] = frozenset(str(n).lower() for n in dep["only"])
            elif len(words) == 1:
                self.light[words[0]] = str(dep)
                self.light_only.pop(words[0], None)
            else:
                self.light_phrases[_pair(key, "light")] = str(dep)
        for lemma, value in (data.get("nouns") or {}).items():
            self.nouns[str(lemma).lower()] = self.entry(value, f"nouns.{lemma}", source)
        for key, value in (data.get("compounds") or {}).items():
            self.compounds[_pair(key, "compounds")] = self.entry(value, f"compounds.{key}", source)


def quad_of_root(cameo: str) -> int:
    """Return the GDELT quad class of a CAMEO root: 01-05 verbal coop ... 14-20 material conflict."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _pair(key: str, section: str) -> tuple[str, str]:
    words = str(key).lower().split()
    if len(words) != 2:
        raise ValueError(f"{section}: {key!r} must be two words")
    return words[0], words[1]


def _tsv(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return csv.DictReader(lines, delimiter="\t")


def read_cameo(path: Path = DATA / "cameo.tsv") -> dict[str, CameoCode]:
    """Read the CAMEO table (code, type, mode, quad_class, goldstein, description)."""
    out = {}
    for row in _tsv(path):
        out[row["code"]] = CameoCode(code=row["code"], type=row["type"] or None,
                                     mode=row["mode"] or None, quad_class=int(row["quad_class"]),
                                     goldstein=float(row["goldstein"]),
                                     description=row["description"])
    return out


def read_scores(path: Path = DATA / "plover.tsv") -> tuple[dict[tuple[str, str | None], float],
                                                           dict[str, set[str]]]:
    """Read PLOVER scores per (type, mode) and the modes each type allows."""
    scores: dict[tuple[str, str | None], float] = {}
    modes: dict[str, set[str]] = {}
    for row in _tsv(path):
        mode = row["mode"] or None
        scores[(row["type"], mode)] = float(row["score"])
        modes.setdefault(row["type"], set())
        if mode:
            modes[row["type"]].add(mode)
    return scores, modes


def load(extra: Iterable[Path] = ()) -> Lexicon:
    """Load the built-in lexicon, then each extra lexicon file (YAML) over it."""
    scores, modes = read_scores()
    lex = Lexicon(cameo=read_cameo(), scores=scores, modes=modes)
    with (DATA / "rules.yaml").open(encoding="utf-8") as fh:
        lex.rules = yaml.safe_load(fh)
    with (DATA / "lexicon.yaml").open(encoding="utf-8") as fh:
        lex.add_entries(yaml.safe_load(fh), "builtin")
    for path in extra:
        with Path(path).open(encoding="utf-8") as fh:
            lex.add_entries(yaml.safe_load(fh) or {}, str(path))
    return lex


@functools.lru_cache(maxsize=1)
def default() -> Lexicon:
    """Return the process-wide built-in lexicon."""
    return load()
