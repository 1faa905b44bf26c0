"""The actor network: who acts on whom, how often, and how cooperatively."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from claimgraph.actors.dictionary import DATA_DIR, read_countries
from claimgraph.analysis.rows import actor_key


def is_coded(actor: dict[str, Any]) -> bool:
    """True when the actor mention carries an actor code: a country code, or IGO with its org.

    Mentions the coder could not code ("missiles", "the President", "people") have no code;
    they are no actors of the network.
    """
    code = str(actor.get("code") or "")
    if code == "IGO":
        return bool(actor.get("org"))
    return len(code) == 3 and code.isalpha() and code.isupper()


def actor_network(rows: Iterable[dict[str, Any]], level: str = "country", min_count: int = 1,
                  limit: int = 60) -> dict[str, Any]:
    """Return nodes (coded actors with statement counts) and directed edges (actor -> recipient).

    Only coded actor mentions (see `is_coded`) become nodes. Each edge carries its count, mean
    intensity and cooperation/conflict counts; only edges seen at least `min_count` times are
    kept, and only the `limit` busiest nodes with their edges.
    """
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        sources = {actor_key(a, level): a for a in row.get("actors") or [] if is_coded(a)}
        targets = {actor_key(a, level): a for a in row.get("recipients") or [] if is_coded(a)}
        for key, a in list(sources.items()) + list(targets.items()):
            labels[key][_label(a)] += 1
        for s in sources:
            for t in targets:
                if s == t:
                    continue
                e = edges.setdefault((s, t), {"source": s, "target": t, "count": 0,
                                              "cooperation": 0, "conflict": 0, "_sum": 0.0,
                                              "_n": 0})
                e["count"] += 1
                quad = row.get("quad_class")
                if quad in (1, 2):
                    e["cooperation"] += 1
                elif quad in (3, 4):
                    e["conflict"] += 1
                if row.get("intensity") is not None:
                    e["_sum"] += float(row["intensity"])
                    e["_n"] += 1
    kept = [e for e in edges.values() if e["count"] >= min_count]
    degree: dict[str, int] = defaultdict(int)
    for e in kept:
        degree[e["source"]] += e["count"]
        degree[e["target"]] += e["count"]
    top = set(sorted(degree, key=lambda k: (-degree[k], k))[:limit])
    out_edges = []
    for e in sorted(kept, key=lambda e: (-e["count"], e["source"], e["target"])):
        if e["source"] in top and e["target"] in top:
            n = e.pop("_n")
            total = e.pop("_sum")
            e["mean_intensity"] = round(total / n, 3) if n else None
            out_edges.append(e)
    nodes = []
    for k in sorted(top, key=lambda k: (-degree[k], k)):
        label = _best(labels[k]) or k
        nodes.append({"id": k, "label": label, "name": country_names().get(label, label),
                      "weight": degree[k]})
    return {"nodes": nodes, "edges": out_edges}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Each country code's name from the actor dictionary ("BLR": "Belarus")."""
    return {e.roles[0].code: e.name for e in read_countries(DATA_DIR / "countries.tsv")
            if e.kind == "country" and e.roles}


def _label(actor: dict[str, Any]) -> str:
    if actor.get("code") == "IGO" and actor.get("org"):
        return str(actor["org"])
    return str(actor.get("code") or actor.get("text") or "?")


def _best(counts: dict[str, int]) -> str | None:
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])
