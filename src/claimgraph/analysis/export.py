"""Exports of statements and event clusters: JSONL, CSV, Parquet and GDELT 2.0 event-table CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from claimgraph.actors.dictionary import DATA_DIR, read_countries
from claimgraph.analysis.clusters import Cluster, cluster_statements
from claimgraph.analysis.rows import json_ready

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
LEVELS = ("statements", "clusters")

STATEMENT_COLUMNS = (
    "id", "document_id", "sentence", "event_date", "event_type", "event_mode", "cameo",
    "quad_class", "intensity", "trigger", "status", "hedged", "actor_codes", "actor_texts",
    "recipient_codes", "recipient_texts", "claimant_text", "claimant_code", "claimant_sector",
    "claimant_cue", "via", "when_text", "when_start", "when_end", "where_text", "where_country",
    "confidence", "evidence", "url", "title", "published", "site", "credited_source",
)
CLUSTER_COLUMNS = (
    "id", "event_type", "status", "cameo", "quad_class", "mean_intensity", "actors",
    "recipients", "place", "first_date", "last_date", "report_count", "statement_count",
    "sites", "credited_sources", "claimants", "first_report", "last_report", "documents",
    "statement_ids", "evidence",
)
_LIST_SEP = ";"


def gdelt_columns() -> list[str]:
    """The GDELT 2.0 event-table columns, in file order."""
    text = resources.files("claimgraph.analysis").joinpath("gdelt_columns.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _codes(actors: list[dict[str, Any]]) -> str:
    out = []
    for a in actors:
        code = a.get("code") or ""
        if code == "IGO" and a.get("org"):
            code = f"IGO:{a['org']}"
        out.append(code + (f"/{a['sector']}" if a.get("sector") else ""))
    return _LIST_SEP.join(out)


def statement_record(row: dict[str, Any]) -> dict[str, Any]:
    """One statement row as a flat table row (lists joined with ';', relays with ' > ')."""
    flat = {k: row.get(k) for k in STATEMENT_COLUMNS if k in row}
    flat["actor_codes"] = _codes(row.get("actors") or [])
    flat["actor_texts"] = _LIST_SEP.join(a.get("text") or "" for a in row.get("actors") or [])
    flat["recipient_codes"] = _codes(row.get("recipients") or [])
    flat["recipient_texts"] = _LIST_SEP.join(a.get("text") or ""
                                             for a in row.get("recipients") or [])
    flat["via"] = " > ".join(r.get("text") or "" for r in row.get("via") or [])
    return {k: flat.get(k) for k in STATEMENT_COLUMNS}


def cluster_record(cluster: Cluster) -> dict[str, Any]:
    """One cluster as a flat table row."""
    s = cluster.summary()
    for k in ("actors", "recipients", "sites", "credited_sources", "claimants", "documents",
              "statement_ids"):
        s[k] = _LIST_SEP.join(str(x) for x in s[k])
    s["first_date"] = cluster.first_date
    s["last_date"] = cluster.last_date
    first, last = cluster.report_dates()
    s["first_report"], s["last_report"] = first, last
    return {k: s.get(k) for k in CLUSTER_COLUMNS}


# -- GDELT ---------------------------------------------------------------------------------------

def _gdelt_id(hex_id: str) -> int:
    # 15 hex digits keep the integer within a signed 64-bit column.
    return int(hex_id[:15], 16)


def _actor_fields(actors: list[dict[str, Any]]) -> dict[str, str]:
    if not actors:
        return {"Code": "", "Name": "", "CountryCode": "", "KnownGroupCode": "", "Type1Code": ""}
    a = actors[0]
    code = a.get("code") or ""
    sector = a.get("sector") or ""
    known = str(a.get("org") or "") if code == "IGO" else ""
    country = code if len(code) == 3 and code.isalpha() and code != "IGO" else ""
    full = (known or country or code) + sector
    name = (a.get("name") or a.get("text") or "").upper()
    return {"Code": full, "Name": name, "CountryCode": country, "KnownGroupCode": known,
            "Type1Code": sector}


@dataclass(frozen=True)
class GdeltPlace:
    """A country (or FIPS entity within one) as GDELT's geographic columns describe it."""

    name: str
    fips: str
    lat: float | None
    long: float | None


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("claimgraph.analysis").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (c.strip() for c in line.split("\t")))) for line in lines[1:]]


def _degrees(cell: str) -> float | None:
    return float(cell) if cell else None


@lru_cache(maxsize=1)
def gdelt_countries() -> dict[str, GdeltPlace]:
    """Each country's GDELT geography by ISO alpha-3 code: name, FIPS 10-4 code, centre point."""
    names = {e.roles[0].code: e.name for e in read_countries(DATA_DIR / "countries.tsv")
             if e.kind == "country" and e.roles}
    return {r["code"]: GdeltPlace(names.get(r["code"], r["code"]), r["fips"],
                                  _degrees(r["lat"]), _degrees(r["long"]))
            for r in _data_rows("gdelt_countries.tsv")}


@lru_cache(maxsize=1)
def _territories() -> dict[str, list[tuple[re.Pattern[str], GdeltPlace]]]:
    out: dict[str, list[tuple[re.Pattern[str], GdeltPlace]]] = {}
    for r in _data_rows("gdelt_territories.tsv"):
        names = sorted((n.strip() for n in r["places"].split("|") if n.strip()), key=len,
                       reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b",
                             re.IGNORECASE)
        place = GdeltPlace(r["name"], r["fips"], _degrees(r["lat"]), _degrees(r["long"]))
        out.setdefault(r["code"], []).append((pattern, place))
    return out


def gdelt_place(place_text: str | None, country: str | None) -> GdeltPlace | None:
    """The GDELT place for a statement's place: its country, or a FIPS entity the text names."""
    if not country:
        return None
    for pattern, place in _territories().get(country, []):
        if place_text and pattern.search(place_text):
            return place
    return gdelt_countries().get(country)


def _degrees_text(value: float | None) -> str:
    return "" if value is None else format(value, "g")


def _geo_fields(prefix: str, where: dict[str, Any] | None) -> dict[str, Any]:
    """GDELT geography columns for a place resolved to a city or region (empty otherwise: a
    country-level place is written from its country, as `gdelt_place` finds it).

    Types as GDELT numbers them: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    (first-level region). ADM1Code is the FIPS country code and the GeoNames admin1 code
    ("UP07" for Kharkiv Oblast; for US states GeoNames' codes are the postal ones, "USTX");
    FeatureID is the GeoNames id (GDELT's own world cities carry GNS ids), else the FIPS code.
    """
    if not where or where.get("lat") is None or where.get("lon") is None:
        return {}
    country = gdelt_countries().get(where.get("country") or "")
    fips = country.fips if country else ""
    precision = where.get("precision")
    us = where.get("country") == "USA"
    kind = {"city": 3 if us else 4, "region": 2 if us else 5}.get(precision)
    if kind is None:
        return {}
    admin1 = where.get("admin1") or ""
    adm1 = fips + admin1.split(".", 1)[1] if "." in admin1 else fips
    names = [where.get("name") or where.get("text") or "", country.name if country else ""]
    gid = where.get("geonames_id")
    return {f"{prefix}Type": kind, f"{prefix}FullName": ", ".join(n for n in names if n),
            f"{prefix}CountryCode": fips, f"{prefix}ADM1Code": adm1,
            f"{prefix}Lat": _degrees_text(where["lat"]), f"{prefix}Long": _degrees_text(where["lon"]),
            f"{prefix}FeatureID": str(gid) if gid is not None else adm1}


def gdelt_row(*, event_id: str, date: dt.date | None, actors: list[dict[str, Any]],
              recipients: list[dict[str, Any]], cameo: str | None, quad_class: int | None,
              intensity: float | None, root: bool, mentions: int, sources: int, articles: int,
              place_text: str | None, place_country: str | None, added: dt.datetime | None,
              url: str | None, place: dict[str, Any] | None = None) -> dict[str, Any]:
    """One GDELT 2.0 event-table row from claimgraph's fields (keys are GDELT column names).

    The event's place (`place`, the statement's `where`) fills ActionGeo_* at the precision it
    was resolved to (`_geo_fields`); a place known only by its country (`place_text`,
    `place_country`) is a country-level match (ActionGeo_Type 1): the country's name, its FIPS
    10-4 code in ActionGeo_CountryCode and ActionGeo_FeatureID, its approximate centre in
    ActionGeo_Lat/Long. Actor1Geo_*/Actor2Geo_* locate the first actor and recipient where the
    text says where they are (their `where`).
    """
    out: dict[str, Any] = {c: "" for c in gdelt_columns()}
    out["GLOBALEVENTID"] = _gdelt_id(event_id)
    if date is not None:
        out["SQLDATE"] = date.strftime("%Y%m%d")
        out["MonthYear"] = date.strftime("%Y%m")
        out["Year"] = date.year
        out["FractionDate"] = f"{date.year + (date.month * 30 + date.day) / 365:.4f}"
    for n, side in (("1", actors), ("2", recipients)):
        for key, value in _actor_fields(side).items():
            out[f"Actor{n}{key}"] = value
    code = (cameo or "").strip()
    out["IsRootEvent"] = 1 if root else 0
    out["EventCode"] = code
    out["EventBaseCode"] = code[:3] if len(code) > 3 else code
    out["EventRootCode"] = code[:2]
    out["QuadClass"] = quad_class if quad_class is not None else ""
    out["GoldsteinScale"] = f"{float(intensity):.1f}" if intensity is not None else ""
    out["NumMentions"], out["NumSources"], out["NumArticles"] = mentions, sources, articles
    for n, side in (("1", actors), ("2", recipients)):
        out.update(_geo_fields(f"Actor{n}Geo_", side[0].get("where") if side else None))
    located = _geo_fields("ActionGeo_", place)
    out.update(located)
    country = None if located else gdelt_place(place_text, place_country)
    if country is not None:
        out["ActionGeo_Type"] = 1
        out["ActionGeo_FullName"] = country.name
        out["ActionGeo_CountryCode"] = country.fips
        # GDELT gives country-level matches a textual FeatureID, the FIPS country code.
        out["ActionGeo_FeatureID"] = country.fips
        out["ActionGeo_Lat"] = _degrees_text(country.lat)
        out["ActionGeo_Long"] = _degrees_text(country.long)
    if added is not None:
        out["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    out["SOURCEURL"] = url or ""
    return out


def gdelt_statement_rows(rows: Iterable[dict[str, Any]],
                         added: dt.datetime | None = None) -> list[dict[str, Any]]:
    """One GDELT row per statement (each report its own event)."""
    return [gdelt_row(event_id=r["id"] + r["document_id"], date=r.get("event_date"),
                      actors=r.get("actors") or [], recipients=r.get("recipients") or [],
                      cameo=r.get("cameo"), quad_class=r.get("quad_class"),
                      intensity=r.get("intensity"), root=(r.get("sentence") or 0) <= 0,
                      mentions=1, sources=1, articles=1, place_text=r.get("where_text"),
                      place_country=r.get("where_country"), added=added, url=r.get("url"),
                      place=r.get("where"))
            for r in rows]


def gdelt_cluster_rows(clusters: Iterable[Cluster],
                       added: dt.datetime | None = None) -> list[dict[str, Any]]:
    """One GDELT row per event cluster, with its mention, source and article counts."""
    out = []
    for c in clusters:
        first = min(c.statements, key=lambda s: (s.get("published_date") or dt.date.max, s["id"]))
        sources = c.sources()
        out.append(gdelt_row(
            event_id=c.id, date=c.first_date, actors=first.get("actors") or [],
            recipients=first.get("recipients") or [], cameo=c.cameo, quad_class=c.quad_class,
            intensity=c.mean_intensity,
            root=any((s.get("sentence") or 0) <= 0 for s in c.statements),
            mentions=len(c.statements), sources=len(sources["sites"]) or 1,
            articles=c.report_count, place_text=first.get("where_text"), place_country=c.place,
            added=added, url=first.get("url"),
            place=first.get("where") if (first.get("where") or {}).get("country") == c.place else None))
    return out


# -- writers -------------------------------------------------------------------------------------

def _cell(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return value


def write_csv(table: list[dict[str, Any]], columns: Iterable[str], out: IO[str],
              delimiter: str = ",", header: bool = True) -> int:
    """Write rows as CSV with the given columns; return the number of rows."""
    columns = list(columns)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in table:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return len(table)


def write_parquet(table: list[dict[str, Any]], columns: Iterable[str], path: str | Path) -> int:
    """Write rows as one Parquet file, column types inferred from the values; return the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(columns)
    data = {c: [row.get(c) for row in table] for c in columns}
    arrays = {c: _arrow_array(pa, values) for c, values in data.items()}
    pq.write_table(pa.table(arrays), str(path))
    return len(table)


def _arrow_array(pa: Any, values: list[Any]) -> Any:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int, float} and kinds:
        return pa.array(values, type=pa.float64() if float in kinds else pa.int64())
    if kinds == {bool}:
        return pa.array(values, type=pa.bool_())
    if kinds == {dt.date}:
        return pa.array(values, type=pa.date32())
    return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def write_export(rows: list[dict[str, Any]], path: str | Path, fmt: str,
                 level: str = "statements", records: Iterable[dict[str, Any]] | None = None,
                 window_days: int = 3) -> int:
    """Write statement rows (or their event clusters) to `path`; return the number written.

    For `jsonl` at the statements level, `records` (output-format dicts, one per document) are
    written as they are, which is claimgraph's own JSONL format; clusters are written one per line.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    clusters = cluster_statements(rows, window_days=window_days) if level == "clusters" else None
    if fmt == "parquet":
        if clusters is not None:
            return write_parquet([cluster_record(c) for c in clusters], CLUSTER_COLUMNS, path)
        return write_parquet([statement_record(r) for r in rows], STATEMENT_COLUMNS, path)
    with open(path, "w", encoding="utf-8", newline="") as out:
        if fmt == "jsonl":
            n = 0
            items = ([c.summary() for c in clusters] if clusters is not None
                     else records if records is not None else [statement_record(r) for r in rows])
            for item in items:
                out.write(json.dumps(json_ready(item), ensure_ascii=False) + "\n")
                n += 1
            return n
        if fmt == "csv":
            if clusters is not None:
                return write_csv([cluster_record(c) for c in clusters], CLUSTER_COLUMNS, out)
            return write_csv([statement_record(r) for r in rows], STATEMENT_COLUMNS, out)
        added = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        table = (gdelt_cluster_rows(clusters, added) if clusters is not None
                 else gdelt_statement_rows(rows, added))
        # GDELT's own "export.CSV" files are tab-separated without a header line.
        return write_csv(table, gdelt_columns(), out, delimiter="\t", header=False)
