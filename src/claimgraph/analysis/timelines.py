"""Dyad timelines: week by week, how much two actors did to each other and how hostile it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from claimgraph.analysis.clusters import cluster_statements
from claimgraph.analysis.rows import matches_actor

DIRECTIONS = ("both", "ab", "ba")
UNITS = ("events", "statements")
COOPERATION = (1, 2)
CONFLICT = (3, 4)


def week_start(day: dt.date) -> dt.date:
    """Return the Monday of the ISO week containing `day`."""
    return day - dt.timedelta(days=day.weekday())


def direction_of(row: dict[str, Any], a: str, b: str) -> str | None:
    """Return "ab" when a acts on b, "ba" when b acts on a, None when the row is not of the dyad."""
    actors, recipients = row.get("actors") or [], row.get("recipients") or []
    if matches_actor(actors, a) and matches_actor(recipients, b):
        return "ab"
    if matches_actor(actors, b) and matches_actor(recipients, a):
        return "ba"
    return None


def dyad_timeline(rows: Iterable[dict[str, Any]], a: str, b: str, direction: str = "both",
                  unit: str = "events", statuses: Iterable[str] | None = ("asserted",),
                  window_days: int = 3, fill: bool = True) -> dict[str, Any]:
    """Return weekly counts, mean intensity and cooperation against conflict for the dyad a-b.

    `unit` "events" counts each event cluster once (on its first date), so an event reported by
    ten outlets counts once; "statements" counts every report. `statuses` None keeps all statuses.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    wanted = set(statuses) if statuses is not None else None
    picked: list[dict[str, Any]] = []
    coarse = 0
    for row in rows:
        if wanted is not None and row.get("status") not in wanted:
            continue
        if row.get("event_date") is None:
            continue
        d = direction_of(row, a, b)
        if d is None or (direction != "both" and d != direction):
            continue
        if _longer_than(row, BIN_DAYS):
            # "in 1941" is no day of January 1941: a time vaguer than a bin is counted, unbinned
            coarse += 1
            continue
        picked.append({**row, "_direction": d})
    items = _units(picked, unit, window_days)
    weeks: dict[dt.date, dict[str, Any]] = {}
    for date, d, quad, intensity in items:
        w = weeks.setdefault(week_start(date), _empty_week())
        w["count"] += 1
        w[d] += 1
        if quad in COOPERATION:
            w["cooperation"] += 1
        elif quad in CONFLICT:
            w["conflict"] += 1
        if quad in (1, 2, 3, 4):
            w["quad"][str(quad)] += 1
        if intensity is not None:
            w["_intensities"].append(float(intensity))
    if fill and weeks:
        day, last = min(weeks), max(weeks)
        while day <= last:
            weeks.setdefault(day, _empty_week())
            day += dt.timedelta(days=7)
    out_weeks = []
    for day in sorted(weeks):
        w = weeks[day]
        vals = w.pop("_intensities")
        w["mean_intensity"] = round(sum(vals) / len(vals), 3) if vals else None
        w["week"] = day.isoformat()
        out_weeks.append(w)
    return {
        "a": a.upper(), "b": b.upper(), "direction": direction, "unit": unit,
        "statuses": sorted(wanted) if wanted is not None else None,
        "total": sum(w["count"] for w in out_weeks),
        "weeks": out_weeks,
        "unbinned": coarse,
    }


#: the length of a timeline bin (a week)
BIN_DAYS = 7


def _longer_than(row: dict[str, Any], days: int) -> bool:
    """True when the statement's own time is a range longer than `days` (a month, a year)."""
    start, end = row.get("when_start"), row.get("when_end")
    return start is not None and end is not None and (end - start).days >= days


def _units(rows: list[dict[str, Any]], unit: str,
           window_days: int) -> list[tuple[dt.date, str, int | None, float | None]]:
    if unit == "statements":
        return [(r["event_date"], r["_direction"], r.get("quad_class"), r.get("intensity"))
                for r in rows]
    out = []
    for c in cluster_statements(rows, window_days=window_days):
        direction = c.statements[0]["_direction"]
        out.append((c.first_date, direction, c.quad_class, c.mean_intensity))
    return out


def _empty_week() -> dict[str, Any]:
    return {"count": 0, "ab": 0, "ba": 0, "cooperation": 0, "conflict": 0,
            "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "_intensities": []}
