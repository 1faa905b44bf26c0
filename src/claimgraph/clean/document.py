"""`make_document`: one raw item to one cleaned Document (final text; later offsets index it)."""

from __future__ import annotations

from claimgraph.clean.credit import credited_source
from claimgraph.clean.dates import to_iso
from claimgraph.clean.extract import extract_article
from claimgraph.clean.flattened import clean_flattened, normalise_line
from claimgraph.clean.headline import split_site_suffix
from claimgraph.clean.language import detect
from claimgraph.errors import InputError
from claimgraph.model import Document, stable_id
from claimgraph.sources.item import RawItem

# Fewer words than this from a page is a menu or a teaser, not an article.
MIN_HTML_ARTICLE_WORDS = 8


def make_document(item: RawItem) -> Document:
    """Clean one raw item into a Document; raise InputError when it holds no article text."""
    title = normalise_line(item.title) if item.title and item.title.strip() else None
    published = to_iso(item.published)
    site = item.site
    url = item.url
    if item.html is not None:
        extracted = extract_article(item.html, item.url)
        if extracted is None or len(extracted.text.split()) < MIN_HTML_ARTICLE_WORDS:
            raise InputError(item.origin, "HTML without an article (no main text found)")
        raw_text = extracted.text
        title = title or (normalise_line(extracted.title) if extracted.title else None)
        published = published or to_iso(extracted.date)
        site = site or extracted.site
        url = url or extracted.url
    elif item.text is not None:
        raw_text = item.text
    else:
        raise InputError(item.origin, "record without text or html")
    cleaned = clean_flattened(raw_text, title)
    if not cleaned.text.strip():
        raise InputError(item.origin, "no article text left after removing page boilerplate")
    published = published or (cleaned.page_dates[0] if cleaned.page_dates else None)
    title, suffix = (split_site_suffix(cleaned.title, site, url) if cleaned.title
                     else (cleaned.title, None))
    return Document(
        id=document_id(item.id, url, cleaned.text),
        text=cleaned.text,
        url=url,
        title=title,
        published=published,
        site=site,
        credited_source=credited_source(raw_text.splitlines()),
        language=detect(cleaned.text),
        removed=cleaned.removed + ([suffix] if suffix else []),
        source_path=item.origin,
    )


def document_id(given: str | None, url: str | None, text: str) -> str:
    """Return the item's own id, else a stable id of its URL, else of its cleaned text."""
    if given:
        return given
    return stable_id(url) if url else stable_id(text)
