"""Time expressions in a sentence, resolved against the publication date, and attached to events.

Finds absolute dates (with or without year), months, years, weekdays, seasons, "yesterday",
"last week", "over the weekend", "N days ago", prediction horizons ("in a day or two", "within
weeks", "by the end of the month") and counts of war days/weeks ("on the fourth day of the war").
An event takes the expression attached to its own clause in the dependency tree, not any date in
the sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.claims.lexicon import _load

_PREPS_BEFORE = {"in", "on", "since", "by", "until", "till", "from", "during", "before", "after", "of", "at"}


@dataclass
class TimeExpr:
    """A time expression: token range [start, end) and its meaning relative to publication."""

    start: int
    end: int
    text: str
    kind: str
    value: dict[str, Any]

    def resolve(self, published: dt.date | None, future: bool = False) -> tuple[str | None, str | None]:
        """Return (start, end) ISO dates; unresolvable parts are None."""
        return _resolve(self, published, future)

    def granularity(self) -> str:
        """How precise the expression is: day, week, month, season, year, or range (a span of
        days that is none of these: "within weeks", "in a day or two", "over the weekend")."""
        v = self.value
        if self.kind in ("date", "weekday"):
            return "day"
        if self.kind in ("month", "year", "season"):
            return self.kind
        if self.kind == "offset":
            return "day" if v["days"][0] == v["days"][1] else "range"
        if self.kind == "horizon":
            return "range" if v["within"] else "day"
        if self.kind == "period":
            return "range" if v["unit"] == "weekend" else v["unit"]
        if self.kind == "era":
            return {"day": "day", "week": "week"}.get(v["unit"], "range")
        return "range"


@dataclass(frozen=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, int]
    #: fixed phrases by first word, longest first: {"in": ((("in", "a", "day", "or", "two"), (1, 2)), ...)}
    relative: dict[str, tuple[tuple[tuple[str, ...], tuple[int, int]], ...]]
    eras: tuple[dict[str, Any], ...]


@functools.lru_cache(maxsize=1)
def words() -> _Words:
    """Return the time-expression word lists (read once)."""
    d = _load("timex.yaml")
    eras = []
    for e in d.get("eras") or []:
        eras.append({"name": e["name"], "start": _as_date(e["start"]),
                     "end": _as_date(e["end"]) if e.get("end") else None,
                     "words": frozenset(w.lower() for w in e["words"])})
    return _Words(
        months={k.lower(): int(v) for k, v in d["months"].items()},
        weekdays={k.lower(): int(v) for k, v in d["weekdays"].items()},
        seasons={k.lower(): (int(v[0]), int(v[1])) for k, v in d["seasons"].items()},
        numbers={k.lower(): int(v) for k, v in d["numbers"].items()},
        ordinals={str(k).lower(): int(v) for k, v in d["ordinals"].items()},
        units={k.lower(): int(v) for k, v in d["units"].items()},
        relative=_by_first_word({tuple(k.lower().split()): (int(v[0]), int(v[1]))
                                 for k, v in d["relative_days"].items()}),
        eras=tuple(eras),
    )


def _by_first_word(phrases: dict[tuple[str, ...], tuple[int, int]]
                   ) -> dict[str, tuple[tuple[tuple[str, ...], tuple[int, int]], ...]]:
    # Looked up once per token of every coded sentence, so indexed and sorted once here.
    out: dict[str, list] = {}
    for phrase, span in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        out.setdefault(phrase[0], []).append((phrase, span))
    return {k: tuple(v) for k, v in out.items()}


def _as_date(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def _year(t: Token) -> int | None:
    if t.like_num and len(t.text) == 4 and t.text.isdigit():
        y = int(t.text)
        if 1800 <= y <= 2100:
            return y
    return None


def _day(t: Token) -> int | None:
    x = t.lower_.rstrip(".")
    for suf in ("st", "nd", "rd", "th"):
        if x.endswith(suf) and x[:-2].isdigit():
            x = x[:-2]
    if x.isdigit() and 1 <= int(x) <= 31 and len(x) <= 2:
        return int(x)
    return None


def find(sent: Span) -> list[TimeExpr]:
    """Return the time expressions of a sentence, longest first at each position."""
    w = words()
    toks = list(sent)
    low = [t.lower_ for t in toks]
    out: list[TimeExpr] = []
    i = 0
    n = len(toks)
    while i < n:
        m = _match_at(toks, low, i, w)
        if m is None:
            i += 1
            continue
        length, kind, value = m
        a, b = toks[i].i, toks[i + length - 1].i + 1
        out.append(TimeExpr(a, b, sent.doc[a:b].text, kind, value))
        i += length
    return out


def _match_at(toks: list[Token], low: list[str], i: int, w: _Words) -> tuple[int, str, dict] | None:
    n = len(low)
    # Fixed phrases first ("in a day or two", "yesterday").
    for phrase, (s, e) in w.relative.get(low[i], ()):
        if tuple(low[i:i + len(phrase)]) == phrase:
            return len(phrase), "offset", {"days": (s, e)}
    x = low[i]
    # "by the end of the month|week|year|March"
    if x == "by" and low[i + 1:i + 4] == ["the", "end", "of"] and i + 4 < n:
        nxt = low[i + 4] if low[i + 4] not in ("the", "this") else (low[i + 5] if i + 5 < n else "")
        k = 5 if low[i + 4] not in ("the", "this") else 6
        if nxt in ("month", "week", "year"):
            return k, "by_end", {"unit": nxt}
        if nxt in w.months:
            return k, "by_end", {"unit": "month", "month": w.months[nxt]}
    # "within N days", "in N weeks", "N days ago"
    if x in ("within", "in") and i + 2 < n:
        num = w.numbers.get(low[i + 1]) or (int(low[i + 1]) if low[i + 1].isdigit() else None)
        if num and low[i + 2] in w.units:
            return 3, "horizon", {"n": num, "unit": w.units[low[i + 2]], "within": x == "within"}
    if i + 2 < n and low[i + 2] == "ago":
        num = w.numbers.get(x) or (int(x) if x.isdigit() else None)
        if num and low[i + 1] in w.units:
            return 3, "offset", {"days": (-num * w.units[low[i + 1]], -num * w.units[low[i + 1]])}
    # "the fourth day of the war", "in the fourth week"
    k = i + (1 if x == "the" else 0)
    if k + 1 < n and low[k] in w.ordinals and low[k + 1] in ("day", "week", "month"):
        length = k + 2 - i
        if low[k + 2:k + 5] == ["of", "the", "war"] or low[k + 2:k + 5] == ["of", "the", "invasion"]:
            length += 3
        return length, "era", {"n": w.ordinals[low[k]], "unit": low[k + 1]}
    # last/this/next week|month|year|weekend|<weekday>
    if x in ("last", "this", "next", "past") and i + 1 < n:
        unit = low[i + 1]
        if unit in ("week", "month", "year", "weekend"):
            return 2, "period", {"rel": x, "unit": unit}
        if unit in w.weekdays:
            return 2, "weekday", {"dow": w.weekdays[unit], "rel": x}
    if x in ("over", "at") and low[i + 1:i + 3] == ["the", "weekend"]:
        return 3, "period", {"rel": "last", "unit": "weekend"}
    # Seasons: "(the) autumn (and winter) of 2020", "autumn 2020"
    if x in w.seasons:
        j = i + 1
        seasons = [x]
        while j + 1 < n and low[j] in ("and", "-", "/") and low[j + 1] in w.seasons:
            seasons.append(low[j + 1])
            j += 2
        if j < n and low[j] == "of" and j + 1 < n and _year(toks[j + 1]):
            return j + 2 - i, "season", {"seasons": seasons, "year": _year(toks[j + 1])}
        if j < n and _year(toks[j]):
            return j + 1 - i, "season", {"seasons": seasons, "year": _year(toks[j])}
    # Month-based dates.
    if x.rstrip(".") in w.months and (toks[i].text[0].isupper()):
        month = w.months[x.rstrip(".")]
        if x == "may" and not ((i + 1 < n and (_day(toks[i + 1]) or _year(toks[i + 1])))
                               or (i > 0 and _day(toks[i - 1]))):
            return None
        if i + 1 < n and _day(toks[i + 1]) and not _year(toks[i + 1]):
            day = _day(toks[i + 1])
            j = i + 2
            if j + 1 < n and low[j] == "," and _year(toks[j + 1]):
                return j + 2 - i, "date", {"month": month, "day": day, "year": _year(toks[j + 1])}
            if j < n and _year(toks[j]):
                return j + 1 - i, "date", {"month": month, "day": day, "year": _year(toks[j])}
            return 2, "date", {"month": month, "day": day}
        if i + 1 < n and _year(toks[i + 1]):
            return 2, "month", {"month": month, "year": _year(toks[i + 1])}
        if i > 0 and low[i - 1] in _PREPS_BEFORE:
            return 1, "month", {"month": month}
    # "11 March (2022)"
    if _day(toks[i]) and i + 1 < n and low[i + 1] in w.months and toks[i + 1].text[0].isupper():
        month = w.months[low[i + 1]]
        if i + 2 < n and _year(toks[i + 2]):
            return 3, "date", {"month": month, "day": _day(toks[i]), "year": _year(toks[i + 2])}
        return 2, "date", {"month": month, "day": _day(toks[i])}
    if x in w.weekdays and toks[i].text[0].isupper():
        return 1, "weekday", {"dow": w.weekdays[x], "rel": None}
    if _year(toks[i]) and i > 0 and low[i - 1] in _PREPS_BEFORE:
        return 1, "year", {"year": _year(toks[i])}
    return None


# -- resolution -------------------------------------------------------------------------------------


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _resolve(e: TimeExpr, pub: dt.date | None, future: bool) -> tuple[str | None, str | None]:
    v = e.value
    if e.kind == "date" and "year" in v:
        d = _safe_date(v["year"], v["month"], v["day"])
        return _iso(d), _iso(d)
    if e.kind == "month" and "year" in v:
        return _iso(dt.date(v["year"], v["month"], 1)), _iso(_month_end(v["year"], v["month"]))
    if e.kind == "year":
        return f"{v['year']:04d}-01-01", f"{v['year']:04d}-12-31"
    if e.kind == "season":
        first, last = words().seasons[v["seasons"][0]][0], words().seasons[v["seasons"][-1]][1]
        y = v["year"]
        end_year = y + 1 if last < first else y
        return _iso(dt.date(y, first, 1)), _iso(_month_end(end_year, last))
    if pub is None:
        return None, None
    if e.kind == "date":
        d = _nearest_year(pub, v["month"], v["day"], future)
        return _iso(d), _iso(d)
    if e.kind == "month":
        y = pub.year
        if not future and v["month"] > pub.month:
            y -= 1
        elif future and v["month"] < pub.month:
            y += 1
        return _iso(dt.date(y, v["month"], 1)), _iso(_month_end(y, v["month"]))
    if e.kind == "offset":
        s, t = v["days"]
        return _iso(pub + dt.timedelta(days=s)), _iso(pub + dt.timedelta(days=t))
    if e.kind == "horizon":
        span = v["n"] * v["unit"]
        if v["within"]:
            return _iso(pub), _iso(pub + dt.timedelta(days=span))
        d = pub + dt.timedelta(days=span)
        return _iso(d), _iso(d)
    if e.kind == "by_end":
        if v["unit"] == "week":
            return _iso(pub), _iso(pub + dt.timedelta(days=6 - pub.weekday()))
        if v["unit"] == "year":
            return _iso(pub), _iso(dt.date(pub.year, 12, 31))
        m = v.get("month", pub.month)
        y = pub.year + (1 if m < pub.month else 0)
        return _iso(pub), _iso(_month_end(y, m))
    if e.kind == "weekday":
        return _weekday(pub, v["dow"], v["rel"], future)
    if e.kind == "period":
        return _period(pub, v["rel"], v["unit"])
    return None, None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_year(pub: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    d = _safe_date(pub.year, month, day)
    if d is None:
        return None
    if future and d < pub:
        return _safe_date(pub.year + 1, month, day)
    if not future and d > pub:
        return _safe_date(pub.year - 1, month, day)
    return d


def _weekday(pub: dt.date, dow: int, rel: str | None, future: bool) -> tuple[str | None, str | None]:
    ahead = (dow - pub.weekday()) % 7
    behind = (pub.weekday() - dow) % 7
    if rel == "next":
        d = pub + dt.timedelta(days=ahead or 7)
    elif future:
        # "will meet on Tuesday" looks forward: the next Tuesday ("this Tuesday": today's, if
        # it is one).
        d = pub + dt.timedelta(days=ahead if rel == "this" else (ahead or 7))
    elif rel in ("last", "past"):
        # "last Tuesday" is never the publication day itself.
        d = pub - dt.timedelta(days=behind or 7)
    else:
        # "met on Tuesday" in past-tense news: the publication day itself when it is a
        # Tuesday, else the most recent Tuesday before it.
        d = pub - dt.timedelta(days=behind)
    return _iso(d), _iso(d)


def _period(pub: dt.date, rel: str, unit: str) -> tuple[str | None, str | None]:
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
        return _iso(monday), _iso(monday + dt.timedelta(days=6))
    if unit == "weekend":
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if shift > 0 or (shift == 0 and sat < pub - dt.timedelta(days=1)):
            sat = sat + dt.timedelta(days=7)
        if shift < 0 and sat + dt.timedelta(days=1) >= pub:
            sat = sat - dt.timedelta(days=7) if sat >= pub else sat
        return _iso(sat), _iso(sat + dt.timedelta(days=1))
    if unit == "month":
        y, m = pub.year, pub.month + shift
        if m < 1:
            y, m = y - 1, 12
        elif m > 12:
            y, m = y + 1, 1
        return _iso(dt.date(y, m, 1)), _iso(_month_end(y, m))
    y = pub.year + shift
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def resolve_era(e: TimeExpr, doc_words: set[str], pub: dt.date | None) -> tuple[str | None, str | None]:
    """Resolve 'the Nth day/week of the war' against a war the document names (else None, None)."""
    if e.kind != "era" or pub is None:
        return None, None
    for era in words().eras:
        if pub < era["start"] or (era["end"] and pub > era["end"] + dt.timedelta(days=365)):
            continue
        if not (era["words"] & doc_words):
            continue
        n, unit = e.value["n"], e.value["unit"]
        if unit == "day":
            d = era["start"] + dt.timedelta(days=n - 1)
            return _iso(d), _iso(d)
        if unit == "week":
            s = era["start"] + dt.timedelta(weeks=n - 1)
            return _iso(s), _iso(s + dt.timedelta(days=6))
        s = era["start"] + dt.timedelta(days=30 * (n - 1))
        return _iso(s), _iso(s + dt.timedelta(days=29))
    return None, None


def attached(doc: Doc, trigger: int, exprs: list[TimeExpr]) -> TimeExpr | None:
    """Return the expression of the trigger's own clause: nearest in the tree, same clause only."""
    tok = doc[trigger]
    clause = _clause(tok)
    best: tuple[int, TimeExpr] | None = None
    for e in exprs:
        root = doc[e.start:e.end].root
        gov = _clause(root)
        if gov.i != clause.i and not _same_clause_chain(gov, clause):
            continue
        dist = _tree_distance(root, tok)
        if best is None or dist < best[0]:
            best = (dist, e)
    return best[1] if best else None


def _clause(t: Token) -> Token:
    """The verb heading the clause t belongs to."""
    cur = t
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "aux" or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _same_clause_chain(a: Token, b: Token) -> bool:
    """Coordinated or catenative verbs share their time ("met and agreed", "decided to go")."""
    return (a.dep_ in ("conj", "xcomp") and a.head.i == b.i) or (b.dep_ in ("conj", "xcomp") and b.head.i == a.i)


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: k for k, t in enumerate([a, *a.ancestors])}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return k + up_a[t.i]
    return 99
