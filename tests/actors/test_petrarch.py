"""PETRARCH/Phoenix dictionary import: parsing, code mapping, round trip and use in a resolver."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.actors import ActorResolver, petrarch
from claimgraph.actors.dictionary import read_actors
from claimgraph.commands import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PETRARCH_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "petrarch"


def _entry(d, name):
    found = [e for e in d.entries if e.name == name]
    assert found, f"{name!r} not imported"
    return found[0]


@pytest.mark.parametrize("raw,expected", [
    ("RUSGOV", ("RUS", "GOV", None)),
    ("USAMILSPY", ("USA", "MIL", None)),
    ("IGOUNO", ("IGO", None, "UN")),
    ("IGOWSTNAT", ("IGO", None, "NATO")),
    ("PSEREBHMS", ("PSE", "REB", None)),
    ("NGO", (None, "NGO", None)),
    ("~GOVMIL", (None, "GOV", None)),
    ("HOB", ("HOB", None, None)),
    ("---", (None, None, None)),
])
def test_code_mapping(raw, expected):
    assert petrarch.map_code(raw) == expected


def test_actors_file_parsing():
    d = petrarch.convert([FIXTURES / "small.actors.txt"])
    country = _entry(d, "Freedonia")
    assert country.kind == "country" and "Freedonian" in country.aliases
    assert "Freedonia City" in country.aliases
    firefly = _entry(d, "Rufus T. Firefly")
    assert firefly.kind == "person" and firefly.aliases == ["Firefly"]
    assert firefly.role_at(dt.date(1934, 6, 1)).sector == "GOV"
    assert firefly.role_at(dt.date(1931, 6, 1)).sector == "ELI"
    assert firefly.role_at(dt.date(1950, 1, 1)).code == "FRD"
    trentino = _entry(d, "Trentino")
    assert trentino.role_at(dt.date(1933, 5, 31)).sector == "GOV"
    assert trentino.role_at(dt.date(1933, 7, 1)).sector == "ELI"
    assert _entry(d, "United Nations").roles[0].org == "UN"
    assert not [e for e in d.entries if e.name == "Nobody"]
    assert _entry(d, "Sylvania Army").roles[0].cameo == "SYLMIL"


def test_agents_file_parsing():
    d = petrarch.convert([FIXTURES / "small.agents.txt"])
    silly = _entry(d, "minister of silly walks")
    assert silly.kind == "agent" and silly.roles[0].sector == "GOV"
    assert "ministers of silly walks" in silly.aliases
    assert _entry(d, "halberdier").aliases == ["halberdiers"]
    militia = _entry(d, "militiaman")
    assert "militiamen" in militia.aliases and militia.roles[0].sector == "REB"
    assert _entry(d, "aid group").roles[0].sector == "NGO"


def test_round_trip_through_tsv(tmp_path):
    src = [FIXTURES / "small.actors.txt", FIXTURES / "small.agents.txt"]
    out = tmp_path / "small.tsv"
    result = CliRunner().invoke(main, ["dict", "import-petrarch", *map(str, src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = read_actors(out, builtin=False)
    original = petrarch.convert(src)
    assert [(e.name, e.kind, e.roles, sorted(e.aliases)) for e in back] == \
           [(e.name, e.kind, e.roles, sorted(e.aliases)) for e in original.entries]


def test_imported_dictionary_used_alongside_builtin(tmp_path, nlp, monkeypatch):
    out = tmp_path / "dicts" / "small.tsv"
    petrarch.convert([FIXTURES / "small.actors.txt", FIXTURES / "small.agents.txt"]).write(out)
    monkeypatch.setenv("CLAIMGRAPH_DICT_DIR", str(out.parent))
    resolver = ActorResolver.default()
    doc = nlp("Rufus T. Firefly told Freedonian halberdiers that Russian troops had left.")
    ms = {m.text: m for m in resolver.find(doc, dt.date(1934, 3, 1))}
    assert (ms["Rufus T. Firefly"].code, ms["Rufus T. Firefly"].sector) == ("FRD", "GOV")
    assert (ms["Freedonian halberdiers"].code, ms["Freedonian halberdiers"].sector) == ("FRD", "MIL")
    assert (ms["Russian troops"].code, ms["Russian troops"].sector) == ("RUS", "MIL")


def test_missing_file_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["dict", "import-petrarch", str(tmp_path / "nope.actors.txt"),
                                       "-o", str(tmp_path / "x.tsv")])
    assert result.exit_code == 1
    assert "no such dictionary file" in result.output


@pytest.fixture(scope="module")
def phoenix():
    files = [PETRARCH_DIR / n for n in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                        "Phoenix.agents.txt")]
    if not all(f.is_file() for f in files):
        pytest.skip("shared PETRARCH dictionaries not available (../shared/data/petrarch)")
    return petrarch.convert(files)


@pytest.mark.shared
def test_real_phoenix_dictionaries(phoenix, tmp_path, nlp):
    putin = _entry(phoenix, "Vladimir Putin")
    assert putin.role_at(dt.date(2010, 1, 1)).code == "RUS"
    assert putin.role_at(dt.date(1995, 1, 1)).sector == "ELI"
    assert any(e.kind == "agent" and e.roles[0].sector == "COP" for e in phoenix.entries)
    out = tmp_path / "phoenix.tsv"
    phoenix.write(out)
    assert len(read_actors(out, builtin=False)) == len(phoenix.entries)
    resolver = ActorResolver.from_files([out])
    ms = resolver.find(nlp("Kofi Annan met officials in Kabul."), dt.date(2003, 1, 1))
    annan = [m for m in ms if m.text == "Kofi Annan"]
    assert annan and (annan[0].code, annan[0].org) == ("IGO", "UN")


@pytest.mark.shared
def test_validation_dictionaries_keep_fictional_codes(nlp):
    files = [PETRARCH_DIR / "PETR.Validate.actors.txt", PETRARCH_DIR / "PETR.Validate.agents.txt"]
    if not all(f.is_file() for f in files):
        pytest.skip("shared PETRARCH validation dictionaries not available")
    resolver = ActorResolver.from_files(files, include_builtin=False)
    doc = nlp("Arnor is about to restore full diplomatic ties with Gondor.")
    ms = resolver.find(doc, dt.date(1995, 1, 1))
    assert [(m.text, m.cameo) for m in ms] == [("Arnor", "ARN"), ("Gondor", "GON")]
    sam = resolver.find(nlp("Sam Gamgee spoke."), dt.date(2012, 12, 1))
    assert sam and sam[0].cameo == "HOBGOV"
