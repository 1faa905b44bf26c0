"""End-to-end: the dashboard in headless Chromium over a store of hand-made records."""

from __future__ import annotations


def _wait(driver, condition, timeout: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _text(driver, selector: str) -> str:
    return " ".join(e.text for e in _css(driver, selector))


def test_search_then_article_view_highlights_statements(server, browser, screenshots):
    browser.get(server.url + "/")
    _wait(browser, lambda d: _css(d, "#search-results .doc-link"))
    box = _css(browser, "#search-input")[0]
    box.send_keys("Lukashenko intervene")
    _css(browser, "#search-form button")[0].click()
    _wait(browser, lambda d: "for “Lukashenko intervene”" in _text(d, "#search-count"))
    links = _css(browser, "#search-results .doc-link")
    assert [a.text for a in links] == ["Will Lukashenko intervene in the Russian war?"]
    browser.save_screenshot(str(screenshots / "search.png"))

    links[0].click()
    _wait(browser, lambda d: _css(d, "mark.stmt"))
    assert _text(browser, "#doc-title") == "Will Lukashenko intervene in the Russian war?"
    marks = _css(browser, "mark.stmt")
    # Three body sentences carry statements; the headline's statement has no span in the text.
    assert len(marks) == 3
    assert marks[0].text.startswith("Ukrainian military intelligence is sure")
    assert "s-future" in marks[0].get_attribute("class")
    assert "s-negated" in marks[1].get_attribute("class")
    cards = _css(browser, "#statement-list .stmt-item")
    assert len(cards) == 3
    first = cards[0].text
    assert "Ukrainian military intelligence" in first and "Ukrainska Pravda" in first
    assert "Belarus (BLR)" in first and "Ukraine (UKR)" in first
    # The headline's question is shown apart from the text.
    assert "question" in _text(browser, ".stmt-item.s-question")

    from selenium.webdriver.common.action_chains import ActionChains

    # Hovering a highlighted sentence shows its statements and marks their cards.
    ActionChains(browser).move_to_element(marks[0]).perform()
    _wait(browser, lambda d: d.find_element("id", "tooltip").is_displayed())
    tip = browser.find_element("id", "tooltip").text
    assert "ASSAULT future" in tip and "Ukrainska Pravda" in tip
    assert "hot" in cards[0].get_attribute("class")
    browser.save_screenshot(str(screenshots / "article.png"))
    # Clicking a statement's card marks its sentence in the text.
    ActionChains(browser).move_to_element(_css(browser, "#doc-title")[0]).perform()
    cards[1].click()
    _wait(browser, lambda d: "hot" in _css(d, "mark.stmt")[1].get_attribute("class"))


def test_question_evidence_board(server, browser, screenshots):
    browser.get(server.url + "/#/questions")
    _wait(browser, lambda d: _css(d, ".question-link"))
    assert "Will Lukashenko intervene in the Russian war?" in _text(browser, "#candidate-list")
    _css(browser, ".question-link")[0].click()
    _wait(browser, lambda d: _css(d, "#board"))
    assert _text(browser, "#question-text") == "Will Belarus join the war against Ukraine?"
    future = _css(browser, '.board-group[data-status="future"] .entry')
    assert len(future) == 2
    assert all("expired" in e.text for e in future)
    denials = _css(browser, '.board-group[data-status="negated"] .entry')
    assert len(denials) == 1 and "Lukashenko" in denials[0].text
    assert _css(browser, '.board-group[data-status="asserted"] .entry') == []
    records = _text(browser, "#claimant-records")
    assert "Oleksiy Arestovych" in records and "Ukrainian military intelligence" in records
    browser.save_screenshot(str(screenshots / "question.png"))
    # The board links each claim to its article.
    _css(browser, '.board-group[data-status="negated"] .article-link')[0].click()
    _wait(browser, lambda d: _css(d, "mark.stmt"))
    assert "Lukashenko intervene" in _text(browser, "#doc-title")


def test_timeline_chart_and_presets(server, browser, screenshots):
    browser.get(server.url + "/#/timeline?a=RUS&b=UKR&unit=statements")
    _wait(browser, lambda d: _css(d, "#chart svg"))
    assert "RUS – UKR: 2 statements" in _text(browser, "#timeline-title")
    assert len(_css(browser, "#chart rect.bar-conflict")) == 1
    assert _css(browser, "#chart rect.bar-coop") == []
    browser.save_screenshot(str(screenshots / "timeline-rus-ukr.png"))

    preset = [a for a in _css(browser, ".presets a") if a.text == "Russia–Belarus"][0]
    preset.click()
    _wait(browser, lambda d: "RUS – BLR" in _text(d, "#timeline-title"))
    _wait(browser, lambda d: _css(d, "#chart svg"))
    assert len(_css(browser, "#chart rect.bar-coop")) == 2
    table = _text(browser, "#timeline-table")
    assert "2022-02-07" in table and "2022-03-07" in table
    browser.save_screenshot(str(screenshots / "timeline-rus-blr.png"))


def test_network_nodes_link_to_timelines(server, browser, screenshots):
    browser.get(server.url + "/#/network?min=1")
    _wait(browser, lambda d: _css(d, "#network circle.node"))
    ids = sorted(c.get_attribute("data-id") for c in _css(browser, "#network circle.node"))
    assert ids == ["BLR", "IGO:NATO", "RUS", "UKR"]
    assert len(_css(browser, "#network path.edge")) >= 4
    browser.save_screenshot(str(screenshots / "network.png"))
    nato = [c for c in _css(browser, "#network circle.node") if c.get_attribute("data-id") == "IGO:NATO"]
    nato[0].click()
    _wait(browser, lambda d: "IGO:NATO – BLR" in _text(d, "#timeline-title"))


def test_track_question_from_the_dashboard(server, browser, screenshots, api_token):
    browser.get(server.url + "/#/questions")
    _wait(browser, lambda d: _css(d, "#question-form"))
    for field, value in (("q-text", "Will NATO threaten Belarus?"), ("q-actor", "NATO"),
                         ("q-type", "THREATEN"), ("q-recipient", "BLR"), ("q-token", api_token)):
        _css(browser, f"#{field}")[0].send_keys(value)
    _css(browser, "#question-form button")[0].click()
    _wait(browser, lambda d: _text(d, "#question-text") == "Will NATO threaten Belarus?")
    assert len(_css(browser, '.board-group[data-status="asserted"] .entry')) == 1
    assert "happened" in _text(browser, ".badge.happened")
    browser.save_screenshot(str(screenshots / "question-added.png"))
