"""The documents of claimgraph's annotated corpus, rebuilt from the shared data files by reference.

The corpus stores no third-party text it may not redistribute: a document is a *reference* into a
file under the shared data folder, and every annotation is an offset into the document's cleaned
text (`claimgraph.clean.make_document`), checked by a hash of the sentence.

References:
- `news/<file>.jsonl:<line>` — one record of a JSONL news file (1-based line);
- `aeb:<page id>` — the `articleBody` of one page of the article-extraction benchmark's ground truth;
- `ccnews:<file name>` — one CC-NEWS record, its `article_html` run through the HTML extractor.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from claimgraph.clean import make_document
from claimgraph.errors import InputError
from claimgraph.model import Document
from claimgraph.sources import read
from claimgraph.sources.item import RawItem

NEWS_FILES = ("kremlin-2021-2022.jsonl", "president-gov-ua-2021-2022.jsonl",
              "flattened-api-bodies-2022-04.jsonl")
AEB_TRUTH = "html/article-extraction-benchmark/ground-truth.json"
CCNEWS_DIR = "html/cc-news-sample"


@dataclass(frozen=True)
class SourceDocument:
    """One corpus document: its reference, the collection it comes from, its outlet, the cleaned Document."""

    ref: str
    collection: str
    outlet: str
    document: Document


def sentence_hash(text: str) -> str:
    """Short content hash that pins an annotated span to the text it was made on."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def outlet_of(url: str | None, site: str | None) -> str:
    """The publisher a document comes from: its site name, else its URL's host without 'www.'."""
    if site:
        return site.lower()
    host = urlsplit(url or "").hostname or "unknown"
    return host.removeprefix("www.")


def iter_documents(data: Path) -> Iterator[SourceDocument]:
    """Yield every candidate corpus document under the shared data folder, in a fixed order."""
    for name in NEWS_FILES:
        path = data / "news" / name
        collection = name.removesuffix(".jsonl")
        for item in read([str(path)]):
            if isinstance(item, InputError):
                continue
            line = item.origin.rsplit(":", 1)[1]
            doc = _clean(item)
            if doc is not None:
                yield SourceDocument(f"news/{name}:{line}", collection, outlet_of(item.url, item.site), doc)
    truth = json.loads((data / AEB_TRUTH).read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        page = truth[page_id]
        item = RawItem(origin=f"aeb:{page_id}", text=page.get("articleBody") or "", url=page.get("url"))
        doc = _clean(item)
        if doc is not None:
            yield SourceDocument(f"aeb:{page_id}", "article-extraction-benchmark",
                                 outlet_of(item.url, None), doc)
    for path in sorted((data / CCNEWS_DIR).glob("*.json")):
        doc = _ccnews(path)
        if doc is not None:
            yield SourceDocument(f"ccnews:{path.name}", "cc-news", outlet_of(doc.url, None), doc)


def load_document(data: Path, ref: str) -> Document:
    """Rebuild one corpus document from its reference; raise InputError when it cannot be read."""
    return _load(str(data), ref)


@functools.lru_cache(maxsize=4096)
def _load(data_dir: str, ref: str) -> Document:
    data = Path(data_dir)
    if ref.startswith("news/"):
        name, _, line = ref.removeprefix("news/").rpartition(":")
        item = _news_items(str(data / "news" / name)).get(line)
        if item is None:
            raise InputError(ref, "no such record")
        doc = _clean(item)
    elif ref.startswith("aeb:"):
        page = _aeb(str(data / AEB_TRUTH)).get(ref.removeprefix("aeb:"))
        if page is None:
            raise InputError(ref, "no such page in the ground truth")
        doc = _clean(RawItem(origin=ref, text=page.get("articleBody") or "", url=page.get("url")))
    elif ref.startswith("ccnews:"):
        doc = _ccnews(data / CCNEWS_DIR / ref.removeprefix("ccnews:"))
    else:
        raise InputError(ref, "unknown document reference")
    if doc is None:
        raise InputError(ref, "no article text")
    return doc


@functools.lru_cache(maxsize=4)
def _news_items(path: str) -> dict[str, RawItem]:
    return {item.origin.rsplit(":", 1)[1]: item for item in read([path]) if isinstance(item, RawItem)}


@functools.lru_cache(maxsize=1)
def _aeb(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _ccnews(path: Path) -> Document | None:
    record = json.loads(path.read_text(encoding="utf-8"))
    item = RawItem(origin=f"ccnews:{path.name}", html=record.get("article_html") or "",
                   url=record.get("uri"), published=record.get("warc_sourced_date"))
    return _clean(item)


def _clean(item: RawItem) -> Document | None:
    try:
        return make_document(item)
    except InputError:
        return None
