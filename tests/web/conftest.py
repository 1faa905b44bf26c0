"""Fixtures for the web tests: a store of hand-made records, a live server and headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))

import handmade  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token-7f3a"
CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CLAIMGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def web_store_path(tmp_path_factory) -> Path:
    """A DuckDB store holding the hand-made records and one tracked question."""
    from claimgraph.analysis.questions import QuestionBook, new_question
    from claimgraph.store import open_store

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with open_store(path) as store:
        store.add(handmade.records())
        QuestionBook(store).add(new_question("Will Belarus join the war against Ukraine?",
                                             "BLR", "ASSAULT", "UKR", "2022-12-31"))
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A uvicorn server in a thread of the test process, stopped at the end of the session."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def live_server(store_path: Path, token: str | None = None) -> LiveServer:
    """Return a LiveServer over the store (use it as a context manager)."""
    from claimgraph.web.app import create_app

    return LiveServer(create_app(store_path, token=token))


@pytest.fixture(scope="session")
def serve_store():
    """A factory: serve_store(path, token=None) -> LiveServer context manager."""
    return live_server


@pytest.fixture(scope="session")
def server(web_store_path) -> Iterator[LiveServer]:
    """The dashboard over the hand-made store, read-write with TOKEN."""
    with live_server(web_store_path, token=TOKEN) as srv:
        yield srv


@pytest.fixture(scope="session")
def api_token() -> str:
    """The bearer token the test server accepts."""
    return TOKEN


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"chromium not found at {CHROMIUM} (apt-get install chromium chromium-driver)"
    if not Path(CHROMEDRIVER).exists():
        return f"chromedriver not found at {CHROMEDRIVER} (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium driven by Selenium; skips when the browser is absent."""
    reason = _browser_missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="claimgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1000", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser tests save screenshots: $CLAIMGRAPH_SCREENSHOTS, else a tmp dir."""
    target = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
