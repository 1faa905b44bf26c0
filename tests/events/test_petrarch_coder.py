"""The PETRARCH verb-pattern coder: dictionary reading and each pattern convention."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.events import petrarch_dictionary as pdict
from claimgraph.events.petrarch_coder import PetrarchCoder, actor_code

VERBS = """\
<!-- a test dictionary in PETRARCH's format -->
<!-- a comment block
     over two lines -->
&CURR
+DOLLARS
+SWISS_FRANCS

&NEG   # negative auxiliaries, tokenised as spaCy does
+DID N'T
+WILL NOT

&MONEY
+&CURR
+RUBLES

--- CLOBBER [190] ---
CLOBBER
SMITE {SMOTE SMITTEN}
+BEAT_UP {+BEATS_UP +BEATING_UP +BEAT_UP} [181]
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} [171]
- * EMBASSY [1712]
- * OLD EMBASSY [1716]
- * CLOSED_DOOR [1713]
- * &CURR [1715]
- &NEG * [112]
- * &MONEY [1714]
- * NOTHING [---]
- * BRIDGE [+++]

--- ESCAPE [---] ---
ESCAPE
- + * FROM $ [201]

--- MEET [031] ---
MEET {MET MEETS MEETING}
- * IN ^ WITH + [036]

--- AGREE [081] ---
AGREE
- % * [030:030]

--- VISIT [032:033] ---
VISIT

--- TALK [---] ---
TALK
- * PEACE [046]

--- PARLEY [345] ---
PARLEY
"""

DISCARDS = """\
# sentence discards without '+', story discards with it
BASEBALL
+TYPHOON
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("petrarch")
    verbs, discards = d / "test.verbs.txt", d / "test.discards.txt"
    verbs.write_text(VERBS)
    discards.write_text(DISCARDS)
    return verbs, discards


@pytest.fixture(scope="module")
def coder(files) -> PetrarchCoder:
    return PetrarchCoder.from_files([files[0]], [files[1]], plover_only=False)


@pytest.fixture
def run(nlp, coder, mentions_for):
    """Code a text; return (source, target, code) triples."""
    def code(text: str, with_coder: PetrarchCoder | None = None):
        doc = nlp(text)
        c = with_coder or coder
        return [(actor_code(e.actors[0]), actor_code(e.recipients[0]), e.cameo)
                for s in doc.sents for e in c.code(s, mentions_for(doc))]
    return code


# --- reading -----------------------------------------------------------------------------

def test_reader_synsets_forms_and_patterns(files):
    d = pdict.read(files[0])
    assert d.members("CURR") == [("SWISS", "FRANCS"), ("DOLLARS",)]
    # an embedded synset brings its members
    assert set(d.members("MONEY")) == {("SWISS", "FRANCS"), ("DOLLARS",), ("RUBLES",)}
    assert {f.block.name for f in d.forms["CLOBBERED"]} == {"CLOBBER"}
    assert "SMOTE" in d.forms and "SMITED" not in d.forms  # braces replace regular forms
    tap = d.forms["TAPPED"][0]
    assert tap.before == ("WIRE",) and tap.code.forward == "171"
    beat = d.forms["BEAT"][0]
    assert beat.after == ("UP",) and beat.code.forward == "181"
    closed = next(p for p in d.blocks[0].patterns if p.code.forward == "1713")
    assert [e.value for e in closed.lower] == ["CLOSED", "DOOR"]
    assert [e.closed for e in closed.lower] == [False, True]
    # the [+++] marker is not a code: its pattern is reported, not used
    assert any("BRIDGE" in s for s in d.skipped)
    assert all(p.code.forward != "+++" for b in d.blocks for p in b.patterns)


def test_codes():
    assert pdict.parse_code("032:033") == pdict.Code("032", "033")
    assert pdict.parse_code(":173") == pdict.Code(None, "173")
    assert pdict.parse_code("---").null
    assert pdict.parse_code("025?") == pdict.Code("025")
    assert pdict.parse_code("###") is None


def test_regular_forms():
    assert pdict.regular_forms("DEPLORE") == {"DEPLORES", "DEPLORED", "DEPLORING"}
    assert pdict.regular_forms("CARRY") == {"CARRIES", "CARRIED", "CARRYING"}
    assert {"STABBED", "STABS"} <= pdict.regular_forms("STAB")
    assert "DEPARTES" not in pdict.regular_forms("DEPART")


def test_petrarch2_phrase_notation(tmp_path):
    path = tmp_path / "v.verbs.txt"
    path.write_text("--- ASK [020] ---\nASK\n- * {MILITARY AID} (FROM)  [0232]\n")
    (p,) = pdict.read(path).blocks[0].patterns
    assert [(e.value, e.closed) for e in p.lower] == [("MILITARY", False), ("AID", True),
                                                      ("FROM", False)]


def test_empty_file_is_an_input_error(tmp_path):
    from claimgraph.errors import InputError

    path = tmp_path / "x.verbs.txt"
    path.write_text("# nothing here\n")
    with pytest.raises(InputError):
        pdict.read(path)


# --- coding ------------------------------------------------------------------------------

def test_verb_default_code_with_subject_and_object(run):
    assert run("Russia clobbered Belarus.") == [("RUS", "BLR", "190")]
    assert run("Russia smote Belarus.") == [("RUS", "BLR", "190")]


def test_an_event_needs_source_and_target(run):
    assert run("Russia clobbered the town.") == []


def test_open_words_allow_gaps_closed_words_do_not(run):
    assert run("Russia clobbered the embassy of Belarus.") == [("RUS", "BLR", "1712")]
    assert run("Russia clobbered the closed door of Belarus.") == [("RUS", "BLR", "1713")]
    assert run("Russia clobbered the closed red door of Belarus.") == [("RUS", "BLR", "190")]


def test_longer_pattern_wins(run):
    assert run("Russia clobbered the old embassy of Belarus.") == [("RUS", "BLR", "1716")]


def test_synsets_multiword_and_embedded(run):
    assert run("Russia clobbered Belarus with swiss francs.") == [("RUS", "BLR", "1715")]
    assert run("Russia clobbered Belarus with rubles.") == [("RUS", "BLR", "1714")]


def test_synset_before_the_verb(run):
    assert run("Russia didn't clobber Belarus.") == [("RUS", "BLR", "112")]
    assert run("Russia will not clobber Belarus.") == [("RUS", "BLR", "112")]


def test_multiword_verbs(run):
    assert run("Russia beat up Belarus.") == [("RUS", "BLR", "181")]
    assert run("Russia wire tapped Belarus.") == [("RUS", "BLR", "171")]


def test_source_and_target_marks(run):
    # "+ * FROM $": the actor before the verb is the target, the one after FROM the source
    assert run("Belarus escaped from Russia.") == [("RUS", "BLR", "201")]
    # without the pattern the block's null default codes nothing
    assert run("Belarus escaped to Russia.") == []


def test_skipped_actor(run):
    assert run("Putin met in Moscow with Lukashenko.") == [("RUSGOV", "BLRGOV", "036")]
    # "^" needs an actor there: without one the pattern fails and the verb's code applies
    assert ("RUSGOV", "BLRGOV", "031") in run("Putin met in the city with Lukashenko.")


def test_compound_actors_code_with_each_other(run):
    assert sorted(run("Russia and Belarus agreed.")) == [("BLR", "RUS", "030"),
                                                         ("RUS", "BLR", "030")]


def test_paired_code_adds_the_reverse_event(run):
    assert run("Putin visited Belarus.") == [("RUSGOV", "BLR", "032"), ("BLR", "RUSGOV", "033")]


def test_null_codes(run):
    assert run("Russia talked to Belarus.") == []
    assert run("Russia talked peace with Belarus.") == [("RUS", "BLR", "046")]
    assert run("Russia clobbered nothing in Belarus.") == []


def test_passive_by_agent_is_the_source(run):
    assert run("Belarus was clobbered by Russia.") == [("RUS", "BLR", "190")]


def test_discards(run):
    assert run("Russia clobbered Belarus at baseball.") == []
    # a story discard anywhere in the text drops every sentence
    assert run("Russia clobbered Belarus. A typhoon came.") == []
    assert run("Russia clobbered Belarus. A storm came.") == [("RUS", "BLR", "190")]


def test_plover_only_drops_codes_without_a_plover_type(files, run):
    strict = PetrarchCoder.from_files([files[0]], plover_only=True)
    assert run("Russia parleyed with Belarus.") == [("RUS", "BLR", "345")]
    assert run("Russia parleyed with Belarus.", strict) == []
    assert run("Russia clobbered Belarus.", strict) == [("RUS", "BLR", "190")]


def test_events_carry_plover_type(nlp, files, mentions_for):
    c = PetrarchCoder.from_files([files[0]])
    doc = nlp("Russia clobbered Belarus.")
    (e,) = c.code(doc[:], mentions_for(doc))
    assert e.type == "ASSAULT" and e.quad_class == 4 and e.trigger_text == "clobbered"


# --- the real CAMEO dictionary ------------------------------------------------------------

def test_cameo_dictionary_loads_and_codes(shared_data, nlp, mentions_for):
    path = shared_data / "petrarch" / "CAMEO.2.0.txt"
    if not path.exists():
        pytest.skip(f"PETRARCH CAMEO verb dictionary not found at {path}")
    d = pdict.read(path)
    assert len(d.blocks) > 300 and d.pattern_count > 4000 and len(d.skipped) < 10
    c = PetrarchCoder.from_files([path])
    doc = nlp("Russia attacked Ukraine. Poland asked Germany for military aid.")
    events = [e for s in doc.sents for e in c.code(s, mentions_for(doc))]
    assert [(e.type, actor_code(e.actors[0]), actor_code(e.recipients[0])) for e in events] == [
        ("ASSAULT", "RUS", "UKR"), ("REQUEST", "POL", "DEU")]


def test_titled_name_takes_the_role_of_its_title(nlp, coder):
    from claimgraph.actors.mention import Mention

    doc = nlp("Bree Prime Minister Romendacil clobbered Belarus.")
    title = Mention(0, 3, 0, 19, "Bree Prime Minister", "BRE", "GOV", kind="group")
    name = Mention(3, 4, 20, 30, "Romendacil", "BRE", kind="person")
    target = Mention(5, 6, 41, 48, "Belarus", "BLR", kind="country")
    (e,) = coder.code(doc[:], [title, name, target])
    assert (actor_code(e.actors[0]), actor_code(e.recipients[0])) == ("BREGOV", "BLR")
