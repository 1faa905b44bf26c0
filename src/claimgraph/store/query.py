"""Build the WHERE clauses of statement queries from the filter arguments (portable SQL, `?` params)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from claimgraph.store.rows import to_date

Values = str | Sequence[str] | None
DateLike = str | dt.date | None

_CODE = re.compile(r"^[A-Z]{3}$")
_CODE_SECTOR = re.compile(r"^([A-Z]{3})([A-Z]{3})$")


@dataclass
class Where:
    """A conjunction of SQL conditions with their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        """Add one condition."""
        self.clauses.append(clause)
        self.params.extend(params)

    def add_in(self, column: str, items: Sequence[Any]) -> None:
        """Add `column IN (...)` for the items; nothing when there are none."""
        if items:
            self.add(f"{column} IN ({placeholders(len(items))})", *items)

    def sql(self) -> str:
        """Return `WHERE ...`, or an empty string when there are no conditions."""
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def placeholders(n: int) -> str:
    """Return `?, ?, ...` for n parameters."""
    return ", ".join("?" * n)


def values(value: Values) -> list[str]:
    """Return a filter value as a list of non-empty strings (a string may list values with commas)."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        out.extend(v.strip() for v in str(item).split(",") if v.strip())
    return out


def actor_condition(spec: str, code: str, sector: str, org: str) -> tuple[str, list[Any]]:
    """Return a condition matching an actor spec ("BLR", "BLR GOV", "BLRGOV", "NATO", "IGO NATO").

    A country code matches any sector; code plus sector matches exactly; an IGO acronym matches
    the `org` field. `code`, `sector` and `org` name the columns to test.
    """
    key = re.sub(r"[^A-Za-z0-9]", "", spec).upper()
    if not key:
        raise ValueError(f"empty actor code: {spec!r}")
    alternatives = [f"upper({org}) = ?"]
    params: list[Any] = [key]
    if key.startswith("IGO") and len(key) > 3:
        alternatives.append(f"({code} = 'IGO' AND upper({org}) = ?)")
        params.append(key[3:])
    elif _CODE.match(key):
        alternatives.append(f"{code} = ?")
        params.append(key)
    elif m := _CODE_SECTOR.match(key):
        alternatives.append(f"({code} = ? AND upper({sector}) = ?)")
        params.extend([m.group(1), m.group(2)])
    return "(" + " OR ".join(alternatives) + ")", params


def date_value(value: DateLike, name: str) -> dt.date | None:
    """Return a filter date; raise ValueError naming the filter when it is not an ISO date."""
    if value is None or value == "":
        return None
    parsed = to_date(value)
    if parsed is None:
        raise ValueError(f"{name}: not an ISO date: {value!r}")
    return parsed


def statement_filters(*, actor: Values = None, recipient: Values = None, type: Values = None,
                      status: Values = None, since: DateLike = None, until: DateLike = None,
                      claimant: Values = None, document: Values = None,
                      hedged: bool | None = None, site: Values = None,
                      text: str | None = None) -> Where:
    """Return the conditions on `statements s` for the public filter arguments.

    `site` keeps statements of documents from those sites (outlets); `text` keeps statements
    whose evidence contains every word of it.
    """
    where = Where()
    for role, specs in (("actor", values(actor)), ("recipient", values(recipient))):
        if not specs:
            continue
        ors, params = [], []
        for spec in specs:
            cond, p = actor_condition(spec, "a.code", "a.sector", "a.org")
            ors.append(cond)
            params.extend(p)
        where.add("EXISTS (SELECT 1 FROM statement_actors a WHERE a.document_id = s.document_id"
                  " AND a.statement_position = s.position AND a.role = ? AND ("
                  + " OR ".join(ors) + "))", role, *params)
    where.add_in("s.event_type", [t.upper() for t in values(type)])
    where.add_in("s.status", [t.lower() for t in values(status)])
    start, end = date_value(since, "since"), date_value(until, "until")
    if start is not None:
        where.add("s.event_date >= ?", start)
    if end is not None:
        where.add("s.event_date <= ?", end)
    claimants = values(claimant)
    if claimants:
        ors, params = [], []
        for spec in claimants:
            cond, p = actor_condition(spec, "s.claimant_code", "s.claimant_sector", "s.claimant_org")
            ors.append(f"({cond} OR lower(s.claimant_text) LIKE ? ESCAPE '\\')")
            params.extend(p)
            params.append("%" + _escape_like(spec.lower()) + "%")
        where.add("(" + " OR ".join(ors) + ")", *params)
    where.add_in("s.document_id", values(document))
    if hedged is not None:
        where.add("s.hedged = ?", hedged)
    sites = values(site)
    if sites:
        where.add("s.document_id IN (SELECT id FROM documents WHERE site IN "
                  f"({placeholders(len(sites))}))", *sites)
    for word in (text or "").lower().split()[:8]:
        where.add("lower(s.evidence) LIKE ? ESCAPE '\\'", "%" + _escape_like(word) + "%")
    return where


# Sort keys of statement lists: name -> columns of `statements s` / `documents d`.
STATEMENT_SORTS = {
    "date": ("s.event_date",), "published": ("d.published_date",), "type": ("s.event_type",),
    "status": ("s.status",), "claimant": ("s.claimant_text",), "site": ("d.site",),
}


def statement_order(sort: str | None) -> str:
    """Return the ORDER BY clause for a sort key: a name of STATEMENT_SORTS, "-name" descending.

    Ties are broken by event date (newest first), then document and position, so pages of a
    sorted list never overlap.
    """
    key = (sort or "-date").strip()
    descending = key.startswith("-")
    name = key.lstrip("-+")
    if name not in STATEMENT_SORTS:
        raise ValueError(f"sort: unknown key {name!r}; use one of "
                         f"{', '.join(STATEMENT_SORTS)} (prefix - for descending)")
    way = "DESC" if descending else "ASC"
    cols = [f"{c} {way} NULLS LAST" for c in STATEMENT_SORTS[name]]
    if name != "date":
        cols.append("s.event_date DESC NULLS LAST")
    cols += ["d.published DESC NULLS LAST", "s.document_id", "s.position"]
    return "ORDER BY " + ", ".join(cols)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
