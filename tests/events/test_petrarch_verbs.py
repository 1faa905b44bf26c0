"""Importing PETRARCH verb dictionaries into the lexicon format."""

from __future__ import annotations

from pathlib import Path

from claimgraph.events import EventCoder, lexicon, petrarch_verbs

SAMPLE = """\
<!-- a tiny dictionary in PETRARCH's format -->
--- CLOBBER  [190] ---
CLOBBER
- * EMBASSY [1712]  # comment
- SAID * TO ATTEND  [082]

--- MUMBLE  [---] ---
MUMBLE

--- PARLEY  [046] ---
PARLEY
- * OLDCODE [345]
"""


def test_convert_keeps_cameo_codes_and_single_object_patterns(tmp_path: Path):
    src = tmp_path / "x.verbs.txt"
    src.write_text(SAMPLE)
    data, skipped = petrarch_verbs.convert(src, lexicon.default())
    assert data["verbs"] == {"clobber": "190", "parley": "046"}
    assert data["phrases"] == {"clobber embassy": "1712"}
    assert skipped == 3  # "---", the context pattern and the non-CAMEO code


def test_imported_file_extends_the_coder(tmp_path: Path, nlp, mentions_for):
    src = tmp_path / "x.verbs.txt"
    src.write_text(SAMPLE)
    out = tmp_path / "x.yaml"
    petrarch_verbs.write(petrarch_verbs.convert(src, lexicon.default())[0], out)
    coder = EventCoder.from_files([out])
    doc = nlp("Russia clobbered Belarus.")
    events = coder.code(doc[:], mentions_for(doc))
    assert [e.type for e in events] == ["ASSAULT"]
    assert EventCoder.default().code(doc[:], mentions_for(doc)) == []
