"""Convert PETRARCH/Phoenix actor and agent dictionaries into claimgraph's dictionary format.

Actors files (`*.actors.txt`): an entry line `NAME [CODE] ...`, synonym lines `+NAME`, and code
lines `[CODE]`, `[CODE >YYMMDD]` (from), `[CODE <YYMMDD]` (before), `[CODE YYMMDD-YYMMDD]`;
underscores join words; `#` starts a comment; `<!-- -->` blocks are comments.
Agents files (`*.agents.txt`): `NOUN {PLURALS} [~SEC]` with `!MACRO! = A, B` substitutions.
CAMEO codes are split into an ISO-style country code and a claimgraph sector; the full code is
kept in `cameo` so fictional or finer codes survive (the PETRARCH validation suite uses them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.actors.dictionary import Dictionary, Entry, Role, merge, read_words
from claimgraph.actors.dictionary import DATA_DIR
from claimgraph.errors import InputError

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RE = re.compile(r"^\s*([<>])?\s*(\d{6}|\d{8})\s*(?:-\s*(\d{6}|\d{8}))?\s*$")
_MACRO_RE = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
_PLURAL_RE = re.compile(r"\{([^}]*)\}")
_TITLE_WORDS = ("PRESIDENT", "PRIME MINISTER", "MINISTER", "KING", "QUEEN", "PRINCE", "GENERAL",
                "SECRETARY", "CHANCELLOR", "PREMIER", "SENATOR", "AMBASSADOR")


def is_petrarch_file(path: Path) -> bool:
    """Return True for PETRARCH dictionary files (`*.actors.txt`, `*.agents.txt`, other `.txt`)."""
    return path.suffix.lower() == ".txt"


def _mapping() -> dict[str, dict[str, str]]:
    """Read the CAMEO-to-claimgraph code tables shipped next to this module."""
    tables: dict[str, dict[str, str]] = {}
    path = DATA_DIR / "petrarch_codes.tsv"
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            table, cameo, ours = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            tables.setdefault(table, {})[cameo.strip()] = ours.strip()
    return tables


_TABLES: dict[str, dict[str, str]] | None = None


def _tables() -> dict[str, dict[str, str]]:
    global _TABLES
    if _TABLES is None:
        _TABLES = _mapping()
    return _TABLES


def map_code(raw: str) -> tuple[str | None, str | None, str | None]:
    """Split a CAMEO code into (code, sector, org): "RUSGOV" -> ("RUS", "GOV", None)."""
    t = _tables()
    raw = raw.strip().upper().split("/")[0]
    if not raw or set(raw) <= set("-+"):
        return None, None, None
    if raw.startswith("~") or raw.endswith("~"):
        # agent codes: "~MIL" (a sector) or "NGO~" (a primary code)
        body = raw.strip("~")
        if raw.endswith("~") and body[:3] == "IGO":
            return "IGO", None, None
        return None, _sector(body, t), None
    chunks = [raw[i:i + 3] for i in range(0, len(raw), 3)]
    head, rest = chunks[0], chunks[1:]
    if head == "IGO":
        org = next((t["org"][c] for c in reversed(rest) if c in t["org"]), None)
        return "IGO", _sector("".join(c for c in rest if c not in t["org"]), t), org
    if head in t["primary"]:
        # non-state primary codes (NGO, IMG, MNC, ...): no country, the code is a sector
        return None, t["primary"][head] or _sector("".join(rest), t), None
    return head, _sector("".join(rest), t), None


def _sector(codes: str, t: dict[str, dict[str, str]]) -> str | None:
    for i in range(0, len(codes), 3):
        s = t["sector"].get(codes[i:i + 3])
        if s:
            return s
    return None


def parse_date(text: str) -> dt.date:
    """Parse YYMMDD (two-digit years above 30 are 19xx) or YYYYMMDD."""
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{1900 + yy if yy > 30 else 2000 + yy}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(spec: str) -> Role:
    """Parse the inside of one `[...]` code: code plus optional date restriction."""
    parts = spec.strip().split(None, 1)
    raw = parts[0] if parts else ""
    start = end = None
    if len(parts) > 1:
        m = _DATE_RE.match(parts[1])
        if m:
            try:
                op, d1, d2 = m.group(1), parse_date(m.group(2)), m.group(3)
                if op == "<":
                    end = d1 - dt.timedelta(days=1)
                elif op == ">":
                    start = d1
                else:
                    start, end = d1, (parse_date(d2) if d2 else d1)
            except ValueError:
                start = end = None  # malformed dates in community files: keep the code undated
    code, sector, org = map_code(raw)
    return Role(code=code, sector=sector, org=org, start=start, end=end,
                cameo=raw.upper() if raw and not set(raw) <= set("-+") else None)


def _name(text: str) -> str:
    text = text.strip().replace("_", " ")
    return " ".join(text.split()).title() if text.isupper() else " ".join(text.split())


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


def _lines(path: Path) -> Iterator[str]:
    """Yield lines with XML-style comment blocks removed."""
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if in_comment:
                if "-->" in s:
                    in_comment = False
                continue
            if s.startswith("<!") or s.startswith("<"):
                in_comment = "-->" not in s
                continue
            yield line.rstrip("\n")


def read_actors(path: Path) -> list[Entry]:
    """Parse a PETRARCH actors file into entries (not yet given a kind)."""
    entries: list[Entry] = []
    current: Entry | None = None
    for line in _lines(path):
        body = _strip_comment(line)
        if not body.strip():
            continue
        codes = [parse_code(c) for c in _CODE_RE.findall(body)]
        text = _CODE_RE.sub(" ", body)
        if body[0] in " \t" and not text.strip():
            if current is not None:
                current.roles.extend(codes)
            continue
        stripped = text.strip()
        if stripped.startswith("+") or (body[0] in " \t" and current is not None):
            if current is not None:
                for syn in stripped.split("+"):
                    if syn.strip():
                        current.aliases.append(_name(syn))
                current.roles.extend(codes)
            continue
        current = Entry(_name(stripped), "institution", codes, [], builtin=False)
        entries.append(current)
    # an entry without any code codes nothing (PETRARCH skips it too)
    return [_finish(e) for e in entries if e.name and any(r.code or r.sector for r in e.roles)]


def _finish(e: Entry) -> Entry:
    """Give an imported entry its kind, and an undated [ELI]/[---] the country of its dated roles."""
    dated = [r for r in e.roles if r.dated and r.code]
    if dated:
        latest = max(dated, key=lambda r: r.start or dt.date.min)
        e.roles = [r if r.dated or r.code else Role(latest.code, r.sector, latest.org, None, None, r.cameo)
                   for r in e.roles]
    codes = [r for r in e.roles if r.code or r.sector]
    upper = e.name.upper()
    if dated or any(upper.startswith(w + " ") for w in _TITLE_WORDS):
        e.kind = "person"
    elif codes and all(r.code == "IGO" for r in codes):
        e.kind = "igo"
    elif codes and all(r.sector is None and r.code not in (None, "IGO") for r in codes):
        e.kind = "country"
    else:
        e.kind = "institution"
    return e


def read_agents(path: Path) -> list[Entry]:
    """Parse a PETRARCH agents file into generic-noun entries."""
    macros: dict[str, list[str]] = {}
    out: list[Entry] = []
    for line in _lines(path):
        body = _strip_comment(line).strip()
        if not body:
            continue
        m = _MACRO_RE.match(body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_RE.findall(body)
        if not codes:
            continue
        role = parse_code(codes[0])
        if role.sector is None and role.code is None:
            continue
        plural_m = _PLURAL_RE.search(body)
        noun = _CODE_RE.sub(" ", _PLURAL_RE.sub(" ", body)).strip()
        forms = _expand(noun, macros)
        if plural_m is None:
            forms += [p for p in map(_plural, list(forms)) if p]
        else:
            forms += _expand(plural_m.group(1).strip(), macros) if plural_m.group(1).strip() else []
        names = list(dict.fromkeys(_name(f).lower() for f in forms if f.strip()))
        if names:
            out.append(Entry(names[0], "agent", [role], names[1:], builtin=False))
    return out


def _expand(noun: str, macros: dict[str, list[str]]) -> list[str]:
    forms = [noun]
    for macro, words in macros.items():
        if any(macro in f for f in forms):
            forms = [f.replace(macro, w) for f in forms for w in words] if words else forms
    # a stem like DEFENCE_MINIST stands for the macro whose words all start with it
    out = []
    for f in forms:
        last = re.split(r"[_ ]", f)[-1]
        stems = [ws for ws in macros.values() if len(last) >= 4 and ws and all(w.startswith(last) and w != last for w in ws)]
        if stems:
            out.extend(f[: len(f) - len(last)] + w for w in stems[0])
        else:
            out.append(f)
    return out


def _plural(noun: str) -> str | None:
    """Return the regular plural of an agent noun phrase ("MINISTER_OF_X" -> "MINISTERS_OF_X")."""
    n = noun.rstrip("_ ")
    m = re.search(r"[_ ]OF[_ ]", n)
    if m:
        head = _plural(n[:m.start()])
        return None if head is None else head + n[m.start():]
    if n.endswith("MEN") or (n.endswith("S") and not n.endswith("SS")):
        return None  # already plural
    if re.search(r"[^AEIOU]Y$", n):
        return n[:-1] + "IES"
    if re.search(r"(S|X|Z|CH|SH)$", n):
        return n + "ES"
    if n.endswith("MAN"):
        return n[:-3] + "MEN"
    return n + "S"


def convert(paths: Iterable[Path]) -> Dictionary:
    """Read PETRARCH actors/agents files into one claimgraph Dictionary (entries not built-in)."""
    d = Dictionary()
    for p in paths:
        p = Path(p)
        if not p.is_file():
            raise InputError(str(p), "no such dictionary file")
        if "agent" in p.name.lower():
            d.entries.extend(read_agents(p))
        else:
            d.entries.extend(read_actors(p))
    d.entries = merge(d.entries)
    d.cased = read_words(DATA_DIR / "cased.txt")
    return d
