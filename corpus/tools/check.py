"""Validate annotation files against docs/annotation.md: `python corpus/tools/check.py FILE...`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"asserted", "future", "hypothetical", "negated", "question"}
NO_EVENT = {"disaster", "accident", "disease", "weather", "sport", "economy", "crime", "ceremony",
            "description", "furniture", "other"}
SECTORS = {"GOV", "MIL", "SPY", "OPP", "REB", "PTY", "COP", "JUD", "MED", "BUS", "CVL", "IGO", "NGO",
           "REL", "EDU", "LAB", "REF", "CRM", "ELI"}
CODE = re.compile(r"^(?:[A-Z]{3}(?: [A-Z]{3})?|IGO [A-Z][A-Za-z0-9]+)$")
CORPUS = Path(__file__).resolve().parents[1]


def problems(row: dict, known: set[str]) -> list[str]:
    """Everything wrong with one annotated item, as short phrases."""
    out = []
    if row.get("synthetic"):
        if not (isinstance(row.get("id"), str) and row["id"].startswith("syn-")):
            out.append("a synthetic item's id must start with 'syn-'")
        if not isinstance(row.get("text"), str) or len(row["text"].split()) < 4:
            out.append("a synthetic item must carry its own 'text' (a sentence of four words or more)")
    elif row.get("id") not in known:
        out.append(f"unknown item id {row.get('id')!r}")
    events = row.get("events")
    if not isinstance(events, list):
        return out + ["'events' must be a list"]
    if not events and row.get("no_event") not in NO_EVENT:
        out.append(f"no events: 'no_event' must be one of {sorted(NO_EVENT)}")
    if events and row.get("no_event") not in (None, ""):
        out.append("events given, so 'no_event' must be null")
    for k, ev in enumerate(events):
        where = f"event {k}"
        if ev.get("type") not in TYPES:
            out.append(f"{where}: type {ev.get('type')!r} is not a PLOVER type")
        if ev.get("status") not in STATUSES:
            out.append(f"{where}: status {ev.get('status')!r} not in {sorted(STATUSES)}")
        for role in ("actor", "recipient"):
            parts = ev.get(role, [])
            if not isinstance(parts, list):
                out.append(f"{where}: {role} must be a list")
                continue
            for p in parts:
                out += _participant(p, f"{where} {role}")
        if ev.get("claimant") is not None:
            out += _participant(ev["claimant"], f"{where} claimant")
        if not isinstance(ev.get("key"), bool):
            out.append(f"{where}: 'key' must be true or false")
    return out


def _participant(p: object, where: str) -> list[str]:
    if not isinstance(p, dict) or not isinstance(p.get("text"), str):
        return [f"{where}: must be an object with 'text'"]
    code = p.get("code")
    if code is None:
        return []
    if not isinstance(code, str) or not CODE.match(code):
        return [f"{where}: code {code!r} is not 'ISO3', 'ISO3 SECTOR' or 'IGO ORG'"]
    parts = code.split()
    if len(parts) == 2 and parts[0] != "IGO" and parts[1] not in SECTORS:
        return [f"{where}: sector {parts[1]!r} not in the contract's sectors"]
    return []


def main(paths: list[str]) -> int:
    known = {json.loads(line)["id"] for line in (CORPUS / "sentences.jsonl").open()}
    bad = 0
    for path in paths:
        seen = set()
        for n, line in enumerate(Path(path).open(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{n}: not JSON ({exc.msg})")
                bad += 1
                continue
            if row.get("id") in seen:
                print(f"{path}:{n}: item {row.get('id')} annotated twice in this file")
                bad += 1
            seen.add(row.get("id"))
            for p in problems(row, known):
                print(f"{path}:{n}: {p}")
                bad += 1
        print(f"{path}: {len(seen)} items checked")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
