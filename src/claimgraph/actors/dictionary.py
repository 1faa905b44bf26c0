"""Actor dictionaries: the entry model and the TSV files it is read from and written to.

Two layouts are read (see docs/actors.md):
- the *countries* layout, one row per country: `code, names, adjectives, demonyms, capitals`;
- the *actors* layout, header-driven: `name, aliases, code, sector, org, kind, start, end, cameo`
  (any subset, in any order, named by the file's first non-comment line). Rows that repeat a
  name add a dated role to the same entry.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import InputError

DATA_DIR = Path(__file__).resolve().parent / "data"

SECTORS = frozenset({
    "GOV", "MIL", "SPY", "OPP", "REB", "PTY", "COP", "JUD", "MED", "BUS", "CVL", "IGO", "NGO",
    "REL", "EDU", "LAB", "REF", "CRM", "ELI",
})

# What an entry denotes; the composer treats each differently.
KINDS = frozenset({
    "country",      # a country's name: "Belarus"
    "adjective",    # a country's adjective or demonym: "Belarusian", "Belarusians"
    "capital",      # a capital standing for its government: "Minsk"
    "place",        # a city, region or town: "Kirkuk" (its country, no sector)
    "title",        # a noun for one office holder: "president", "foreign minister"
    "agent",        # a noun for a body or group: "troops", "general staff", "police"
    "person",
    "institution",  # a named body: "SBU", "Ukrainska Pravda"
    "igo",          # an international organisation: "NATO"
    "group",        # a named collective: "the West"
})

ACTOR_COLUMNS = ("name", "aliases", "code", "sector", "org", "kind", "start", "end", "cameo")
USER_DIR_ENV = "CLAIMGRAPH_DICT_DIR"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Role:
    """What an entry codes to, optionally limited to a period (inclusive dates)."""

    code: str | None
    sector: str | None = None
    org: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    cameo: str | None = None

    def covers(self, day: dt.date) -> bool:
        """Return True if the role is held on `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        """True if the role is limited in time."""
        return self.start is not None or self.end is not None


@dataclass
class Entry:
    """One dictionary entry: a name, its aliases and its (dated) roles."""

    name: str
    kind: str
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    builtin: bool = True

    def role_at(self, day: dt.date | None) -> Role | None:
        """Return the role held on `day` (today if None); people outside every role are ELI."""
        if not self.roles:
            return None
        day = day or dt.date.today()
        held = [r for r in self.roles if r.covers(day)]
        if held:
            # A dated role is more specific than an undated default; among dated ones the
            # latest-starting is the one that describes the person on that day.
            held.sort(key=lambda r: (r.dated, r.sector not in (None, "ELI"), r.start or dt.date.min))
            return held[-1]
        dated = [r for r in self.roles if r.dated]
        if not dated:
            return self.roles[0]
        # Before the first role or after the last one a person is one of the country's elite.
        before = [r for r in dated if r.end is not None and r.end < day]
        ref = max(before, key=lambda r: r.end) if before else min(dated, key=lambda r: r.start or dt.date.max)
        if ref.code == "IGO" or ref.code is None:
            return Role(code=ref.code, sector="ELI", org=ref.org, cameo=None)
        return Role(code=ref.code, sector="ELI", cameo=None)

    def active(self, day: dt.date | None) -> bool:
        """Return True if some dated role is held on `day`."""
        day = day or dt.date.today()
        return any(r.dated and r.covers(day) for r in self.roles)


@dataclass
class Dictionary:
    """A set of entries with a lookup from normalised pattern to entries."""

    entries: list[Entry] = field(default_factory=list)
    # Normalised words that only match when written with a capital (lower-case "turkey" is a bird).
    cased: set[str] = field(default_factory=set)

    def extend(self, other: "Dictionary") -> None:
        """Add another dictionary's entries (earlier entries win ties at lookup)."""
        self.entries.extend(other.entries)
        self.cased |= other.cased

    def patterns(self) -> Iterator[tuple[str, Entry]]:
        """Yield (normalised pattern, entry) for every name and alias."""
        for e in self.entries:
            seen = set()
            for text in (e.name, *e.aliases):
                p = normalize(text)
                if p and p not in seen:
                    seen.add(p)
                    yield p, e

    def write(self, path: Path) -> None:
        """Write the entries in the actors layout (one row per role)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# claimgraph actor dictionary (actors layout, see docs/actors.md)\n")
            f.write("\t".join(ACTOR_COLUMNS) + "\n")
            for e in self.entries:
                aliases = "|".join(a for a in e.aliases if a != e.name)
                for i, r in enumerate(e.roles or [Role(None)]):
                    row = (e.name, aliases if i == 0 else "", r.code or "", r.sector or "",
                           r.org or "", e.kind, _fmt(r.start), _fmt(r.end), r.cameo or "")
                    f.write("\t".join(_clean_cell(c) for c in row) + "\n")


def normalize(text: str) -> str:
    """Return the matching form of a name: lower case, no accents, straight quotes, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    return " ".join(text.lower().split())


def first_word(norm: str) -> str | None:
    """Return the leading word characters of a normalised string (the index key)."""
    m = _WORD.match(norm)
    return m.group(0) if m else None


def parse_date(text: str) -> dt.date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD (empty: None)."""
    text = text.strip()
    if not text:
        return None
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"bad date {text!r}") from exc


def parse_end_date(text: str) -> dt.date | None:
    """Parse an end date; a bare year or month means its last day."""
    day = parse_date(text)
    if day is None:
        return None
    parts = text.strip().split("-")
    if len(parts) == 1:
        return dt.date(day.year, 12, 31)
    if len(parts) == 2:
        nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return day


def _fmt(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _clean_cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line.split("\t")


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def read_countries(path: Path, builtin: bool = True) -> list[Entry]:
    """Read the countries layout: code, names, adjectives, demonyms, capitals."""
    out: list[Entry] = []
    for n, cells in _rows(path):
        cells += [""] * (5 - len(cells))
        code = cells[0].strip()
        if not code:
            raise InputError(str(path), f"line {n}: missing country code")
        names, adjectives, demonyms, capitals = (_split(c) for c in cells[1:5])
        if not names:
            raise InputError(str(path), f"line {n}: country {code} has no name")
        out.append(Entry(names[0], "country", [Role(code)], names[1:], builtin))
        if adjectives or demonyms:
            forms = adjectives + demonyms
            out.append(Entry(forms[0], "adjective", [Role(code)], forms[1:], builtin))
        if capitals:
            out.append(Entry(capitals[0], "capital", [Role(code, "GOV")], capitals[1:], builtin))
    return out


def read_actors(path: Path, builtin: bool = True) -> list[Entry]:
    """Read the header-driven actors layout; repeated names add roles to one entry."""
    rows = _rows(path)
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    header = [h.strip().lower() for h in header]
    unknown = [h for h in header if h not in ACTOR_COLUMNS]
    if "name" not in header or unknown:
        raise InputError(str(path), f"bad header (columns: {', '.join(ACTOR_COLUMNS)})")
    by_key: dict[tuple[str, str], Entry] = {}
    out: list[Entry] = []
    for n, cells in rows:
        row = dict(zip(header, (c.strip() for c in cells)))
        name = row.get("name", "")
        if not name:
            raise InputError(str(path), f"line {n}: empty name")
        kind = row.get("kind") or "institution"
        if kind not in KINDS:
            raise InputError(str(path), f"line {n}: unknown kind {kind!r}")
        sector = row.get("sector") or None
        if sector is not None and sector not in SECTORS:
            raise InputError(str(path), f"line {n}: unknown sector {sector!r}")
        try:
            role = Role(code=row.get("code") or None, sector=sector, org=row.get("org") or None,
                        start=parse_date(row.get("start", "")), end=parse_end_date(row.get("end", "")),
                        cameo=row.get("cameo") or None)
        except ValueError as exc:
            raise InputError(str(path), f"line {n}: {exc}") from None
        key = (normalize(name), kind)
        entry = by_key.get(key)
        if entry is None:
            entry = by_key[key] = Entry(name, kind, [], [], builtin)
            out.append(entry)
        entry.roles.append(role)
        for a in _split(row.get("aliases", "")):
            if a not in entry.aliases:
                entry.aliases.append(a)
    return out


def merge(entries: Iterable[Entry]) -> list[Entry]:
    """Merge entries with the same name and kind (roles and aliases pooled, first one's order kept)."""
    by_key: dict[tuple[str, str], Entry] = {}
    out: list[Entry] = []
    for e in entries:
        key = (normalize(e.name), e.kind)
        first = by_key.get(key)
        if first is None:
            by_key[key] = e
            out.append(e)
            continue
        first.roles.extend(e.roles)
        first.aliases.extend(a for a in e.aliases if a not in first.aliases)
    return out


def read_words(path: Path) -> set[str]:
    """Read a one-word-per-line list (comments with #)."""
    return {normalize(cells[0]) for _, cells in _rows(path)}


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Return the verbs whose reported clause's 'it'/'they' is their own subject."""
    return frozenset(read_words(DATA_DIR / "reporting_verbs.txt"))


@functools.lru_cache(maxsize=1)
def materiel() -> frozenset[str]:
    """Return the weapon and military-vehicle nouns (lower case) of the built-in list."""
    return frozenset(read_words(DATA_DIR / "materiel.txt"))


def read_file(path: Path, builtin: bool = False) -> Dictionary:
    """Read one dictionary file in either layout (countries files are named *countries*.tsv)."""
    if "countries" in path.name:
        return Dictionary(read_countries(path, builtin))
    return Dictionary(read_actors(path, builtin))


def builtin() -> Dictionary:
    """Return the dictionary shipped with the package."""
    d = Dictionary(read_countries(DATA_DIR / "countries.tsv"))
    for name in ("igos.tsv", "institutions.tsv", "people.tsv", "people-historical.tsv", "agents.tsv",
                 "places.tsv"):
        d.entries.extend(read_actors(DATA_DIR / name))
    d.cased = read_words(DATA_DIR / "cased.txt")
    return d


def user_dir() -> Path:
    """Return the directory whose *.tsv dictionaries are loaded alongside the built-in one."""
    env = os.environ.get(USER_DIR_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimgraph" / "dicts"


def user_files() -> list[Path]:
    """Return the user's dictionary files, sorted by name."""
    d = user_dir()
    return sorted(d.glob("*.tsv")) if d.is_dir() else []


def load(paths: Iterable[Path], include_builtin: bool = True) -> Dictionary:
    """Return the built-in dictionary (optionally) plus the given files."""
    d = builtin() if include_builtin else Dictionary()
    for p in paths:
        if not Path(p).is_file():
            raise InputError(str(p), "no such dictionary file")
        d.extend(read_file(Path(p)))
    return d
