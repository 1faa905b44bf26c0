"""End-to-end: the statements, clusters, timeline, network, question and API-docs pages in headless
Chromium over hand-made records; every test saves a screenshot of the page it checks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))

import handmade  # noqa: E402
from colour_vision import min_distance, parse_css_colour  # noqa: E402
from handmade import BLR, RUS, UKR, S  # noqa: E402


def _wait(driver, condition, timeout: float = 15, message: str = ""):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition, message)


def _css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _text(driver, selector: str) -> str:
    return " ".join(e.text for e in _css(driver, selector))


def _go(driver, url: str, ready: str):
    driver.get(url)
    # A hash change on the same page does not reload it; force the route to render.
    driver.refresh()
    _wait(driver, lambda d: _css(d, ready))


def _fetch_text(driver, url: str) -> str:
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then((r) => r.text()).then(done, (e) => done('ERROR ' + e));", url)


def _boxes(driver, selector: str) -> list[dict]:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map((e) => {"
        " const r = e.getBoundingClientRect();"
        " return {id: e.dataset.id, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom}; });", selector)


def _overlap(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


# -- stores --------------------------------------------------------------------------------------

LONG_TEXT = [
    ("Russia shelled Kharkiv overnight.", [S("ASSAULT", [RUS], [UKR], "shelled")]),
    ("Ukraine agreed with Poland on more air defence.",
     [S("AGREE", [UKR], [("Poland", "POL", None)], "agreed")]),
    ("Belarus hosted Russian troops.", [S("COOPERATE", [BLR], [RUS], "hosted")]),
    ("Russia will attack Odesa, officials warned.",
     [S("ASSAULT", [RUS], [UKR], "attack", status="future",
        claimant=("officials", None, "GOV", "warned"))]),
    ("Ukraine denied that it shelled Belgorod.",
     [S("ASSAULT", [UKR], [RUS], "shelled", status="negated",
        claimant=("Ukraine", "UKR", None, "denied"))]),
    ("Poland sent tanks to Ukraine.", [S("AID", [("Poland", "POL", None)], [UKR], "sent")]),
    ("Russia accused Ukraine of sabotage.", [S("ACCUSE", [RUS], [UKR], "accused")]),
    ("If talks fail, Russia may mobilise more troops.",
     [S("MOBILIZE", [RUS], [], "mobilise", status="hypothetical")]),
    ("Ukraine and Russia held talks in Istanbul.", [S("CONSULT", [UKR], [RUS], "held talks")]),
    ("Russian missiles hit Lviv.", [S("ASSAULT", [RUS], [UKR], "hit")]),
]

# Long organisation names make the labels of a circle layout collide unless they are placed.
ORGS = [f"Regional Organisation for Cooperation No. {i}" for i in range(1, 31)]


def _crowd_records():
    long_article = handmade.article("doc-long", "A long day of war", "2022-05-02", "long.example",
                                    LONG_TEXT)
    sentences = [(f"{org} met Ukraine.", [S("CONSULT", [(org, "IGO", None)], [UKR], "met")])
                 for org in ORGS]
    sentences += [("The missiles hit Ukraine.", [S("ASSAULT", [("missiles", None, None)], [UKR], "hit")]),
                  ("The President warned Russia.",
                   [S("THREATEN", [("President", None, "GOV")], [RUS], "warned")])]
    crowd = handmade.article("doc-crowd", "Many meetings", "2022-05-03", "crowd.example", sentences)
    return handmade.records() + [long_article, crowd]


@pytest.fixture(scope="module")
def crowd_server(tmp_path_factory, serve_store, api_token):
    """The dashboard over the hand-made records plus a long article and thirty organisations."""
    from claimgraph.store import open_store

    path = tmp_path_factory.mktemp("crowd") / "crowd.duckdb"
    with open_store(path) as store:
        store.add(_crowd_records())
    with serve_store(path, token=api_token) as srv:
        yield srv


@pytest.fixture()
def fresh_server(tmp_path, serve_store, api_token):
    """A new store of the hand-made records with one tracked question, for tests that write.

    (The session's `server` store collects the questions other tests add.)"""
    from claimgraph.analysis.questions import QuestionBook, new_question
    from claimgraph.store import open_store

    path = tmp_path / "fresh.duckdb"
    with open_store(path) as store:
        store.add(handmade.records())
        QuestionBook(store).add(new_question("Will Belarus join the war against Ukraine?",
                                             "BLR", "ASSAULT", "UKR", "2022-12-31"))
    with serve_store(path, token=api_token) as srv:
        yield srv


# -- statements and clusters ---------------------------------------------------------------------

def test_statements_page_filters_sorts_pages_and_downloads(server, browser, screenshots):
    _go(browser, server.url + "/#/statements?limit=5", "#statements-table")
    assert _text(browser, ".page-range") .startswith("1–5 of 15")
    dates = [r.find_element("css selector", "td").text for r in _css(browser, ".stmt-row")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    _css(browser, ".page-next")[0].click()
    _wait(browser, lambda d: _text(d, ".page-range").startswith("6–10 of 15"))

    form = _css(browser, "#statements-form")[0]
    form.find_element("name", "actor").send_keys("BLR")
    from selenium.webdriver.support.ui import Select

    Select(form.find_element("name", "status")).select_by_value("future")
    Select(form.find_element("name", "sort")).select_by_value("date")
    form.find_element("css selector", "button").click()
    _wait(browser, lambda d: "1–2 of 2" in _text(d, ".page-range"))
    assert "actor=BLR" in browser.current_url and "status=future" in browser.current_url
    rows = _css(browser, ".stmt-row")
    assert all("future" in r.text for r in rows)
    assert "Ukrainian military intelligence" in rows[0].text  # oldest first: 2022-05-23
    assert "Oleksiy Arestovych" in rows[1].text
    browser.save_screenshot(str(screenshots / "statements.png"))

    href = _css(browser, "#download-csv")[0].get_attribute("href")
    assert "/api/statements/download?" in href and "actor=BLR" in href and "format=csv" in href
    lines = _fetch_text(browser, href).splitlines()
    assert lines[0].startswith("id,document_id") and len(lines) == 3
    jsonl = _fetch_text(browser, _css(browser, "#download-jsonl")[0].get_attribute("href"))
    assert len(jsonl.splitlines()) == 2


def test_status_legend_shapes_labels_and_colour_vision(server, browser, screenshots):
    _go(browser, server.url + "/#/statements", ".status-legend")
    items = _css(browser, ".status-legend .legend-item")
    assert [i.get_attribute("data-legend") for i in items] == [
        "asserted", "future", "negated", "hypothetical", "question"]
    glyphs = [i.find_element("css selector", ".badge i").text for i in items]
    assert len(set(glyphs)) == 5  # a shape each, not only a colour
    assert all(i.get_attribute("data-legend") in i.text for i in items)  # and the word
    colours = [parse_css_colour(browser.execute_script(
        "return getComputedStyle(arguments[0]).color", i.find_element("css selector", ".badge i")))
        for i in items]
    for vision in ("normal", "protanopia", "deuteranopia", "tritanopia"):
        assert min_distance(colours, vision) >= 15, vision
    # Cooperation against conflict must stay far apart for everyone.
    _go(browser, server.url + "/#/timeline?a=RUS&b=UKR&unit=statements", "#chart svg")
    pair = [parse_css_colour(browser.execute_script(
        "const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');"
        "r.setAttribute('class', arguments[0]); document.querySelector('#chart svg').appendChild(r);"
        "return getComputedStyle(r).fill;", cls)) for cls in ("bar-coop", "bar-conflict")]
    for vision in ("normal", "protanopia", "deuteranopia", "tritanopia"):
        assert min_distance(pair, vision) >= 40, vision


def test_colour_vision_model_confuses_red_and_green():
    red, green = (200, 60, 40), (60, 160, 40)
    assert min_distance([red, green], "normal") > 60
    assert min_distance([red, green], "deuteranopia") < 25


def test_clusters_page(server, browser, screenshots):
    _go(browser, server.url + "/#/clusters?min_reports=2", "#clusters-table")
    rows = _css(browser, ".cluster-row")
    assert len(rows) == 2 and _text(browser, ".page-range").startswith("1–2 of 2")
    assert all(r.find_element("css selector", "td.num").text == "2" for r in rows)
    rows[0].find_element("css selector", "details summary").click()
    links = rows[0].find_elements("css selector", "details .article-link")
    assert len(links) == 2
    browser.save_screenshot(str(screenshots / "clusters.png"))
    href = _css(browser, "#download-csv")[0].get_attribute("href")
    assert "/api/clusters/download?" in href and "min_reports=2" in href
    assert len(_fetch_text(browser, href).splitlines()) == 3
    links[0].click()
    _wait(browser, lambda d: _css(d, "#doc-title"))


def test_errors_are_sentences(server, browser, screenshots):
    _go(browser, server.url + "/#/statements?since=yesterday", "#statements-results .error")
    message = _text(browser, "#statements-results .error")
    assert message.startswith("“since” (given “yesterday”) is not valid:"), message
    assert message.endswith(".") and "{" not in message and "[" not in message
    browser.save_screenshot(str(screenshots / "error.png"))
    _go(browser, server.url + "/#/doc/nope", "#view .error")
    assert _text(browser, "#view .error") == "No document nope."


# -- article view --------------------------------------------------------------------------------

def test_long_article_statement_filter(crowd_server, browser, screenshots):
    _go(browser, crowd_server.url + "/#/doc/doc-long", "#stmt-filter")
    assert _text(browser, "#stmt-filter-count") == "10 of 10 statements shown"
    assert _css(browser, ".status-legend")
    box = _css(browser, "#stmt-filter-text")[0]
    box.send_keys("poland")
    _wait(browser, lambda d: _text(d, "#stmt-filter-count") == "2 of 10 statements shown")
    visible = [c for c in _css(browser, ".stmt-item") if c.is_displayed()]
    assert len(visible) == 2 and all("Poland" in c.text for c in visible)
    marks = _css(browser, "mark.stmt")
    assert len([m for m in marks if "dim" not in m.get_attribute("class")]) == 2
    browser.save_screenshot(str(screenshots / "article-filter.png"))
    box.clear()
    box.send_keys(" ")
    from selenium.webdriver.support.ui import Select

    Select(_css(browser, "#stmt-filter-type")[0]).select_by_value("ASSAULT")
    _wait(browser, lambda d: _text(d, "#stmt-filter-count") == "4 of 10 statements shown", message=_text(browser, "#stmt-filter-count") + " / " + _css(browser, "#stmt-filter-text")[0].get_attribute("value"))
    Select(_css(browser, "#stmt-filter-status")[0]).select_by_value("negated")
    _wait(browser, lambda d: _text(d, "#stmt-filter-count") == "1 of 10 statements shown")
    # Short articles have no filter.
    _go(browser, crowd_server.url + "/#/doc/doc-invasion", "mark.stmt")
    assert _css(browser, "#stmt-filter") == []


def test_track_headline_from_the_article_then_remove(fresh_server, browser, screenshots, api_token):
    browser.get(fresh_server.url + "/")
    browser.execute_script("sessionStorage.clear()")
    _go(browser, fresh_server.url + "/#/doc/doc-nato", "#track-headline")
    assert "NATO THREATEN BLR" in _text(browser, "#headline-track")
    browser.save_screenshot(str(screenshots / "article-track-headline.png"))
    _css(browser, "#track-token")[0].send_keys(api_token)
    _css(browser, "#track-headline")[0].click()
    _wait(browser, lambda d: _text(d, "#question-text") == "Does NATO threaten Belarus?")
    assert len(_css(browser, '.board-group[data-status="asserted"] .entry')) == 1
    # The article now says its question is tracked and links to it.
    _go(browser, fresh_server.url + "/#/doc/doc-nato", "#tracked-question")
    assert _text(browser, "#tracked-question") == "Does NATO threaten Belarus?"
    _css(browser, "#tracked-question")[0].click()
    _wait(browser, lambda d: _css(d, "#untrack"))
    # The token is remembered for the tab: stopping needs one click.
    assert not _css(browser, "#untrack-token")[0].is_displayed()
    _css(browser, "#untrack")[0].click()
    _wait(browser, lambda d: _css(d, "#question-list .question"))
    assert "Does NATO threaten Belarus?" not in _text(browser, "#question-list")
    assert "Will Belarus join the war against Ukraine?" in _text(browser, "#question-list")


def test_remove_and_track_from_the_questions_page(fresh_server, browser, screenshots, api_token):
    browser.get(fresh_server.url + "/")
    browser.execute_script("sessionStorage.clear()")
    _go(browser, fresh_server.url + "/#/questions", "#question-list .question")
    _css(browser, "#q-token")[0].send_keys(api_token)
    _css(browser, "#question-list button.remove")[0].click()
    _wait(browser, lambda d: "No tracked questions yet." in _text(d, "#question-list"))
    # With the question gone, its headline is a candidate to track again, in one click.
    _wait(browser, lambda d: _css(d, "#candidate-list table"))
    buttons = _css(browser, "#candidate-list button.track-candidate")
    assert len(buttons) == 2
    browser.save_screenshot(str(screenshots / "questions.png"))
    buttons[0].click()
    _wait(browser, lambda d: _css(d, "#question-text"))
    assert _text(browser, "#question-text") == "Will Lukashenko intervene in the Russian war?"


def test_wrong_token_is_a_sentence(fresh_server, browser):
    browser.get(fresh_server.url + "/")
    browser.execute_script("sessionStorage.setItem('claimgraph-token', 'wrong')")
    _go(browser, fresh_server.url + "/#/doc/doc-nato", "#track-headline")
    _css(browser, "#track-headline")[0].click()
    _wait(browser, lambda d: "error" in _css(d, "#track-msg")[0].get_attribute("class"))
    assert _text(browser, "#track-msg") == ("The API token was not accepted. "
                                            "A valid bearer token is required.")


# -- timelines -----------------------------------------------------------------------------------

def test_timeline_window_in_the_url_bins_and_bar_statements(server, browser, screenshots):
    _go(browser, server.url + "/#/timeline?a=RUS&b=BLR", "#chart svg")
    # Weekly: two busy weeks with three empty ones between; the intensity line is not drawn
    # across them.
    d = _css(browser, "#chart path.line-intensity")[0].get_attribute("d")
    assert d.count("M") == 2 and "L" not in d
    assert "publication dates" in _text(browser, "#timeline-window")

    from selenium.webdriver.support.ui import Select

    Select(_css(browser, "#tl-bin")[0]).select_by_value("month")
    since = _css(browser, "#tl-since")[0]
    browser.execute_script("arguments[0].value = '2022-03-01'", since)
    _css(browser, "#timeline-form button")[0].click()
    _wait(browser, lambda d: "bin=month" in d.current_url and "since=2022-03-01" in d.current_url)
    _wait(browser, lambda d: "RUS – BLR: 1 events in 1 of 1 month(s)" in _text(d, "#timeline-title"))
    assert _css(browser, "#tl-since")[0].get_attribute("value") == "2022-03-01"
    assert "1 events dated before" in _text(browser, "#timeline-window")
    # The page keeps the window on reload.
    browser.refresh()
    _wait(browser, lambda d: "1 of 1 month(s)" in _text(d, "#timeline-title"))
    _css(browser, "#chart rect.bin-hit")[0].click()
    _wait(browser, lambda d: _css(d, "#bar-statements .bar-statement"))
    assert _text(browser, "#bar-title").startswith("2022-03: 1 events, 2 statement(s)")
    items = _css(browser, "#bar-statements .bar-statement")
    assert len(items) == 2 and all("CONSULT" in i.text for i in items)
    browser.save_screenshot(str(screenshots / "timeline-bar.png"))
    # The "show everything" link widens the window to every counted event.
    _css(browser, "#show-all")[0].click()
    _wait(browser, lambda d: "2 events in 2 of 2 month(s)" in _text(d, "#timeline-title"))
    _css(browser, "#timeline-table .period-row button")[0].click()
    _wait(browser, lambda d: _text(d, "#bar-title").startswith("2022-02"))


# -- network -------------------------------------------------------------------------------------

def test_network_filters_by_type_and_date(server, browser, screenshots):
    _go(browser, server.url + "/#/network?min=1&type=ASSAULT", "#network circle.node")
    ids = sorted(c.get_attribute("data-id") for c in _css(browser, "#network circle.node"))
    assert ids == ["RUS", "UKR"]
    from selenium.webdriver.support.ui import Select

    Select(_css(browser, "#nw-type")[0]).select_by_value("")
    browser.execute_script("arguments[0].value = '2022-06-01'", _css(browser, "#nw-since")[0])
    _css(browser, "#network-form button")[0].click()
    _wait(browser, lambda d: "since=2022-06-01" in d.current_url)
    _wait(browser, lambda d: sorted(c.get_attribute("data-id") for c in _css(d, "#network circle.node"))
          == ["BLR", "IGO:NATO", "UKR"])
    browser.save_screenshot(str(screenshots / "network-filtered.png"))


def test_network_labels_do_not_overlap_and_nodes_are_coded(crowd_server, browser, screenshots):
    _go(browser, crowd_server.url + "/#/network?min=1&limit=100", "#network text.label")
    ids = {c.get_attribute("data-id") for c in _css(browser, "#network circle.node")}
    # Thirty organisations, UKR, RUS, BLR, POL and NATO.
    assert len(ids) == 35 and "UKR" in ids and f"IGO:{ORGS[0]}" in ids
    assert not any("missiles" in i.lower() or "president" in i.lower() for i in ids)
    labels = _boxes(browser, "#network text.label")
    nodes = _boxes(browser, "#network circle.node")
    assert len(labels) == len(nodes) == 35
    clashes = [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1:]
               if _overlap(a, b)]
    assert clashes == []
    covered = [(a["id"], n["id"]) for a in labels for n in nodes if _overlap(a, n)]
    assert covered == []
    browser.save_screenshot(str(screenshots / "network-labels.png"))


# -- API docs ------------------------------------------------------------------------------------

def test_api_docs_render_without_internet(server, browser, screenshots):
    browser.get(server.url + "/docs")
    _wait(browser, lambda d: len(_css(d, ".swagger-ui .opblock")) >= 10, timeout=30)
    assert _css(browser, ".swagger-ui .btn.authorize"), "no Authorize button: no security scheme"
    sources = browser.execute_script(
        "return [...document.querySelectorAll('script[src], link[href]')]"
        ".map((e) => e.src || e.href)")
    assert sources and all(s.startswith(server.url) for s in sources), sources
    browser.save_screenshot(str(screenshots / "api-docs.png"))
