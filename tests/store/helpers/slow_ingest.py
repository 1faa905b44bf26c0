"""Ingest N synthetic records slowly, announcing each insert (run as a subprocess by the tests).

usage: slow_ingest.py TARGET N [--batch B] [--pause S] [--gap S] [--wait-for FILE --after K]

--pause sleeps inside the open transaction after every insert (so a kill lands mid-write and the
database stays held); --gap sleeps between records outside any transaction; --wait-for blocks
(holding nothing) before record K until FILE exists. Prints the AddResult as JSON at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store_samples import bulk_record  # noqa: E402

from claimgraph.store import open_store  # noqa: E402
from claimgraph.store.base import Session  # noqa: E402
from claimgraph.store.duck import DuckDBSession  # noqa: E402
from claimgraph.store.postgres import PostgresSession  # noqa: E402


def main() -> None:
    """Run the ingest."""
    ap = argparse.ArgumentParser()
    ap.add_argument("target")
    ap.add_argument("n", type=int)
    ap.add_argument("--batch", type=int, default=5)
    ap.add_argument("--pause", type=float, default=0.0)
    ap.add_argument("--gap", type=float, default=0.0)
    ap.add_argument("--wait-for", default=None)
    ap.add_argument("--after", type=int, default=0)
    args = ap.parse_args()

    def announce(insert):
        def announced(self, table, columns, rows):
            insert(self, table, columns, rows)
            if rows:
                print(f"insert {table} {rows[0][0]}", flush=True)
                time.sleep(args.pause)
        return announced

    for cls in (Session, DuckDBSession, PostgresSession):
        if "insert" in cls.__dict__:
            cls.insert = announce(cls.__dict__["insert"])

    def records():
        for i in range(args.n):
            if args.wait_for and i == args.after:
                while not Path(args.wait_for).exists():
                    time.sleep(0.01)
            time.sleep(args.gap)
            yield bulk_record(i)

    with open_store(args.target) as store:
        store.batch_size = args.batch
        store.flush_seconds = 3600.0
        result = store.add(records())
    print(json.dumps({"added": result.added, "replaced": result.replaced,
                      "statements": result.statements}), flush=True)


if __name__ == "__main__":
    main()
