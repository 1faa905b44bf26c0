"""The terminal table shows each statement's actor, event, recipient, status, claimant and time."""

from __future__ import annotations

from claimgraph.render import statement_row, table


def _statement(**over) -> dict:
    st = {
        "sentence": 3, "evidence": "Moscow is supplying Lukashenko with weapons.",
        "event": {"type": "AID", "mode": "military", "cameo": "0332", "trigger": "supplying"},
        "actor": [{"text": "Moscow", "code": "RUS", "sector": "GOV"}],
        "recipient": [{"text": "Lukashenko", "code": "BLR", "sector": "GOV"}],
        "status": "asserted", "hedged": True,
        "claimant": {"text": "the statement", "code": None, "sector": None, "cue": "according to"},
        "via": [{"text": "TBS", "cue": "interview"}],
        "when": {"text": "On March 11", "start": "2022-03-11", "end": None},
    }
    st.update(over)
    return st


def test_row_cells() -> None:
    row = statement_row(_statement())
    assert row["actor"] == "Moscow (RUS GOV)"
    assert row["recipient"] == "Lukashenko (BLR GOV)"
    assert row["event"].startswith("AID/military (0332)")
    assert row["status"] == "asserted (hedged)"
    assert row["claimant"] == "the statement [according to] via TBS"
    assert row["when"] == "On March 11 2022-03-11"
    assert row["evidence"].startswith("[s3] Moscow")


def test_headline_and_missing_parts() -> None:
    row = statement_row(_statement(sentence=-1, claimant=None, via=[], when=None, recipient=[],
                                   hedged=False))
    assert row["evidence"].startswith("[headline]")
    assert row["claimant"] == "-" and row["when"] == "-" and row["recipient"] == "-"


def test_table_fits_width_and_wraps_evidence() -> None:
    long = _statement(evidence="word " * 60)
    out = table([statement_row(long), statement_row(_statement())], width=120)
    lines = out.splitlines()
    assert lines[0].startswith("ACTOR")
    assert all(len(line) <= 120 for line in lines)
    assert len(lines) > 4  # the long evidence wrapped onto continuation lines


def test_empty_table() -> None:
    assert table([]) == "(no statements)"
