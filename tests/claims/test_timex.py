"""Time expressions and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.claims import timex

PUB = dt.date(2022, 5, 25)  # a Wednesday


def _resolve(nlp, text, future=False):
    doc = nlp(text)
    exprs = timex.find(next(doc.sents))
    assert exprs, f"no time expression in {text!r}"
    e = exprs[0]
    if e.kind == "era":
        return e.text, timex.resolve_era(e, {t.lower_ for t in doc}, PUB)
    return e.text, e.resolve(PUB, future=future)


@pytest.mark.parametrize("text,expected", [
    ("On March 11, he met Putin.", ("March 11", ("2022-03-11", "2022-03-11"))),
    ("On 11 March 2021 he met Putin.", ("11 March 2021", ("2021-03-11", "2021-03-11"))),
    ("He met Putin on June 3.", ("June 3", ("2021-06-03", "2021-06-03"))),
    ("The source spoke on Sunday.", ("Sunday", ("2022-05-22", "2022-05-22"))),
    ("He gave an interview last week.", ("last week", ("2022-05-16", "2022-05-22"))),
    ("Troops left yesterday.", ("yesterday", ("2022-05-24", "2022-05-24"))),
    ("Protests broke out in the autumn of 2020.", ("autumn of 2020", ("2020-09-01", "2020-11-30"))),
    ("Protests grew in the autumn and winter of 2020.", ("autumn and winter of 2020", ("2020-09-01", "2021-02-28"))),
    ("Russia annexed Crimea in 2014.", ("2014", ("2014-01-01", "2014-12-31"))),
    ("Belarus will attack in a day or two.", ("in a day or two", ("2022-05-26", "2022-05-27"))),
    ("They will finish by the end of the month.", ("by the end of the month", ("2022-05-25", "2022-05-31"))),
    ("The city could fall within weeks.", ("within weeks", ("2022-05-25", "2022-06-15"))),
    ("They met three days ago.", ("three days ago", ("2022-05-22", "2022-05-22"))),
    ("Kyiv was hit on the fourth day of the war in Ukraine.", ("the fourth day of the war",
                                                               ("2022-02-27", "2022-02-27"))),
])
def test_resolution(nlp, text, expected):
    assert _resolve(nlp, text) == expected


def test_future_weekday_looks_forward(nlp):
    assert _resolve(nlp, "Talks will resume on Friday.", future=True)[1] == ("2022-05-27", "2022-05-27")


def test_may_the_verb_is_not_a_month(nlp):
    doc = nlp("Troops may withdraw soon.")
    assert timex.find(next(doc.sents)) == []


def test_era_needs_a_named_party(nlp):
    doc = nlp("On the fourth day of the war the harvest began.")
    e = timex.find(next(doc.sents))[0]
    assert timex.resolve_era(e, {t.lower_ for t in doc}, PUB) == (None, None)


def test_event_takes_its_own_clause_date(nlp):
    doc = nlp("On Sunday the paper reported that troops had crossed the border in March.")
    sent = next(doc.sents)
    exprs = timex.find(sent)
    crossed = next(t.i for t in doc if t.text == "crossed")
    reported = next(t.i for t in doc if t.text == "reported")
    assert timex.attached(doc, crossed, exprs).text == "March"
    assert timex.attached(doc, reported, exprs).text == "Sunday"


TUESDAY = dt.date(2022, 6, 21)


@pytest.mark.parametrize("text,future,expected", [
    ("Scholz met Zelensky on Tuesday.", False, "2022-06-21"),   # the publication day itself
    ("Scholz met Zelensky on Monday.", False, "2022-06-20"),
    ("Scholz met Zelensky on Wednesday.", False, "2022-06-15"),
    ("Scholz met Zelensky last Tuesday.", False, "2022-06-14"),
    ("Scholz met Zelensky this Tuesday.", False, "2022-06-21"),
    ("Scholz will meet Zelensky on Tuesday.", True, "2022-06-28"),
    ("Scholz will meet Zelensky on Thursday.", True, "2022-06-23"),
    ("Scholz will meet Zelensky this Tuesday.", True, "2022-06-21"),
    ("Scholz will meet Zelensky next Tuesday.", True, "2022-06-28"),
])
def test_weekdays_resolve_against_the_publication_day(nlp, text, future, expected):
    (e,) = timex.find(next(nlp(text).sents))
    assert e.resolve(TUESDAY, future=future) == (expected, expected)
    assert e.granularity() == "day"


@pytest.mark.parametrize("text,granularity,expected", [
    ("The Wehrmacht invaded in 1941.", "year", ("1941-01-01", "1941-12-31")),
    ("Talks collapsed in June 2021.", "month", ("2021-06-01", "2021-06-30")),
    ("Talks collapsed in March.", "month", ("2022-03-01", "2022-03-31")),
    ("Protests broke out in the autumn of 2020.", "season", ("2020-09-01", "2020-11-30")),
    ("He gave an interview last week.", "week", ("2022-05-16", "2022-05-22")),
    ("They met on March 11.", "day", ("2022-03-11", "2022-03-11")),
    ("The city could fall within weeks.", "range", ("2022-05-25", "2022-06-15")),
    ("Troops left over the weekend.", "range", ("2022-05-21", "2022-05-22")),
])
def test_year_and_month_mentions_keep_their_granularity(nlp, text, granularity, expected):
    (e,) = timex.find(next(nlp(text).sents))
    assert e.granularity() == granularity
    assert e.resolve(PUB) == expected


def test_the_granularity_reaches_the_statement_and_its_label(nlp):
    from claimgraph.claims import ClaimLayer
    from claimgraph.model import when_label

    doc = nlp("Germany attacked the Soviet Union in 1941.")
    analysis = ClaimLayer().analyze(doc, [], PUB, headline=False)
    when = analysis.when(next(t.i for t in doc if t.text == "attacked"))
    assert (when.start, when.end, when.granularity) == ("1941-01-01", "1941-12-31", "year")
    assert when_label(when.start, when.end, when.granularity) == "1941"
    # a record written before `granularity` existed is read off its range
    assert when_label("1941-01-01", "1941-12-31") == "1941"
    assert when_label("2022-06-01", "2022-06-30") == "2022-06"
    assert when_label("2022-06-21", "2022-06-21") == "2022-06-21"
    assert when_label("2022-06-21", "2022-06-24") == "2022-06-21..2022-06-24"
    assert when_label(None, "2022-06-30") == "by 2022-06-30"
