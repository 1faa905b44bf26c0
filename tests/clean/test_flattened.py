"""The flattened-text cleaner on small pages written for the purpose."""

from __future__ import annotations

from claimgraph.clean.flattened import clean_flattened, furniture_kind, is_date_line


def test_fixture_page_is_cleaned(fixtures):
    c = clean_flattened((fixtures / "flattened.txt").read_text())
    assert c.title == "Ministers agree on new grain corridor"
    assert c.page_dates == ["2022-03-07"]
    paragraphs = c.text.split("\n\n")
    assert paragraphs == [
        "The agriculture ministers of both countries agreed on Monday to open a new corridor for grain exports, officials said.",
        "The corridor will run through the port of Constanta, according to the statement released after the meeting.",
        "A deal at last",
        "Shipments are expected to start within two weeks, the ministry said in a short note to journalists.",
        "The ministers will meet again in April to review the first shipments and the prices farmers receive.",
    ]
    for line in ("21 °C", "Berlin", "Monday, March 7, 2022", "- Advertisement -", "Share this article",
                 "More about the grain deal on Morgenpost Plus:", "Source link", "New Articles",
                 "Grain prices fall in Chicago", "Farmers protest in Brussels"):
        assert line in c.removed, line
    assert any(r.startswith("[Alle Nachrichten") for r in c.removed)
    assert "Ministers agree on new grain corridor" not in c.removed


def test_record_title_line_is_dropped_from_the_body():
    raw = "Talks resume in Geneva\nDelegations met again in Geneva on Tuesday, the mediators said.\nThe next round is planned for May."
    c = clean_flattened(raw, title="Talks resume in Geneva - Example News")
    assert c.title == "Talks resume in Geneva - Example News"
    assert not c.text.startswith("Talks resume")
    assert c.text.count("\n\n") == 1


def test_no_headline_when_the_text_starts_with_a_sentence():
    raw = "The council met on Monday and approved the plan.\nIt takes effect in June."
    c = clean_flattened(raw)
    assert c.title is None
    assert c.text == "The council met on Monday and approved the plan.\n\nIt takes effect in June."


def test_short_in_article_lines_are_kept():
    raw = ("Officials said the negotiations had stalled over the weekend after a dispute about the border.\n"
           "A long way to go\n"
           "Diplomats expect the talks to resume next month in Vienna, two people familiar with them said.\n"
           "Why now?\n"
           "The timing reflects pressure from the coming elections in both countries, analysts said.")
    c = clean_flattened(raw)
    assert "A long way to go" in c.text.split("\n\n") and "Why now?" in c.text.split("\n\n")
    assert c.removed == []


def test_repeated_paragraph_is_dropped_but_listed():
    line = "The ministry said 40 people were evacuated from the flooded villages on Sunday."
    c = clean_flattened(f"{line}\nRescue work went on through the night.\n{line}")
    assert c.text.split("\n\n") == [line, "Rescue work went on through the night."]
    assert c.removed == [line]


def test_sentence_broken_across_lines_is_rejoined():
    c = clean_flattened("The opposition leader posted\non Telegram that he would return.\nHe gave no date.")
    assert c.text == "The opposition leader posted on Telegram that he would return.\n\nHe gave no date."


def test_tail_marker_followed_by_prose_removes_only_the_marker():
    raw = ("Related:\nThe army said it had repelled several attacks near the city overnight, officials said.\n"
           "Residents were told to stay in shelters until the morning.")
    c = clean_flattened(raw)
    assert c.removed == ["Related:"]
    assert c.text.startswith("The army said")


def test_script_cookie_and_newsletter_lines():
    raw = ("The president arrived in the capital on Monday for two days of talks with the prime minister.\n"
           "cnxps.cmd.push(function () { cnxps({ playerId: 'abc' }).render('x'); });\n"
           "We use cookies to improve your experience on our website. See our cookie policy.\n"
           "Sign up for our daily newsletter, delivered to your inbox every morning.\n"
           "The visit is the first since the election in the autumn, officials said.")
    c = clean_flattened(raw)
    assert len(c.removed) == 3
    assert c.text.count("\n\n") == 1


def test_furniture_kinds():
    assert furniture_kind("By ADAM SCHRECK") == "byline"
    assert furniture_kind("By the time the troops withdrew, the town was empty") is None
    assert furniture_kind("(AP Photo/Alex Brandon)") == "photo_credit"
    assert furniture_kind("Alexei Alexandrov - stringer, AP") is not None
    assert furniture_kind("19 mins ago") == "relative_time"
    assert furniture_kind("Source: Reuters/ec") == "source_line"
    assert furniture_kind("If Putin wants more, he will get it") is None
    assert furniture_kind("Video footage showed soldiers firing on civilians.") is None


def test_date_lines():
    for line in ("Wednesday, May 25, 2022", "2022/04/19 21:01", "2022-04-19T20:45:04+5:30",
                 "April 19, 2022 08:45 PM", "Updated: April 19 2022, 8.32pm", "22 Apr 2022 - 18:44 GMT",
                 "Posted: 4:13 PM Apr. 7, 2022", "Updated at 3:06 p.m."):
        assert is_date_line(line), line
    for line in ("Sunday", "May the best team win", "on April 19.", "In 2022 the war began in earnest."):
        assert not is_date_line(line), line


def test_prose_paragraph_mentioning_membership_or_newsletters_is_kept():
    # Press releases often arrive as one long line; a phrase inside it must not drop it whole.
    body = " ".join([
        "Ukraine will become a member of the European Union, the president said.",
        "He thanked the partners who backed the application.",
        "The ministry will publish a weekly newsletter for subscribers on the talks.",
        "Officials met on Monday.",
        "They agreed to meet again.",
    ])
    cleaned = clean_flattened(body, title="Ukraine and the EU")
    assert cleaned.text == body
    assert cleaned.removed == []


def test_membership_appeal_line_is_furniture():
    assert furniture_kind("Become a member today and support our reporting") == "appeal"
    assert furniture_kind("Sweden hopes to become a member of NATO by the summer.") is None


def test_reader_submission_notice_is_furniture():
    assert furniture_kind("The Daily Courier welcomes letters to the editor and op-eds.") == "submissions"
    assert furniture_kind("Send letters to the editor and op-eds to the address below; "
                          "see our guidelines.") == "submissions"
    assert furniture_kind("The minister wrote several letters to the editor of a local paper "
                          "in the 1990s.") is None
