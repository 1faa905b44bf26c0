"""Dates to ISO 8601: record dates in many spellings, and dates read off a page's date widget."""

from __future__ import annotations

import datetime as dt
import email.utils

from dateutil import parser as dateparser

_NO_YEAR = dt.datetime(0o1, 1, 1)


def to_iso(value: str | None) -> str | None:
    """Return an ISO date or datetime for a date string, or None when it cannot be read."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return _format(dt.datetime.fromisoformat(text.replace("Z", "+00:00")), text)
    except ValueError:
        pass
    try:
        return _format(email.utils.parsedate_to_datetime(text), text)
    except (TypeError, ValueError, IndexError):
        pass
    return date_from_line(text, keep_time=True)


def date_from_line(line: str, keep_time: bool = False) -> str | None:
    """Return the ISO date written in a free-form line ("Wednesday, May 25, 2022"), if it has a year."""
    try:
        parsed = dateparser.parse(line, default=_NO_YEAR, fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or parsed.year == _NO_YEAR.year:
        return None
    if keep_time and (parsed.hour or parsed.minute or parsed.second):
        return parsed.isoformat()
    return parsed.date().isoformat()


def _format(value: dt.datetime, original: str) -> str:
    # a bare date stays a date; a datetime keeps its time and offset
    if len(original) <= 10 and not (value.hour or value.minute or value.second):
        return value.date().isoformat()
    return value.isoformat()
