"""The pipeline's parse: long bodies in segments give the records the whole parse gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import pipeline as pipeline_mod
from claimgraph.pipeline import _by_chars, _segments
from claimgraph.sources import RawItem

EXAMPLE = Path(pipeline_mod.__file__).with_name("data") / "example.txt"


def test_segments_join_to_the_text_and_cut_at_paragraphs():
    paragraphs = [f"Paragraph {i} says something. It goes on a little." for i in range(40)]
    text = "\n\n".join(paragraphs)
    pieces = _segments(text, 300)
    assert "".join(pieces) == text
    assert len(pieces) > 1 and all(len(p) <= 300 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_a_text_on_one_line_is_cut_at_sentence_ends():
    text = " ".join(f"Mr. Smith met delegation {i} in Geneva on Monday." for i in range(60))
    pieces = _segments(text, 500)
    assert "".join(pieces) == text
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert all(p[0].isupper() for p in pieces)


def test_a_text_without_spaces_is_still_cut():
    text = "x" * 1050
    pieces = _segments(text, 500)
    assert "".join(pieces) == text and [len(p) for p in pieces] == [500, 500, 50]


def test_batches_hold_at_most_the_limit_unless_one_text_is_longer():
    groups = list(_by_chars(["a" * 30, "b" * 30, "c" * 80, "d" * 10], 60))
    assert groups == [["a" * 30, "b" * 30], ["c" * 80], ["d" * 10]]


@pytest.mark.parametrize("flatten", [False, True], ids=["paragraphs", "one line"])
def test_segmented_parse_codes_like_the_whole_parse(pipeline, monkeypatch, flatten):
    text = EXAMPLE.read_text("utf-8")
    if flatten:
        text = " ".join(text.split())
    item = RawItem(origin="example.txt", text=text, title="Will Belarus join the war?",
                   published="2022-05-25")
    whole = next(iter(pipeline.run([item])))
    monkeypatch.setattr(pipeline_mod, "SEGMENT_CHARS", 1200)
    monkeypatch.setattr(pipeline_mod, "BATCH_CHARS", 2500)
    assert len(_segments(whole.document.text, 1200)) > 3
    segmented = next(iter(pipeline.run([item])))
    assert segmented.to_dict() == whole.to_dict()
    assert whole.statements
