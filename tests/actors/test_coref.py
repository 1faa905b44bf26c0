"""Coreference of reported-clause subjects (sentences written for these tests)."""

from __future__ import annotations


def test_a_reported_it_or_they_is_the_reporting_body(find):
    ms = find("The Finnish foreign ministry said it had summoned the envoy.")
    it = next(m for m in ms if m.text == "it")
    assert (it.code, it.kind) == ("FIN", "pronoun")
    ms = find("Somali rebels claimed they seized the port.")
    they = next(m for m in ms if m.text == "they")
    assert they.sector == "REB"
    # number must agree, and only a reported clause's subject counts
    assert not [m for m in find("Somali rebels claimed it was raining.") if m.text == "it"]
    assert not [m for m in find("Finland expects it to rain.") if m.text == "it"]
