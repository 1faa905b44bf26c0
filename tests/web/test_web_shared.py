"""The dashboard over real articles: the example article coded by the pipeline, and (when
$CLAIMGRAPH_NEWS_DB names a store holding `claimgraph ingest ../shared/data/news/`) the
Russia-Belarus and Belarus-Ukraine timelines and a question about Belarus joining the war."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.shared


def _wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _text(driver, selector: str) -> str:
    return " ".join(e.text for e in _css(driver, selector))


@pytest.fixture(scope="module")
def example_store(tmp_path_factory, example_path) -> tuple[Path, str]:
    """A store holding the example article as the real pipeline codes it."""
    try:
        from claimgraph.pipeline import Pipeline
        from claimgraph.sources import RawItem
    except ImportError as exc:
        pytest.skip(f"pipeline pieces not importable: {exc}")
    from claimgraph.store import open_store

    item = RawItem(origin=str(example_path), text=example_path.read_text("utf-8"))
    (record,) = list(Pipeline().run([item]))
    if not hasattr(record, "document"):
        pytest.fail(f"the example article was rejected: {record}")
    path = tmp_path_factory.mktemp("shared") / "example.duckdb"
    with open_store(path) as store:
        store.add([record])
    return path, record.document.id


def test_example_article_view_highlights_its_statements(example_store, browser, screenshots,
                                                        serve_store):
    path, doc_id = example_store
    with serve_store(path) as srv:
        browser.get(f"{srv.url}/#/doc/{doc_id}")
        _wait(browser, lambda d: _css(d, "mark.stmt"))
        assert "Lukashenko" in _text(browser, "#doc-title")
        marks = _css(browser, "mark.stmt")
        text = _text(browser, "#article-text")
        assert len(marks) >= 3
        # Every highlight is a verbatim stretch of the article text.
        assert all(m.text and m.text in text for m in marks)
        marked = " ".join(m.text for m in marks)
        assert "Ukrainian military intelligence is sure" in marked
        cards = _text(browser, "#statement-list")
        assert "Ukrainian military intelligence" in cards and "Ukrainska Pravda" in cards
        browser.save_screenshot(str(screenshots / "example-article.png"))


@pytest.fixture(scope="module")
def news_store(tmp_path_factory) -> Path:
    """A copy of the store named by $CLAIMGRAPH_NEWS_DB (the ingested news folder)."""
    source = os.environ.get("CLAIMGRAPH_NEWS_DB")
    if not source or not Path(source).is_file():
        pytest.skip("set CLAIMGRAPH_NEWS_DB to a store holding `claimgraph ingest "
                    "../shared/data/news/` to run the full-corpus dashboard test")
    path = tmp_path_factory.mktemp("news") / "news.duckdb"
    shutil.copy(source, path)
    return path


def test_news_dashboard_timelines_and_question(news_store, browser, screenshots, api_token,
                                               serve_store):
    with serve_store(news_store, token=api_token) as srv:
        for a, b in (("RUS", "BLR"), ("BLR", "UKR")):
            browser.get(f"{srv.url}/#/timeline?a={a}&b={b}")
            _wait(browser, lambda d: _css(d, "#chart svg"))
            title = _text(browser, "#timeline-title")
            assert title.startswith(f"{a} – {b}: ")
            assert int(title.split(": ")[1].split()[0]) > 0, title
            assert _css(browser, "#chart rect")
            browser.save_screenshot(str(screenshots / f"news-timeline-{a}-{b}.png"))

        browser.get(f"{srv.url}/#/questions")
        _wait(browser, lambda d: _css(d, "#question-form"))
        for field, value in (("q-text", "Will Belarus join the war against Ukraine?"),
                             ("q-token", api_token)):
            _css(browser, f"#{field}")[0].send_keys(value)
        _css(browser, "#question-form button")[0].click()
        _wait(browser, lambda d: _css(d, "#board"))
        assert _text(browser, "#question-text") == "Will Belarus join the war against Ukraine?"
        meta = _text(browser, "main p.muted")
        assert "BLR ASSAULT UKR" in meta
        entries = _css(browser, "#board .entry")
        assert entries, "the board shows no evidence"
        assert "Ukrainian military intelligence" in _text(browser, '[data-status="future"]')
        browser.save_screenshot(str(screenshots / "news-question.png"))

        link = [a for a in _css(browser, '[data-status="future"] .article-link')
                if "Lukashenko intervene" in a.text]
        assert link, "the example article is not on the board"
        link[0].click()
        _wait(browser, lambda d: _css(d, "mark.stmt"))
        assert "Will Lukashenko intervene in the Russian war?" == _text(browser, "#doc-title")
        browser.save_screenshot(str(screenshots / "news-example-article.png"))
