"""Dyad timelines: period by period, how much two actors did to each other and how hostile it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from claimgraph.analysis.clusters import cluster_statements
from claimgraph.analysis.rows import matches_actor

DIRECTIONS = ("both", "ab", "ba")
UNITS = ("events", "statements")
BINS = ("day", "week", "month")
COOPERATION = (1, 2)
CONFLICT = (3, 4)


def week_start(day: dt.date) -> dt.date:
    """Return the Monday of the ISO week containing `day`."""
    return day - dt.timedelta(days=day.weekday())


def bin_start(day: dt.date, bin: str = "week") -> dt.date:
    """Return the first day of the day, ISO week or month that contains `day`."""
    if bin == "day":
        return day
    if bin == "week":
        return week_start(day)
    if bin == "month":
        return day.replace(day=1)
    raise ValueError(f"bin must be one of {', '.join(BINS)}")


def next_bin(start: dt.date, bin: str = "week") -> dt.date:
    """Return the first day of the period after the one starting on `start`."""
    if bin == "day":
        return start + dt.timedelta(days=1)
    if bin == "week":
        return start + dt.timedelta(days=7)
    if bin == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    raise ValueError(f"bin must be one of {', '.join(BINS)}")


def direction_of(row: dict[str, Any], a: str, b: str) -> str | None:
    """Return "ab" when a acts on b, "ba" when b acts on a, None when the row is not of the dyad."""
    actors, recipients = row.get("actors") or [], row.get("recipients") or []
    if matches_actor(actors, a) and matches_actor(recipients, b):
        return "ab"
    if matches_actor(actors, b) and matches_actor(recipients, a):
        return "ba"
    return None


def publication_window(rows: Iterable[dict[str, Any]]) -> tuple[dt.date | None, dt.date | None]:
    """Return the first and last publication date of the rows' documents (None, None if undated)."""
    dates = [r["published_date"] for r in rows if r.get("published_date")]
    return (min(dates), max(dates)) if dates else (None, None)


def fits_bin(row: dict[str, Any], bin: str) -> bool:
    """True when the row's date is precise enough to chart in one period of `bin`.

    A statement dated only to a year ("in 1941": 1941-01-01..1941-12-31) would otherwise be
    charted as a January day; it stays counted, as `coarse`, but is not put in any period.
    """
    start, end = row.get("when_start"), row.get("when_end")
    if start is None or end is None or end <= start:
        return True
    return end < next_bin(bin_start(start, bin), bin)


def _dyad_rows(rows: Iterable[dict[str, Any]], a: str, b: str, direction: str,
               statuses: Iterable[str] | None) -> list[dict[str, Any]]:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    wanted = set(statuses) if statuses is not None else None
    picked = []
    for row in rows:
        if wanted is not None and row.get("status") not in wanted:
            continue
        if row.get("event_date") is None:
            continue
        d = direction_of(row, a, b)
        if d is None or (direction != "both" and d != direction):
            continue
        picked.append({**row, "_direction": d})
    return picked


def dyad_timeline(rows: Iterable[dict[str, Any]], a: str, b: str, direction: str = "both",
                  unit: str = "events", statuses: Iterable[str] | None = ("asserted",),
                  window_days: int = 3, fill: bool = True, bin: str = "week",
                  since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    """Return counts per period, mean intensity and cooperation against conflict for the dyad a-b.

    `unit` "events" counts each event cluster once (on its first date), so an event reported by
    ten outlets counts once; "statements" counts every report. `statuses` None keeps all statuses.
    `bin` is "day", "week" (Monday to Sunday) or "month". The chart's window is `since`..`until`;
    a bound left out is the first (last) publication date of the dyad's documents, so history
    mentioned in passing ("in 2014 Russia ...") is counted in `outside` but not charted (`span`
    gives the first and last date of everything counted, inside the window or not). Periods
    of the window without events are listed (count 0) when `fill`; statements dated coarser than
    one period (a year when binning by week) are counted in `coarse`, not charted.

    The periods are in `bins`, each with `start`, `end` and `label`; weekly timelines also list
    them as `weeks` with the Monday in `week`.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    if bin not in BINS:
        raise ValueError(f"bin must be one of {', '.join(BINS)}")
    picked = _dyad_rows(rows, a, b, direction, statuses)
    first_pub, last_pub = publication_window(picked)
    start = since or first_pub
    end = until or last_pub
    coarse = [r for r in picked if not fits_bin(r, bin)]
    charted = [r for r in picked if fits_bin(r, bin)]
    periods: dict[dt.date, dict[str, Any]] = {}
    before = after = 0
    units = _units(charted, unit, window_days)
    dates = [u[0] for u in units]
    for date, d, quad, intensity, members in units:
        if start is not None and date < start:
            before += 1
            continue
        if end is not None and date > end:
            after += 1
            continue
        p = periods.setdefault(bin_start(date, bin), _empty_period())
        p["count"] += 1
        p[d] += 1
        p["statements"] += len(members)
        if quad in COOPERATION:
            p["cooperation"] += 1
        elif quad in CONFLICT:
            p["conflict"] += 1
        if quad in (1, 2, 3, 4):
            p["quad"][str(quad)] += 1
        if intensity is not None:
            p["_intensities"].append(float(intensity))
    if fill and (periods or (start and end)):
        day = bin_start(start if start is not None else min(periods), bin)
        last = bin_start(end if end is not None else max(periods), bin)
        while day <= last:
            periods.setdefault(day, _empty_period())
            day = next_bin(day, bin)
    out = []
    for day in sorted(periods):
        p = periods[day]
        vals = p.pop("_intensities")
        p["mean_intensity"] = round(sum(vals) / len(vals), 3) if vals else None
        p["start"] = day.isoformat()
        p["end"] = (next_bin(day, bin) - dt.timedelta(days=1)).isoformat()
        p["label"] = _label(day, bin)
        if bin == "week":
            p["week"] = p["start"]
        out.append(p)
    result = {
        "a": a.upper(), "b": b.upper(), "direction": direction, "unit": unit, "bin": bin,
        "statuses": sorted(set(statuses)) if statuses is not None else None,
        "since": start.isoformat() if start else None,
        "until": end.isoformat() if end else None,
        "window": {"since": "given" if since else "publication",
                   "until": "given" if until else "publication"},
        "published": {"first": first_pub.isoformat() if first_pub else None,
                      "last": last_pub.isoformat() if last_pub else None},
        "total": sum(p["count"] for p in out),
        "outside": {"before": before, "after": after},
        "span": {"first": min(dates).isoformat() if dates else None,
                 "last": max(dates).isoformat() if dates else None},
        "coarse": len(coarse),
        "bins": out,
    }
    if bin == "week":
        result["weeks"] = out
    return result


def period_statements(rows: Iterable[dict[str, Any]], a: str, b: str, period: dt.date,
                      direction: str = "both", unit: str = "events",
                      statuses: Iterable[str] | None = ("asserted",), window_days: int = 3,
                      bin: str = "week") -> list[dict[str, Any]]:
    """Return the statement rows behind one period's bar of `dyad_timeline` (same arguments).

    With unit "events" these are all reports of the events whose first date falls in the
    period, so a report published the week after is listed with its event.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    start = bin_start(period, bin)
    stop = next_bin(start, bin)
    charted = [r for r in _dyad_rows(rows, a, b, direction, statuses) if fits_bin(r, bin)]
    out = []
    for date, _d, _q, _i, members in _units(charted, unit, window_days):
        if start <= date < stop:
            out.extend(members)
    out.sort(key=lambda r: (r["event_date"], r.get("published_date") or dt.date.min,
                            r["document_id"], r["id"]))
    for r in out:
        r.pop("_direction", None)
    return out


def _units(rows: list[dict[str, Any]], unit: str, window_days: int
           ) -> list[tuple[dt.date, str, int | None, float | None, list[dict[str, Any]]]]:
    if unit == "statements":
        return [(r["event_date"], r["_direction"], r.get("quad_class"), r.get("intensity"), [r])
                for r in rows]
    out = []
    for c in cluster_statements(rows, window_days=window_days):
        direction = c.statements[0]["_direction"]
        out.append((c.first_date, direction, c.quad_class, c.mean_intensity, c.statements))
    return out


def _label(day: dt.date, bin: str) -> str:
    if bin == "month":
        return day.strftime("%Y-%m")
    return day.isoformat()


def _empty_period() -> dict[str, Any]:
    return {"count": 0, "ab": 0, "ba": 0, "cooperation": 0, "conflict": 0, "statements": 0,
            "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "_intensities": []}
