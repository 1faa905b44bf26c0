"""Headlines: the site's name cut off the title; the case-normalised copy of a title-case one."""

from __future__ import annotations

import pytest

from claimgraph.clean import make_document
from claimgraph.clean.headline import is_title_case, parse_copy, split_site_suffix
from claimgraph.sources import RawItem


@pytest.mark.parametrize("title,site,url,expected", [
    # the site's own name
    ("Would Putin Dare Invade Moldova? - 19FortyFive", "19FortyFive", None,
     "Would Putin Dare Invade Moldova?"),
    # the site's host, with or without its top-level domain
    ("Moldova fears a land corridor - Example Daily", None, "https://www.exampledaily.com/a/1",
     "Moldova fears a land corridor"),
    ("Moldova fears a land corridor | exampledaily.com", None, None, "Moldova fears a land corridor"),
    # a known outlet, where the item names no site
    ("Belarus moves troops to the border | Reuters", None, None, "Belarus moves troops to the border"),
    ("Opinion | Can Sanctions Really Stop Putin? - The New York Times", None, None,
     "Opinion | Can Sanctions Really Stop Putin?"),
    # a speaker is not a site, even one whose title is the first part of the host
    ("Ukraine will win if Europe stays united - President", "president.gov.ua",
     "https://www.president.gov.ua/en/news/x", "Ukraine will win if Europe stays united - President"),
    ("We are fighting for our land - address by President Volodymyr Zelenskyy", "president.gov.ua",
     None, "We are fighting for our land - address by President Volodymyr Zelenskyy"),
    # a long trailing clause is part of the headline
    ("Russia warns Moldova - and the talks in Geneva may now not go ahead at all", "Reuters", None,
     "Russia warns Moldova - and the talks in Geneva may now not go ahead at all"),
    ("Russia-Ukraine war: latest", "Reuters", None, "Russia-Ukraine war: latest"),
])
def test_a_trailing_site_name_is_cut(title, site, url, expected):
    headline, suffix = split_site_suffix(title, site, url)
    assert headline == expected
    assert (suffix is None) == (headline == title)
    if suffix:
        assert headline + suffix == title


def test_the_cut_site_name_is_kept_among_the_removed_text():
    item = RawItem(origin="x.jsonl:1", title="Belarus moves troops to the border - Example Daily",
                   site="Example Daily", published="2022-04-23",
                   text="Belarus moved troops to the Ukrainian border on Friday, officials said.")
    doc = make_document(item)
    assert doc.title == "Belarus moves troops to the border"
    assert " - Example Daily" in doc.removed


def test_title_case_is_told_from_sentence_case():
    assert is_title_case("Would Putin Dare Invade Moldova?")
    assert is_title_case("Will Belarus Join the War Against Ukraine?")
    assert not is_title_case("Will Belarus join the war against Ukraine?")
    assert not is_title_case("Putin meets Xi")
    assert not is_title_case("NATO")


def test_the_parse_copy_lowers_common_words_and_keeps_names():
    body = ("Analysts ask whether Putin would dare to invade Moldova next.\n\n"
            "Chisinau says it is ready. Transdniestria has hosted Russian troops for years.")
    title = "Would Putin Dare Invade Moldova and Transdniestria via Odesa?"
    names = lambda words: {i for i, w in enumerate(words) if w == "odesa"}  # noqa: E731
    copy = parse_copy(title, body, names)
    # names: from the body (written capitalised inside sentences) or from the name lookup
    assert copy == "Would Putin dare invade Moldova and Transdniestria via Odesa?"
    assert len(copy) == len(title) and copy.lower() == title.lower()
    # without evidence either way, a capitalised word is taken for a common one
    assert parse_copy("Will Kremlin Attack Moldova?") == "Will kremlin attack moldova?"
    assert parse_copy("NATO Warns Kremlin Over Moldova Drills", "", None).startswith("NATO warns")
    # a sentence-case title is parsed as it is
    assert parse_copy("Will Belarus join the war?", "", None) == "Will Belarus join the war?"
