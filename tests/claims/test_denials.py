"""A verb of denial over a clause is its subject's claim that the clause's event did not happen
(sentences written for these tests)."""

from __future__ import annotations

from claimgraph.sources import RawItem


def _statements(pipeline, text: str) -> list:
    record = next(iter(pipeline.run([RawItem(origin="t", text=text, published="2022-03-01")])))
    return record.statements


def _one(statements, type_: str):
    found = [s for s in statements if s.event.type == type_]
    assert found, f"no {type_} in {[(s.event.type, s.event.trigger) for s in statements]}"
    return found[0]


def _codes(refs) -> list[str]:
    return sorted({r.code for r in refs if r.code})


def test_denied_that_clause_is_the_clause_event_negated_and_claimed_by_the_denier(pipeline):
    sts = _statements(pipeline, "Erdogan denied that Turkey would invade Syria.")
    assert [s.event.type for s in sts] == ["ASSAULT"]
    st = sts[0]
    assert _codes(st.actor) == ["TUR"] and _codes(st.recipient) == ["SYR"]
    assert st.status == "negated"
    assert st.claimant is not None and st.claimant.code == "TUR" and st.claimant.cue == "denied"


def test_denied_clause_without_that(pipeline):
    st = _one(_statements(pipeline, "Armenia denied its soldiers had fired on Azerbaijan."),
              "ASSAULT")
    assert st.status == "negated" and st.claimant.code == "ARM"
    assert _codes(st.actor) == ["ARM"] and _codes(st.recipient) == ["AZE"]


def test_denied_gerund_is_the_deniers_own_act(pipeline):
    sts = _statements(pipeline, "Israel denied bombing the school in Gaza.")
    assert "REJECT" not in [s.event.type for s in sts]
    st = _one(sts, "ASSAULT")
    assert _codes(st.actor) == ["ISR"] and st.status == "negated"
    assert st.claimant is not None and st.claimant.code == "ISR"


def test_dismissing_reports_that_denies_their_content(pipeline):
    sts = _statements(pipeline, "Tehran dismissed reports that Iranian drones had struck Iraq.")
    assert "REJECT" not in [s.event.type for s in sts]
    st = _one(sts, "ASSAULT")
    assert _codes(st.actor) == ["IRN"] and st.status == "negated"
    assert st.claimant is not None and st.claimant.code == "IRN" and st.claimant.cue == "dismissed"


def test_refuting_allegations_that_denies_their_content(pipeline):
    st = _one(_statements(pipeline, "Pakistan refuted allegations that its army had attacked "
                                    "India."), "ASSAULT")
    assert st.status == "negated" and st.claimant.code == "PAK"


def test_a_negated_denial_does_not_negate(pipeline):
    st = _one(_statements(pipeline, "Serbia did not deny that its police had attacked Kosovo."),
              "ASSAULT")
    assert st.status != "negated"


def test_rejecting_a_noun_stays_a_rejection(pipeline):
    st = _one(_statements(pipeline, "Venezuela rejected the ultimatum from Colombia."), "REJECT")
    assert _codes(st.actor) == ["VEN"] and _codes(st.recipient) == ["COL"]


def test_rejecting_a_demand_that_clause_stays_a_rejection(pipeline):
    sts = _statements(pipeline, "Sudan rejected demands that Ethiopia withdraw its troops.")
    assert _one(sts, "REJECT").status == "asserted"


def test_refusing_to_act_stays_a_rejection(pipeline):
    st = _one(_statements(pipeline, "Hungary refused to send weapons to Ukraine."), "REJECT")
    assert _codes(st.actor) == ["HUN"]
