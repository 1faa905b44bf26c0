"""Draw the corpus: documents by collection, a window of sentences each, splits by outlet or document.

Run once (seeded; the output is committed): `python corpus/tools/sample.py ../shared/data corpus`.
Writes `documents.jsonl` (reference, collection, outlet, split, title, published, hash of the cleaned
text) and `sentences.jsonl` (id, reference, offsets into the cleaned text or `title`, hash; the text
itself only for collections whose licence allows it).
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from claimgraph import nlp as nlp_backbone
from claimgraph.eval.corpus_sources import iter_documents, sentence_hash

SEED = 20261207
#: documents drawn per collection (all of a smaller collection)
QUOTA = {"kremlin-2021-2022": 115, "president-gov-ua-2021-2022": 115,
         "flattened-api-bodies-2022-04": 85, "article-extraction-benchmark": 110, "cc-news": 30}
#: collections whose licence lets the corpus carry the sentence text (CC BY 4.0, MIT)
TEXT_ALLOWED = {"kremlin-2021-2022": "CC BY 4.0", "president-gov-ua-2021-2022": "CC BY 4.0",
                "article-extraction-benchmark": "MIT (benchmark repository)"}
WINDOW = 10
MIN_WORDS = 4
#: multi-outlet collections are split by outlet, so no publisher's house style crosses splits
BY_OUTLET = {"flattened-api-bodies-2022-04", "article-extraction-benchmark", "cc-news"}
SPLITS = (("train", 0.6), ("dev", 0.2), ("test", 0.2))


def main(data: Path, out: Path) -> None:
    rng = random.Random(SEED)
    nlp = nlp_backbone.load()
    pool: dict[str, list] = defaultdict(list)
    for sd in iter_documents(data):
        if sd.document.language == "en" and len(sd.document.text.split()) >= 40:
            pool[sd.collection].append(sd)
    chosen = []
    for collection, docs in sorted(pool.items()):
        n = min(QUOTA.get(collection, 0), len(docs))
        chosen.extend(rng.sample(docs, n))
        print(f"{collection}: {n} of {len(docs)} documents", file=sys.stderr)
    split_of = _splits(chosen, rng)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "documents.jsonl").open("w") as fd, (out / "sentences.jsonl").open("w") as fs:
        for n, sd in enumerate(sorted(chosen, key=lambda s: s.ref)):
            doc = sd.document
            sents = [s for s in nlp(doc.text).sents if len(s.text.split()) >= MIN_WORDS]
            start = 0 if rng.random() < 0.5 or len(sents) <= WINDOW else rng.randrange(len(sents) - WINDOW)
            window = sents[start:start + WINDOW]
            fd.write(json.dumps({"ref": sd.ref, "collection": sd.collection, "outlet": sd.outlet,
                                 "split": split_of[sd.ref], "title": doc.title if sd.collection in TEXT_ALLOWED else None,
                                 "published": doc.published, "text_sha1": sentence_hash(doc.text)}) + "\n")
            items = []
            if doc.title:
                items.append((-1, "title", 0, len(doc.title), doc.title))
            items += [(s.start, "text", s.start_char, s.end_char, s.text) for s in window]
            for k, (_, field, a, b, text) in enumerate(items):
                row = {"id": f"d{n:03d}s{k:02d}", "ref": sd.ref, "field": field, "start": a, "end": b,
                       "sha1": sentence_hash(text)}
                if sd.collection in TEXT_ALLOWED:
                    row["text"] = text
                fs.write(json.dumps(row, ensure_ascii=False) + "\n")


def _splits(chosen: list, rng: random.Random) -> dict[str, str]:
    """Assign whole groups (an outlet, or a document where a collection has one outlet) to splits."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sd in chosen:
        key = sd.outlet if sd.collection in BY_OUTLET else sd.ref
        groups[(sd.collection, key)].append(sd.ref)
    split_of: dict[str, str] = {}
    by_collection: dict[str, list] = defaultdict(list)
    for (collection, key), refs in sorted(groups.items()):
        by_collection[collection].append(refs)
    for collection, group_list in sorted(by_collection.items()):
        rng.shuffle(group_list)
        total = sum(len(g) for g in group_list)
        filled = {name: 0 for name, _ in SPLITS}
        # Largest groups first, each to the split furthest below its share.
        for refs in sorted(group_list, key=len, reverse=True):
            name = min(SPLITS, key=lambda s: filled[s[0]] / (s[1] * total))[0]
            filled[name] += len(refs)
            split_of.update({r: name for r in refs})
    return split_of


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
