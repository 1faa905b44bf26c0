"""Headlines: the site's name cut off the title, and a copy of a title-case headline to parse.

"Would Putin Dare Invade Moldova? - 19FortyFive" is the headline "Would Putin Dare Invade
Moldova?" of the site 19FortyFive; the parser reads a title-case headline as a string of proper
nouns and finds no verb in it, so the pipeline parses a copy in which the common words are in
lower case ("Would Putin dare invade Moldova?"). The copy differs from the title in the case of
letters only, so every offset into it is an offset into the title.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SQUASH = re.compile(r"[\W_]+")
# a trailing segment that is itself a host name ("Vox.com", "kyivindependent.com")
_HOST = re.compile(r"^(www\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}$")


@dataclass(frozen=True)
class _Rules:
    separators: tuple[str, ...]
    max_words: int
    outlets: frozenset[str]


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    with open(Path(__file__).with_name("outlets.yaml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return _Rules(tuple(data["separators"]), int(data["max_words"]),
                  frozenset(_squash(o) for o in data["outlets"]))


def _squash(text: str) -> str:
    """Compare form of a name: lower case, letters and digits only, no leading "the"."""
    key = _SQUASH.sub("", text.lower())
    return key[3:] if key.startswith("the") and len(key) > 3 else key


def _site_keys(site: str | None, url: str | None) -> set[str]:
    """What the trailing segment may say to name the site: its name, its host with and without
    "www." and the top-level domain (19fortyfive.com -> 19fortyfive; never the left part of a
    longer host: president.gov.ua is not "President")."""
    keys = {_squash(site)} if site else set()
    host = (urlsplit(url).hostname or "") if url else ""
    for name in (host, site or ""):
        name = name.lower().removeprefix("www.")
        if "." in name and " " not in name:
            keys.add(_squash(name))
            labels = name.split(".")
            if len(labels) == 2:
                keys.add(_squash(labels[0]))
    keys.discard("")
    return keys


def split_site_suffix(title: str, site: str | None = None,
                      url: str | None = None) -> tuple[str, str | None]:
    """Return (headline, the cut suffix or None): the title without a trailing "- Site" or
    "| Site" that names the item's site (its name or host) or a known outlet."""
    rules = _rules()
    cut = max(((title.rfind(sep), sep) for sep in rules.separators), key=lambda x: x[0])
    at, sep = cut
    if at <= 0:
        return title, None
    head, tail = title[:at].rstrip(), title[at + len(sep):].strip()
    if not head or not tail or len(tail.split()) > rules.max_words:
        return title, None
    key = _squash(tail)
    if key and (key in _site_keys(site, url) or key in rules.outlets or _HOST.match(tail)):
        return head, title[len(head):]
    return title, None


# -- title case ----------------------------------------------------------------------------------

def is_title_case(title: str) -> bool:
    """True when the headline capitalises its words ("Would Putin Dare Invade Moldova?"): every
    word of four letters or more after the first starts with a capital, and there are two."""
    words = [m.group(0) for m in _WORD.finditer(title)][1:]
    long_words = [w for w in words if len(w) >= 4]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def parse_copy(title: str, body: str = "", names: Callable[[Iterable[str]], set[int]] | None = None
               ) -> str:
    """Return the title to parse: a title-case headline with its common words in lower case,
    any other title unchanged. Same length as the title, offsets shared.

    A capitalised word stays capitalised when it is the first word, is written otherwise than
    "Capitalised" ("NATO", "McCain"), belongs to a name `names` finds (given the lower-case
    words, it returns the indexes of those inside a known name), or is capitalised more often
    than not where the body writes it inside a sentence (or only ever capitalised); other words
    go to lower case.
    """
    if not is_title_case(title):
        return title
    matches = list(_WORD.finditer(title))
    named = names([m.group(0).lower() for m in matches]) if names else set()
    usage = _body_usage(body)
    out = list(title)
    for i, m in enumerate(matches):
        word = m.group(0)
        if i == 0 or i in named or not (word[0].isupper() and word[1:] == word[1:].lower()):
            continue
        lower, capital = usage.get(word.lower(), (0, 0))
        if capital > lower:
            continue
        out[m.start()] = word[0].lower()
    return "".join(out)


def _body_usage(body: str) -> dict[str, tuple[int, int]]:
    """For each word, how often the body writes it in lower case and capitalised inside a
    sentence (not first in a sentence or line, nor in a title-case line such as a subheading);
    a word never written in lower case counts its capitalised uses at sentence starts too."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for line in body.splitlines():
        if is_title_case(line):
            continue
        for m in _WORD.finditer(line):
            word = m.group(0)
            if word[0].islower():
                lower[word] += 1
            elif word[1:] == word[1:].lower():
                before = line[:m.start()].rstrip()
                inside = before and before[-1] not in ".!?:;\"“‘'([—–-"
                (capital if inside else first)[word.lower()] += 1
    # A word the body only ever writes capitalised, even first in a sentence, is a name.
    return {w: (lower[w], capital[w] or (first[w] if not lower[w] else 0))
            for w in set(lower) | set(capital) | set(first)}
