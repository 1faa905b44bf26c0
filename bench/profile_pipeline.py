"""Profile the pipeline in one process over the first N articles and show where time goes.

    .venv/bin/python bench/profile_pipeline.py [--limit 100] [--html profile.html]

The spaCy parse is timed on its own first, so the report can say how much of the pipeline's time
is the parse and how much is everything else (cleaning, headline parses, coding).
"""

from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "news"


def main() -> None:
    """Run the profile."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    args = ap.parse_args()

    from pyinstrument import Profiler
    from run import cleaned_bodies  # bench/ is on sys.path when this script runs

    from claimgraph.pipeline import Pipeline
    from claimgraph.sources import read

    files = sorted(str(p) for p in args.data.glob("*.jsonl"))
    items = list(islice(read(files), args.limit))
    pipeline = Pipeline()
    bodies = cleaned_bodies(items)
    t0 = time.perf_counter()
    for _ in pipeline.nlp.pipe(bodies, batch_size=pipeline.batch_size):
        pass
    parse = time.perf_counter() - t0

    profiler = Profiler(interval=0.002)
    t0 = time.perf_counter()
    profiler.start()
    for _ in pipeline.run(items):
        pass
    profiler.stop()
    total = time.perf_counter() - t0
    print(f"{len(items)} inputs: bare parse of bodies {parse:.1f} s, whole pipeline {total:.1f} s "
          f"(parse / pipeline = {parse / total:.2f})")
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        args.html.write_text(profiler.output_html(), "utf-8")


if __name__ == "__main__":
    main()
