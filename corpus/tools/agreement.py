"""Inter-annotator agreement on the double-annotated documents: `python corpus/tools/agreement.py [CORPUS]`.

Compares each second-pass item with the first pass of the same item:
- event / no event: Cohen's kappa;
- main type (first key statement's type, else first statement's, else none): kappa over 17 labels;
- type sets: F1 of one annotator's (item, type) pairs against the other's;
- on statements paired by type within an item: kappa on status, accuracy on actor and recipient
  country sets, and on claimant (none vs country).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from claimgraph.eval.corpus import _gold_statement, pair, prf


def main(corpus: Path) -> dict:
    raw = corpus / "annotations" / "raw"
    first, second = {}, {}
    for p in sorted(raw.glob("*-first.jsonl")):
        first.update({r["id"]: r for r in map(json.loads, filter(str.strip, p.open()))})
    for p in sorted(raw.glob("*-second.jsonl")):
        second.update({r["id"]: r for r in map(json.loads, filter(str.strip, p.open()))})
    ids = sorted(set(first) & set(second))
    has_a, has_b, main_a, main_b = [], [], [], []
    tp = fp = fn = 0
    status_a, status_b = [], []
    actor = recip = claimant = pairs = 0
    for i in ids:
        ga = [_gold_statement(e) for e in first[i]["events"]]
        gb = [_gold_statement(e) for e in second[i]["events"]]
        has_a.append(bool(ga))
        has_b.append(bool(gb))
        main_a.append(_main(first[i]["events"]))
        main_b.append(_main(second[i]["events"]))
        ta, tb = {g.type for g in ga}, {g.type for g in gb}
        tp, fp, fn = tp + len(ta & tb), fp + len(tb - ta), fn + len(ta - tb)
        for a, b in pair(ga, gb):
            if b is None or a.type != b.type:
                continue
            pairs += 1
            status_a.append(a.status)
            status_b.append(b.status)
            actor += a.actors == b.actors
            recip += a.recipients == b.recipients
            claimant += (a.has_claimant == b.has_claimant) and (not a.has_claimant or a.claimant == b.claimant)
    out = {
        "items": len(ids),
        "documents": len({i[:4] for i in ids}),
        "event_kappa": round(cohen_kappa_score(has_a, has_b), 3),
        "main_type_kappa": round(cohen_kappa_score(main_a, main_b), 3),
        "type_set_f1": prf(tp, fp, fn)["f1"],
        "type_matched_pairs": pairs,
        "status_kappa": round(cohen_kappa_score(status_a, status_b), 3) if pairs else None,
        "status_agreement": round(sum(a == b for a, b in zip(status_a, status_b)) / pairs, 3) if pairs else None,
        "actor_country_accuracy": round(actor / pairs, 3) if pairs else None,
        "recipient_country_accuracy": round(recip / pairs, 3) if pairs else None,
        "claimant_accuracy": round(claimant / pairs, 3) if pairs else None,
    }
    return out


def _main(events: list[dict]) -> str:
    keyed = [e for e in events if e.get("key")] or events
    return keyed[0]["type"] if keyed else "none"


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]), indent=1))
