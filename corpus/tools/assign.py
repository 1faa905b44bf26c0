"""Deal corpus documents to annotators, with a second independent pass on a share of them.

`python corpus/tools/assign.py DATA CORPUS OUTDIR N_ANNOTATORS` writes `CORPUS/assignments.json`
(document -> first and second annotator) and one readable batch file per annotator and pass in OUTDIR
(outside the repository: batches carry publishers' text).
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from claimgraph.eval.corpus_sources import load_document

SEED = 7
DOUBLE_SHARE = 0.17


def main(data: Path, corpus: Path, outdir: Path, n: int) -> None:
    rng = random.Random(SEED)
    docs = [json.loads(line) for line in (corpus / "documents.jsonl").open()]
    sents = defaultdict(list)
    for line in (corpus / "sentences.jsonl").open():
        row = json.loads(line)
        sents[row["ref"]].append(row)
    names = [f"A{k + 1}" for k in range(n)]
    order = docs[:]
    rng.shuffle(order)
    load = {a: 0 for a in names}
    first, second = {}, {}
    for d in order:
        a = min(names, key=lambda x: (load[x], rng.random()))
        first[d["ref"]] = a
        load[a] += len(sents[d["ref"]])
    by_split = defaultdict(list)
    for d in order:
        by_split[d["split"]].append(d)
    for split, group in sorted(by_split.items()):
        for d in group[: round(len(group) * DOUBLE_SHARE) + 1]:
            b = min((x for x in names if x != first[d["ref"]]), key=lambda x: (load[x], rng.random()))
            second[d["ref"]] = b
            load[b] += len(sents[d["ref"]])
    (corpus / "assignments.json").write_text(json.dumps(
        {"first": dict(sorted(first.items())), "second": dict(sorted(second.items()))}, indent=1) + "\n")
    outdir.mkdir(parents=True, exist_ok=True)
    for a in names:
        for pass_name, table in (("first", first), ("second", second)):
            mine = [d for d in docs if table.get(d["ref"]) == a]
            if not mine:
                continue
            with (outdir / f"{a}-{pass_name}.txt").open("w") as fh:
                for d in mine:
                    fh.write(_render(data, d, sents[d["ref"]]))
        print(a, load[a], file=sys.stderr)


def _render(data: Path, d: dict, rows: list[dict]) -> str:
    doc = load_document(data, d["ref"])
    out = [f"=== DOCUMENT {rows[0]['id'][:4]} | {d['collection']} | outlet {d['outlet']} | "
           f"published {doc.published or 'unknown'}", f"TITLE: {doc.title or '(none)'}"]
    body = [r for r in rows if r["field"] == "text"]
    if body:
        before = doc.text[max(0, body[0]["start"] - 400):body[0]["start"]].strip()
        if before:
            out.append(f"CONTEXT BEFORE (not to code): ...{before[-400:]}")
    for r in rows:
        text = (doc.title if r["field"] == "title" else doc.text)[r["start"]:r["end"]]
        label = " (HEADLINE)" if r["field"] == "title" else ""
        out.append(f"[{r['id']}]{label} {' '.join(text.split())}")
    return "\n".join(out) + "\n\n"


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
