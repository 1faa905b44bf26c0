"""Merge annotation passes into `corpus/gold.jsonl`: adjudicated, else reviewed, else first-pass items.

`python corpus/tools/build_gold.py [CORPUS]`. Items annotated by nobody are left out. The test split's
gold is frozen once complete: `--freeze-test` writes `test.sha256`, and a later build that would change
a frozen test item fails.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


def main(corpus: Path, freeze: bool) -> int:
    split = {}
    for line in (corpus / "documents.jsonl").open():
        d = json.loads(line)
        split[d["ref"]] = d["split"]
    ref_of = {}
    order = []
    for line in (corpus / "sentences.jsonl").open():
        s = json.loads(line)
        ref_of[s["id"]] = s["ref"]
        order.append(s["id"])
    first = _read(sorted((corpus / "annotations" / "raw").glob("*-first.jsonl")))
    reviewed = _read(sorted((corpus / "annotations" / "reviewed").glob("*.jsonl")))
    adjudicated = _read([corpus / "annotations" / "adjudicated.jsonl"])
    gold = {}
    for i in order:
        row = adjudicated.get(i) or reviewed.get(i) or first.get(i)
        if row:
            gold[i] = row
    test_lines = []
    with (corpus / "gold.jsonl").open("w") as fh:
        for i in order:
            if i in gold:
                row = {"id": i, "events": gold[i].get("events", []), "no_event": gold[i].get("no_event")}
                line = json.dumps(row, ensure_ascii=False, sort_keys=True)
                fh.write(line + "\n")
                if split[ref_of[i]] == "test":
                    test_lines.append(line)
    digest = test_digest(test_lines)
    frozen = corpus / "test.sha256"
    if freeze:
        frozen.write_text(f"{digest}  {len(test_lines)} test items\n")
    elif frozen.exists() and frozen.read_text().split()[0] != digest:
        print("build_gold: the frozen test split would change; test gold is only ever scored", file=sys.stderr)
        return 1
    counts = {s: sum(1 for i in gold if split[ref_of[i]] == s) for s in ("train", "dev", "test")}
    print(f"gold: {len(gold)} of {len(order)} items ({counts})", file=sys.stderr)
    return 0


def test_digest(lines: list[str]) -> str:
    """The hash that freezes the test split: over its gold.jsonl lines, in corpus order."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _read(paths: list[Path]) -> dict[str, dict]:
    out = {}
    for p in paths:
        if p.exists():
            for line in p.open():
                if line.strip():
                    row = json.loads(line)
                    out[row["id"]] = row
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(Path(args[0]) if args else Path(__file__).resolve().parents[1], "--freeze-test" in sys.argv))
