"""Event clusters: the statements of many reports that describe one event, counted once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.analysis.rows import actor_key
from claimgraph.model import stable_id

DEFAULT_WINDOW_DAYS = 3


@dataclass
class Cluster:
    """One event as reported by one or more statements."""

    id: str
    event_type: str
    status: str
    actors: list[str]
    recipients: list[str]
    place: str | None
    first_date: dt.date | None
    last_date: dt.date | None
    statements: list[dict[str, Any]] = field(default_factory=list)

    @property
    def report_count(self) -> int:
        """Number of distinct documents that report the event."""
        return len({s["document_id"] for s in self.statements})

    @property
    def mean_intensity(self) -> float | None:
        """Mean intensity of the reporting statements."""
        vals = [float(s["intensity"]) for s in self.statements if s.get("intensity") is not None]
        return sum(vals) / len(vals) if vals else None

    @property
    def quad_class(self) -> int | None:
        """The most frequent quad class among the reports."""
        return _mode([s.get("quad_class") for s in self.statements])

    @property
    def cameo(self) -> str | None:
        """The most frequent CAMEO code among the reports."""
        return _mode([s.get("cameo") for s in self.statements])

    def sources(self) -> dict[str, list[str]]:
        """Distinct sites, credited sources and claimants among the reports, earliest report first."""
        reports = sorted(self.statements,
                         key=lambda s: (s.get("published_date") or dt.date.max, s["id"]))
        return {
            "sites": _distinct(s.get("site") for s in reports),
            "credited_sources": _distinct(s.get("credited_source") for s in reports),
            "claimants": _distinct(_claimant_label(s) for s in reports),
        }

    def report_dates(self) -> tuple[dt.date | None, dt.date | None]:
        """Publication dates of the first and last report."""
        dates = sorted(d for d in (s.get("published_date") for s in self.statements) if d)
        return (dates[0], dates[-1]) if dates else (None, None)

    def summary(self) -> dict[str, Any]:
        """The cluster as a JSON-ready dict (without its statements' full rows)."""
        first_report, last_report = self.report_dates()
        return {
            "id": self.id, "event_type": self.event_type, "status": self.status,
            "cameo": self.cameo, "quad_class": self.quad_class,
            "mean_intensity": _round(self.mean_intensity),
            "actors": self.actors, "recipients": self.recipients, "place": self.place,
            "first_date": _iso(self.first_date), "last_date": _iso(self.last_date),
            "report_count": self.report_count, "statement_count": len(self.statements),
            **self.sources(),
            "first_report": _iso(first_report), "last_report": _iso(last_report),
            "documents": _distinct(s["document_id"] for s in self.statements),
            "statement_ids": [s["id"] for s in self.statements],
            "evidence": self.statements[0]["evidence"] if self.statements else None,
        }


def cluster_statements(rows: Iterable[dict[str, Any]], window_days: int = DEFAULT_WINDOW_DAYS,
                       actor_level: str = "country") -> list[Cluster]:
    """Group statement rows into event clusters, ordered by first date then id.

    Reports join when they share actors, recipients, event type and status and their event dates
    lie within `window_days` of the cluster's first date. A report without a place joins a
    cluster with one, since outlets often omit the place; two different places never merge.
    """
    window = dt.timedelta(days=window_days)
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[_key(row, actor_level)].append(row)
    clusters: list[Cluster] = []
    for key, members in groups.items():
        members.sort(key=lambda r: (r.get("event_date") or dt.date.min, r["id"]))
        open_: list[Cluster] = []
        for row in members:
            date = row.get("event_date")
            place = row.get("where_country")
            target = None
            for c in open_:
                if not _in_window(c.first_date, date, window):
                    continue
                if place and c.place and place != c.place:
                    continue
                target = c
                break
            if target is None:
                target = Cluster(id="", event_type=key[2], status=key[3], actors=list(key[0]),
                                 recipients=list(key[1]), place=place, first_date=date,
                                 last_date=date)
                open_.append(target)
                clusters.append(target)
            target.statements.append(row)
            if place and not target.place:
                target.place = place
            if date and (target.last_date is None or date > target.last_date):
                target.last_date = date
            # Clusters whose window has closed can no longer take members (rows come in date order).
            open_ = [c for c in open_ if _in_window(c.first_date, date, window) or c is target]
    # The id depends on the event's identity and first date, not on which reports it has, so a
    # cluster keeps its id as later reports arrive.
    clusters.sort(key=lambda c: (c.first_date or dt.date.min, c.actors, c.recipients,
                                 c.event_type, c.status, c.statements[0]["id"]))
    taken: set[str] = set()
    for c in clusters:
        base = stable_id("cluster", ",".join(c.actors), ",".join(c.recipients), c.event_type,
                         c.status, _iso(c.first_date), c.statements[0].get("where_country"))
        cid, n = base, 1
        while cid in taken:
            n += 1
            cid = stable_id(base, n)
        taken.add(cid)
        c.id = cid
    clusters.sort(key=lambda c: (c.first_date or dt.date.min, c.id))
    return clusters


def _key(row: dict[str, Any], level: str) -> tuple:
    actors = tuple(sorted({actor_key(a, level) for a in row.get("actors") or []}))
    recipients = tuple(sorted({actor_key(a, level) for a in row.get("recipients") or []}))
    return (actors, recipients, row.get("event_type"), row.get("status"))


def _in_window(first: dt.date | None, date: dt.date | None, window: dt.timedelta) -> bool:
    if first is None or date is None:
        return first is None and date is None
    return abs(date - first) <= window


def _claimant_label(row: dict[str, Any]) -> str | None:
    if row.get("claimant_text"):
        return row["claimant_text"]
    return None


def _distinct(values: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen


def _mode(values: list[Any]) -> Any:
    counts: dict[Any, int] = defaultdict(int)
    for v in values:
        if v is not None:
            counts[v] += 1
    if not counts:
        return None
    return max(sorted(counts, key=str), key=lambda v: counts[v])


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _round(x: float | None) -> float | None:
    return round(x, 3) if x is not None else None
