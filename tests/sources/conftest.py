"""Helpers that build inputs (WARC archives, gzip files) in tmp_path at test time."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


def page(n: int) -> bytes:
    """Return a small HTML news page numbered n."""
    return (f"<html><head><title>Story {n}</title></head><body><article>"
            f"<p>Story number {n} reports that the council approved the new budget on Monday "
            f"after a long debate about school funding and road repairs in the district.</p>"
            f"</article></body></html>").encode()


def build_warc(path: Path, n_pages: int, gzip: bool = True) -> bytes:
    """Write a WARC with a warcinfo record, then n HTML response records and one image; return its bytes."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    for i in range(1, n_pages + 1):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://news.example.org/{i}", "response",
                                        payload=io.BytesIO(page(i)), http_headers=headers)
        writer.write_record(rec)
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.org/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"), http_headers=img))
    data = buf.getvalue()
    path.write_bytes(data)
    return data


@pytest.fixture
def fixtures() -> Path:
    """The directory of small input fixtures."""
    return FIXTURES


@pytest.fixture
def make_warc():
    """The WARC builder: make_warc(path, n_pages, gzip=True) -> bytes."""
    return build_warc
