"""The publisher a page credits as its article's origin ("(Reuters) -", "Source: X", an app promo)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class _Rule:
    name: str
    where: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Credits:
    rules: tuple[_Rule, ...]
    head: int
    tail: int
    aliases: dict[str, str]


@functools.lru_cache(maxsize=1)
def _load() -> _Credits:
    with open(Path(__file__).with_name("credits.yaml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    rules = tuple(_Rule(r["name"], r.get("where", "any"), re.compile(r["re"], re.M))
                  for r in data["patterns"])
    return _Credits(rules, int(data["head_lines"]), int(data["tail_lines"]), dict(data["aliases"]))


def credited_source(lines: list[str]) -> str | None:
    """Return the publisher credited as the origin, from the page's lines (kept and removed), or None."""
    cfg = _load()
    lines = [line.strip() for line in lines if line.strip()]
    scopes = {
        "head": lines[: cfg.head],
        "tail": lines[-cfg.tail:],
        "any": lines,
    }
    for rule in cfg.rules:
        for line in scopes.get(rule.where, lines):
            m = rule.pattern.search(line)
            if m:
                return _normalise(m.group("src"), cfg.aliases)
    return None


def _normalise(name: str, aliases: dict[str, str]) -> str:
    name = " ".join(name.split()).strip(" .,;:-–—")
    return aliases.get(name, name)
