"""Article extraction from HTML pages with trafilatura: body text with paragraph breaks, plus metadata."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

# trafilatura logs every page it cannot parse; the caller reports those as one InputError instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass
class Extracted:
    """What trafilatura found on a page."""

    text: str
    title: str | None
    date: str | None
    site: str | None
    url: str | None


def extract_article(html: str, url: str | None = None) -> Extracted | None:
    """Return the page's main article and metadata, or None when the page holds no article."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if result is None:
        return None
    text = getattr(result, "text", None) or ""
    if not text.strip():
        return None
    return Extracted(
        text=text,
        title=getattr(result, "title", None) or None,
        date=getattr(result, "date", None) or None,
        site=getattr(result, "sitename", None) or getattr(result, "hostname", None) or None,
        url=getattr(result, "url", None) or None,
    )
