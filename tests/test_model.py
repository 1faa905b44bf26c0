"""The output records serialise to the documented format and back."""

from __future__ import annotations

import json

from claimgraph.model import (
    ActorRef, Attribution, Claimant, Document, Event, Record, Relay, Statement, When, Where, stable_id,
)


def _record() -> Record:
    doc = Document(id="d1", text="Belarus will join the war.", title="Will Belarus join?",
                   published="2022-05-25", language="en", removed=["- Advertisement -"])
    st = Statement(
        id=stable_id("d1", 0, 2), sentence=0, span=(0, 26), evidence="Belarus will join the war.",
        event=Event(type="ASSAULT", cameo="190", quad_class=4, intensity=-10.0, trigger="join the war"),
        actor=[ActorRef(text="Belarus", code="BLR", span=(0, 7))], recipient=[],
        status="future", claimant=Claimant(text="Ukrainian military intelligence", code="UKR",
                                           sector="SPY", cue="is sure"),
        via=[Relay(text="Ukrainska Pravda", cue="quoted")],
        when=When(text="in a day or two", start="2022-05-26", end="2022-05-27"),
        where=Where(text="Belarusian airfields", country="BLR"), confidence=0.7)
    att = Attribution(source=(0, 7), cue=(8, 12), content=(13, 26), source_text="Belarus")
    return Record(doc, [st], [att])


def test_to_dict_has_the_contract_fields() -> None:
    data = _record().to_dict()
    assert set(data) == {"document", "statements", "attributions"}
    assert {"id", "url", "title", "published", "site", "credited_source", "language", "text",
            "removed"} <= set(data["document"])
    st = data["statements"][0]
    for key in ("id", "sentence", "span", "evidence", "event", "actor", "recipient", "status",
                "hedged", "claimant", "via", "when", "where", "confidence"):
        assert key in st
    assert st["span"] == [0, 26]
    assert {"type", "mode", "cameo", "quad_class", "intensity", "trigger"} <= set(st["event"])
    assert data["attributions"][0]["source"] == [0, 7]
    assert "source_path" not in data["document"]
    json.dumps(data)  # serialisable as is


def test_round_trip() -> None:
    data = _record().to_dict()
    again = Record.from_dict(json.loads(json.dumps(data))).to_dict()
    assert again == data


def test_stable_id_depends_on_every_part() -> None:
    assert stable_id("a", 1) == stable_id("a", 1)
    assert stable_id("a", 1) != stable_id("a", 2)
    assert stable_id("a", None) != stable_id("a", "None ")
