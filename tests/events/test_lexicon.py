"""The lexicon, CAMEO table and PLOVER score table load and agree with each other."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimgraph.events import lexicon
from claimgraph.events.lexicon import quad_of_root
from claimgraph.model import PLOVER_TYPES


@pytest.fixture(scope="module")
def lex():
    return lexicon.default()


def test_every_plover_type_has_cameo_codes_scores_and_triggers(lex):
    table_types = {row.type for row in lex.cameo.values() if row.type}
    assert table_types == set(PLOVER_TYPES)
    assert {t for t, _ in lex.scores} == set(PLOVER_TYPES)
    trigger_types = {e.type for e in [*lex.verbs.values(), *lex.nouns.values(),
                                      *lex.phrases.values()]}
    assert trigger_types == set(PLOVER_TYPES)


def test_quad_class_matches_cameo_root(lex):
    for code, row in lex.cameo.items():
        assert row.quad_class == quad_of_root(code), code
        assert row.code == code and code[:2] in lex.cameo, code


def test_modes_are_plover_modes_of_their_type(lex):
    for row in lex.cameo.values():
        if row.mode:
            assert row.mode in lex.modes[row.type], row.code
    for e in [*lex.verbs.values(), *lex.nouns.values(), *lex.phrases.values(),
              *lex.compounds.values()]:
        assert e.cameo in lex.cameo
        assert e.mode is None or e.mode in lex.modes[e.type]


def test_intensity_within_scale(lex):
    assert all(-10 <= s <= 10 for s in lex.scores.values())
    assert lex.intensity("ASSAULT", "aerial") == -9.5
    assert lex.intensity("ASSAULT", "no-such-mode") == -9.0


def test_broad_coverage(lex):
    per_type = {t: 0 for t in PLOVER_TYPES}
    for e in [*lex.verbs.values(), *lex.nouns.values(), *lex.phrases.values()]:
        per_type[e.type] += 1
    assert min(per_type.values()) >= 4, per_type


def test_rules_word_lists_are_strings(lex):
    # YAML 1.1 reads bare on/off/yes/no as booleans; every word must stay a string
    for key, value in lex.rules.items():
        if isinstance(value, list):
            assert all(isinstance(v, str) for v in value), key


def test_extra_lexicon_file_overrides(tmp_path: Path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(yaml.safe_dump({"verbs": {"pummel": "190"},
                                     "phrases": {"roll back": "087 withdraw"}}))
    lex = lexicon.load([extra])
    assert lex.verbs["pummel"].type == "ASSAULT" and lex.verbs["pummel"].source == str(extra)
    assert lex.phrases[("roll", "back")].mode == "withdraw"


def test_bad_entries_are_rejected(tmp_path: Path):
    for bad in ({"verbs": {"x": "999"}}, {"verbs": {"x": "190 hugging"}},
                {"verbs": {"x": "010"}}, {"verbs": {"x": {"cameo": "190", "requires": [True]}}}):
        path = tmp_path / "bad.yaml"
        path.write_text(yaml.safe_dump(bad))
        with pytest.raises(ValueError):
            lexicon.load([path])
