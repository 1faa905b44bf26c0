"""Flattened page text to an article body: drop page furniture, find the headline, keep every article line.

Rules live in boilerplate.yaml. The cleaner is line-based (a flattened page has one block per
line) and conservative: a line goes only when a rule names it as furniture; short lines inside
the article (subheadings, one-line quotes) stay.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimgraph.clean.language import detect_with_confidence

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TERMINAL = tuple(".!?\"'”’»)…:;")
_SENTENCE_END = tuple(".!?\"”’»)…")
_STRIP_EDGES = " -–—|•·*>"
_WORD = re.compile(r"[^\W\d_]+(?:[''’.-][^\W\d_]+)*|\d+(?:[.,:]\d+)*", re.UNICODE)
# Only a line this long, in the head of the page and ending like a sentence, counts as the article start.
_PROSE_WORDS = 8
_HEADLINE_MAX_WORDS = 25
_SHORT_WORDS = 4
_REPEAT_MIN_WORDS = 5
_FOREIGN_MIN_PROB = 0.9


@dataclass
class Cleaned:
    """The result of cleaning one flattened page."""

    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)
    # dates read off removed date lines at the top of the page (ISO strings), best first
    page_dates: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    exact: frozenset[str]
    end_markers: frozenset[str]
    line_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    contains: tuple[tuple[str, re.Pattern[str]], ...]
    bracket_words: re.Pattern[str]
    date_words: frozenset[str]
    months: frozenset[str]
    stamp_labels: frozenset[str]
    block_kinds: frozenset[str]


@functools.lru_cache(maxsize=1)
def rules() -> _Rules:
    """Return the compiled rules of boilerplate.yaml."""
    with open(Path(__file__).with_name("boilerplate.yaml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    tokens = data["date_tokens"]
    words = "|".join(re.escape(w) for w in data["bracketed_promo_words"])
    return _Rules(
        exact=frozenset(_key(x) for x in data["exact"]),
        end_markers=frozenset(_key(x) for x in data["end_markers"]),
        line_patterns=tuple((kind, re.compile(p, re.I)) for kind, ps in data["line_patterns"].items() for p in ps),
        contains=tuple((kind, re.compile(p, re.I)) for kind, ps in data["contains"].items() for p in ps),
        bracket_words=re.compile(rf"\b({words})\b", re.I),
        date_words=frozenset(w.strip(".").lower() for w in
                             tokens["months"] + tokens["weekdays"] + tokens["words"]),
        months=frozenset(tokens["months"]),
        stamp_labels=frozenset(tokens["stamp_labels"]),
        block_kinds=frozenset(data["block_kinds"]),
    )


# Furniture found by a phrase it contains is a notice of a few sentences at most.
_CONTAINS_MAX_SENTENCES = 4
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")


def normalise_line(line: str) -> str:
    """Return a line with invisible characters removed and whitespace runs collapsed."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return " ".join(line.split())


def _key(line: str) -> str:
    return line.strip(_STRIP_EDGES).casefold()


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_prose(line: str) -> bool:
    return len(_words(line)) >= _PROSE_WORDS and line.endswith(_SENTENCE_END)


def _is_short(line: str) -> bool:
    return len(_words(line)) <= _SHORT_WORDS and not line.endswith(_SENTENCE_END)


_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(t[\d:.+\-z]*)?")
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_NUMBERISH = re.compile(r"^\d+(st|nd|rd|th|h|am|pm|a\.m|p\.m)?$|^\d{1,2}[:.h]\d{2}([:.]\d{2})?(am|pm|a\.m|p\.m)?$|^[+-]\d{1,2}(:?\d{2})?$")


def is_date_line(line: str) -> bool:
    """Tell whether a line is only a date or timestamp ("Wednesday, May 25, 2022", "2022/04/19 21:01")."""
    r = rules()
    if line[:1].islower():
        return False  # "on April 19." closes a sentence the page broke across lines
    low = line.casefold()
    dated = bool(_ISO_STAMP.search(low) or _NUMERIC_DATE.search(low))
    low = _NUMERIC_DATE.sub(" ", _ISO_STAMP.sub(" ", low))
    tokens = [t.strip(".") for t in re.split(r"[\s,|/()\[\]–—-]+", low) if t.strip(".")]
    if not tokens and dated:
        return True
    has_month = has_number = has_label = False
    for tok in tokens:
        if tok in r.date_words:
            has_month = has_month or tok in r.months
            has_label = has_label or tok.rstrip(":") in r.stamp_labels
            continue
        if _YEAR.match(tok):
            dated = True
            continue
        if _NUMBERISH.match(tok):
            has_number = True
            continue
        return False
    # "Updated at 3:06 p.m.": a time stamp with its label but no date
    return dated or (has_number and (has_month or has_label))


def furniture_kind(line: str) -> str | None:
    """Return the kind of page furniture a (normalised) line is, or None for article text."""
    r = rules()
    key = _key(line)
    if not any(ch.isalnum() for ch in line):
        return "separator"
    if key in r.exact:
        return "label"
    if key in r.end_markers:
        return "end_marker"
    if is_date_line(line):
        return "date"
    for kind, pattern in r.line_patterns:
        if pattern.fullmatch(line):
            return kind
    if _sentence_count(line) <= _CONTAINS_MAX_SENTENCES:
        # A phrase found inside a long paragraph of prose does not make it page furniture.
        for kind, pattern in r.contains:
            if pattern.search(line):
                return kind
    return None


def _sentence_count(line: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(line))


def _bracketed(line: str) -> bool:
    return len(line) > 2 and ((line[0] == "[" and line[-1] == "]") or (line[0] == "(" and line[-1] == ")"))


def _foreign_or_promo(line: str, page_language: Callable[[], str | None]) -> bool:
    """A bracketed line in another language than the article, or carrying promo words."""
    if rules().bracket_words.search(line) and len(_words(line)) >= 3:
        return True
    if len(_words(line)) < 6:
        return False
    language = page_language()
    if language is None:
        return False
    lang, prob = detect_with_confidence(line[1:-1])
    return lang is not None and lang != language and prob >= _FOREIGN_MIN_PROB


def _title_keys(title: str) -> set[str]:
    keys = {_match_key(title)}
    # "Headline - Publisher" / "Headline | Publisher": the page title often carries the site name
    for sep in (" - ", " | ", " – ", " — "):
        if sep in title:
            keys.add(_match_key(title.rsplit(sep, 1)[0]))
    keys.discard("")
    return keys


_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters str.isalnum() rejects


def _match_key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


@dataclass
class _Line:
    text: str
    original: str
    kind: str | None = None  # None: kept


def clean_flattened(raw: str, title: str | None = None) -> Cleaned:
    """Clean flattened page text; `title` is the record's title when it has one."""
    lines = [_Line(normalise_line(x), x.strip()) for x in raw.splitlines()]
    lines = [ln for ln in lines if ln.text]
    # Identifying the page's language costs more than the rest of cleaning, and only a long
    # bracketed line needs it, so it is done at most once and only then.
    page_language = functools.cache(lambda: detect_with_confidence(raw)[0])
    for ln in lines:
        ln.kind = furniture_kind(ln.text)
        if ln.kind is None and _bracketed(ln.text) and _foreign_or_promo(ln.text, page_language):
            ln.kind = "bracketed_promo"
    _extend_blocks(lines)
    _drop_top_widgets(lines)
    _drop_tail(lines)
    headline = _take_headline(lines, title)
    _drop_repeats(lines)
    removed = [ln.original for ln in lines if ln.kind not in (None, "headline")]
    page_dates = _page_dates(lines)
    paragraphs = _merge_broken_lines([ln.text for ln in lines if ln.kind is None])
    return Cleaned(text="\n\n".join(paragraphs), title=headline, removed=removed, page_dates=page_dates)


def _extend_blocks(lines: list[_Line]) -> None:
    """Short lines inside a furniture block go with it: a label's value, a cookie notice's headings."""
    block = rules().block_kinds
    for i, ln in enumerate(lines):
        if ln.kind is not None or not _is_short(ln.text):
            continue
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if prev is not None and prev.kind is not None and prev.text.endswith(":") and prev.kind != "end_marker":
            ln.kind = "label_value"  # "Credit:" / "AP", "Posted By:" / a section name
        elif prev is not None and nxt is not None and prev.kind in block and nxt.kind in block:
            ln.kind = prev.kind


def _drop_top_widgets(lines: list[_Line]) -> None:
    """Drop the weather/place/date widget cluster at the top of a page ("16.3 C", "New York", a date)."""
    run: list[_Line] = []
    for ln in lines:
        if ln.kind is not None or _is_short(ln.text):
            run.append(ln)
        else:
            break
    last_widget = max((i for i, ln in enumerate(run) if ln.kind in ("weather", "date")), default=-1)
    for ln in run[: last_widget + 1]:
        if ln.kind is None:
            ln.kind = "widget"


def _drop_tail(lines: list[_Line]) -> None:
    """From the last end marker ("Source link", "Recommended Stories") on, drop a tail without prose."""
    for i, ln in enumerate(lines):
        if ln.kind != "end_marker":
            continue
        rest = [x for x in lines[i + 1:] if x.kind is None]
        if not any(_is_prose(x.text) for x in rest):
            for x in rest:
                x.kind = "tail"
            return


def _take_headline(lines: list[_Line], title: str | None) -> str | None:
    """Return the title: the record's own, else the headline line at the top (taken out of the body)."""
    kept = [ln for ln in lines if ln.kind is None]
    if title:
        keys = _title_keys(title)
        for ln in kept:
            if _match_key(ln.text) in keys:
                ln.kind = "headline"
        return normalise_line(title)
    if len(kept) < 2:
        return None
    first = kept[0]
    n = len(_words(first.text))
    continued = kept[1].text[:1].islower()  # the "headline" is half a sentence broken across lines
    if (2 <= n <= _HEADLINE_MAX_WORDS and not continued and not first.text.endswith((".", ",", ":", ";"))
            and not _bracketed(first.text)):
        first.kind = "headline"
        return first.text
    return None


def _drop_repeats(lines: list[_Line]) -> None:
    """Drop later copies of a kept line long enough that repeating it is a page artefact."""
    seen: set[str] = set()
    for ln in lines:
        if ln.kind is not None:
            continue
        key = _match_key(ln.text)
        if len(_words(ln.text)) >= _REPEAT_MIN_WORDS and key in seen:
            ln.kind = "repeat"
        seen.add(key)


def _page_dates(lines: list[_Line]) -> list[str]:
    from claimgraph.clean.dates import date_from_line

    out = []
    for ln in lines:
        if ln.kind is None:
            break  # only the page head's date widgets date the page
        if ln.kind in ("date", "widget"):
            iso = date_from_line(ln.text)
            if iso:
                out.append(iso)
    return out


def _merge_broken_lines(lines: list[str]) -> list[str]:
    """Rejoin a sentence that the page broke across lines (link text): next line starts lower-case."""
    out: list[str] = []
    for line in lines:
        if out and not out[-1].endswith(_TERMINAL) and (line[0].islower() or line[0] in ",;"):
            sep = "" if line[0] in ",;" else " "
            out[-1] = out[-1] + sep + line
        else:
            out.append(line)
    return out
