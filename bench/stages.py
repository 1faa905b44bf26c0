"""CPU time of each pipeline stage relative to the bare parse, over every Nth input of the corpus.

    .venv/bin/python bench/stages.py [--every 6]

One process: clean every sampled input, parse the bodies (timed: the reference), parse the
headlines, then code each document with its stages timed separately (actor resolver, claims
layer, event coder, statement building, and the learned combination and participant ranker). A stride sample covers the news bodies, the Kremlin
transcripts and the presidency releases alike.
"""

from __future__ import annotations

import argparse
import functools
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "news"


def _timing(obj: object, name: str, totals: dict[str, float], label: str) -> None:
    """Wrap obj.name so its CPU time adds up in totals[label]."""
    inner = getattr(obj, name)

    @functools.wraps(inner)
    def timed(*args, **kwargs):
        c0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.process_time() - c0

    setattr(obj, name, timed)


def main() -> None:
    """Run the breakdown and print one line per stage."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--every", type=int, default=6, help="take every Nth input")
    args = ap.parse_args()

    from claimgraph.clean import make_document
    from claimgraph.clean.language import detect
    from claimgraph.errors import InputError
    from claimgraph.pipeline import Pipeline
    from claimgraph.sources import read

    files = sorted(str(p) for p in args.data.glob("*.jsonl"))
    items = [x for i, x in enumerate(read(files)) if i % args.every == 0 and not isinstance(x, InputError)]
    pipeline = Pipeline()
    detect("warm up the language identifier")  # loaded once per process, not per document
    totals: dict[str, float] = {}
    c0 = time.process_time()
    docs = []
    for item in items:
        try:
            docs.append(make_document(item))
        except InputError:
            continue
    totals["cleaning"] = time.process_time() - c0
    docs = [d for d in docs if d.language == "en" and d.text.strip()]
    c0 = time.process_time()
    bodies = list(pipeline.nlp.pipe([d.text for d in docs], batch_size=pipeline.batch_size))
    parse = time.process_time() - c0
    c0 = time.process_time()
    heads = list(pipeline.nlp.pipe([d.title or "" for d in docs], batch_size=pipeline.batch_size))
    totals["headline parses"] = time.process_time() - c0
    _timing(pipeline.resolver, "find", totals, "actor resolver")
    _timing(pipeline.claims, "analyze", totals, "claims layer")
    _timing(pipeline.coder, "code", totals, "event coder")
    _timing(pipeline, "_statement", totals, "statement building")
    if pipeline.learned is not None:
        _timing(pipeline.learned, "apply", totals, "learned combination (gate, keep, add)")
    if pipeline.ranker is not None:
        _timing(pipeline.ranker, "apply", totals, "participant ranker (fill)")
    c0 = time.process_time()
    for d, body, head in zip(docs, bodies, heads):
        pipeline.code_document(d, body, head if d.title else None)
    totals["coding in all"] = time.process_time() - c0
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words; bare parse of the bodies {parse:.1f} CPU s")
    for label, seconds in totals.items():
        print(f"{label:20s} {seconds:6.2f} CPU s  {100 * seconds / parse:5.1f}% of the parse")
    extra = totals["cleaning"] + totals["headline parses"] + totals["coding in all"]
    print(f"pipeline / bare parse, words per CPU-second: {parse / (parse + extra):.2f}")


if __name__ == "__main__":
    main()
