"""Query a store repeatedly from another process until it holds N documents (run by the tests).

usage: poll_reader.py TARGET N SEEN_FILE

Touches SEEN_FILE after its first successful read; prints JSON {"counts": [...], "errors": [...]}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimgraph.store import StoreError, open_store


def main() -> None:
    """Poll until the store is complete or a read fails."""
    target, n, seen = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    counts: list[int] = []
    errors: list[str] = []
    while not counts or counts[-1] < n:
        try:
            with open_store(target, read_only=True, lock_timeout=60) as store:
                with store.session():  # one connection: both queries see the same commits
                    count = store.count()
                    rows = store.statements(actor="RUS MIL", type="ASSAULT")
                if len(rows) != count * 2:
                    errors.append(f"{count} documents but {len(rows)} RUS MIL assaults")
                counts.append(count)
        except StoreError as exc:
            errors.append(exc.line())
            break
        seen.touch()
    print(json.dumps({"counts": counts, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
