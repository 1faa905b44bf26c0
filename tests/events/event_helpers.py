"""Small assertions shared by the event tests that use the real actor resolver."""

from __future__ import annotations


def codes(mentions) -> list[str]:
    """The sorted distinct codes of coded mentions."""
    return sorted({m.code for m in mentions if m.code})


def one(events, type_: str):
    """The first event of `type_`, failing with the events found when there is none."""
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger_text) for e in events]}"
    return found[0]
