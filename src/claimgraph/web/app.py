"""The REST API and dashboard: a FastAPI app over a claimgraph store (DuckDB or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import secrets
import threading
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from claimgraph import __version__
from claimgraph.analysis import questions as q
from claimgraph.analysis.clusters import DEFAULT_WINDOW_DAYS, Cluster, cluster_statements
from claimgraph.analysis.export import (CLUSTER_COLUMNS, STATEMENT_COLUMNS, cluster_record,
                                        statement_record, write_csv)
from claimgraph.analysis.network import actor_network
from claimgraph.analysis.rows import json_ready
from claimgraph.analysis.source import load_rows
from claimgraph.analysis.timelines import dyad_timeline, period_statements
from claimgraph.errors import InputError
from claimgraph.model import PLOVER_TYPES, STATUSES, Record
from claimgraph.store import open_store
from claimgraph.store.errors import StoreError

TOKEN_ENV = "CLAIMGRAPH_API_TOKEN"
DB_ENV = "CLAIMGRAPH_DB"
STATIC = Path(str(resources.files("claimgraph.web").joinpath("static")))
STATEMENT_SORT = r"^-?(date|published|type|status|claimant|site)$"
CLUSTER_SORTS = {
    "reports": lambda c: c.report_count, "statements": lambda c: len(c.statements),
    "date": lambda c: c.first_date or dt.date.min, "last": lambda c: c.last_date or dt.date.min,
    "type": lambda c: c.event_type, "status": lambda c: c.status,
}
CLUSTER_SORT = r"^-?(" + "|".join(CLUSTER_SORTS) + r")$"
_CSV_BATCH = 500


class IngestItem(BaseModel):
    """One raw article to code and store: its text or its HTML, and what is known about it."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO date or datetime")
    site: str | None = None
    id: str | None = None


class IngestRequest(BaseModel):
    """Raw articles to run through the pipeline, or records already in the output format."""

    items: list[IngestItem] = Field(default_factory=list)
    records: list[dict[str, Any]] = Field(default_factory=list,
                                          description="output-format records, stored as given")


class HeadlineRequest(BaseModel):
    """A document whose headline asks the question to track."""

    document: str = Field(..., description="id of the document")


class QuestionRequest(BaseModel):
    """A question to track; fields left out are read from the text by the event coder."""

    text: str
    actor: str | None = Field(None, description="actor code: BLR, RUS GOV, NATO")
    type: str | None = Field(None, description="PLOVER event type")
    recipient: str | None = None
    deadline: dt.date | None = None
    document: str | None = Field(None, description="id of the document whose headline asks it")


def create_app(store_target: str | Path | None = None, token: str | None = None) -> FastAPI:
    """Return the API and dashboard app over the store at `store_target`.

    Reading needs no credentials. Writing (ingest, questions) needs `Authorization: Bearer
    <token>`; without a configured `token` the store is opened read-only and writes answer 403.
    """
    token = token or None
    # Raises StoreError (`claimgraph: PATH: reason`) when the database cannot be used.
    store = open_store(store_target, read_only=token is None)
    # The documentation pages are served below from assets installed with fastapi-offline,
    # so /docs works without internet; FastAPI's own pages would load them from a CDN.
    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="Sourced event statements coded from news: who did what to whom, when and "
                    "where, and who says so. Read endpoints are open; writing endpoints need a "
                    "bearer token configured on the server (`Authorization: Bearer <token>`). "
                    "Lists answer `{items, total, limit, offset}`.",
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.pipeline = None
    pipeline_lock = threading.Lock()
    # Declares the bearer scheme in the OpenAPI document; the check itself is ours, so a missing
    # token answers 401 (or 403 when writing is disabled) rather than HTTPBearer's own error.
    bearer = HTTPBearer(auto_error=False, scheme_name="bearerToken",
                        description="The API token configured on the server "
                                    "(`claimgraph serve --token-env`).")

    def require_token(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        if token is None:
            raise HTTPException(403, "writing is disabled: the server has no API token configured")
        given = credentials.credentials.strip() if credentials else ""
        if not given or not secrets.compare_digest(given, token):
            raise HTTPException(401, "a valid bearer token is required",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": exc.line()}, status_code=503)

    # -- reading ---------------------------------------------------------------------------------

    @app.get("/api/stats", summary="What the store holds")
    def stats() -> dict[str, Any]:
        return {"documents": store.count("documents"), "statements": store.count("statements"),
                "writable": token is not None, "version": __version__}

    @app.get("/api/statements", summary="Statements, filtered, sorted, a page at a time")
    def statements(actor: str | None = None, recipient: str | None = None,
                   type: str | None = None, status: str | None = None,
                   since: dt.date | None = None, until: dt.date | None = None,
                   claimant: str | None = None, document: str | None = None,
                   site: str | None = Query(None, description="sites (outlets), comma-separated"),
                   q_: str | None = Query(None, alias="q", description="words of the evidence"),
                   sort: str | None = Query(None, pattern=STATEMENT_SORT,
                                            description="date, published, type, status, "
                                                        "claimant or site; -key descending"),
                   limit: int = Query(200, ge=1, le=10000), offset: int = Query(0, ge=0),
                   newest: bool = True) -> dict[str, Any]:
        """Statements in the output format plus their document's id, title, url, date and site.
        Filters take comma-separated values; actor codes as in `claimgraph statements`.
        Without `sort`, oldest event first (`newest=true`: newest first)."""
        filters = dict(actor=actor, recipient=recipient, type=type, status=status, since=since,
                       until=until, claimant=claimant, document=document, site=site, text=q_)
        items = store.statements(**filters, limit=limit, offset=offset, sort=sort,
                                 newest_first=newest)
        return page(items, store.count_statements(**filters), limit, offset)

    @app.get("/api/statements/download", summary="The filtered statements as CSV or JSON lines")
    def statements_download(format: Literal["csv", "jsonl"] = "csv",
                            actor: str | None = None, recipient: str | None = None,
                            type: str | None = None, status: str | None = None,
                            since: dt.date | None = None, until: dt.date | None = None,
                            claimant: str | None = None, document: str | None = None,
                            site: str | None = None,
                            q_: str | None = Query(None, alias="q"),
                            sort: str | None = Query(None, pattern=STATEMENT_SORT)
                            ) -> StreamingResponse:
        """Every statement the filters keep, in `sort` order (default newest first). CSV has
        the columns of `claimgraph export --format csv`; JSON lines hold the items of
        `/api/statements`."""
        filters = dict(actor=actor, recipient=recipient, type=type, status=status, since=since,
                       until=until, claimant=claimant, document=document, site=site, text=q_)
        if format == "csv":
            rows = load_rows(store, **filters, sort=sort or "-date")
            body = csv_lines((statement_record(r) for r in rows), STATEMENT_COLUMNS)
        else:
            body = json_lines(store.statements(**filters, sort=sort or "-date"))
        return download(body, "statements", format)

    @app.get("/api/facets", summary="Values the filters take: event types, statuses, sites")
    def facets() -> dict[str, Any]:
        return {"types": list(PLOVER_TYPES), "statuses": list(STATUSES), "sites": store.sites()}

    @app.get("/api/documents", summary="Document list, newest first")
    def documents(limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0),
                  since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
        docs = list(reversed(store.documents(since=since, until=until)))
        return page(docs[offset:offset + limit], len(docs), limit, offset)

    @app.get("/api/documents/{doc_id}", summary="One document's record")
    def document(doc_id: str) -> dict[str, Any]:
        """The stored record (output format): text, statements with spans, attributions."""
        record = store.document(doc_id)
        if record is None:
            raise HTTPException(404, f"no document {doc_id}")
        return record.to_dict()

    @app.get("/api/search", summary="Search documents by words of their title or text")
    def search(q_: str = Query(..., alias="q", min_length=1),
               limit: int = Query(30, ge=1, le=200),
               offset: int = Query(0, ge=0)) -> dict[str, Any]:
        return search_documents(store, q_, limit, offset)

    def find_clusters(filters: dict[str, Any], window: int, min_reports: int,
                      sort: str) -> list[Cluster]:
        rows = load_rows(store, **filters)
        found = [c for c in cluster_statements(rows, window_days=window)
                 if c.report_count >= min_reports]
        return sort_clusters(found, sort)

    @app.get("/api/clusters", summary="Event clusters: reports of one event merged")
    def clusters(actor: str | None = None, recipient: str | None = None,
                 type: str | None = None, status: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None,
                 claimant: str | None = None, site: str | None = None,
                 q_: str | None = Query(None, alias="q", description="words of the evidence"),
                 window: int = Query(DEFAULT_WINDOW_DAYS, ge=0, le=365),
                 min_reports: int = Query(1, ge=1),
                 sort: str = Query("-reports", pattern=CLUSTER_SORT,
                                   description="reports, statements, date (first), last, type "
                                               "or status; -key descending"),
                 limit: int = Query(200, ge=1, le=10000),
                 offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Clusters of the statements the filters keep; most-reported first by default."""
        filters = dict(actor=actor, recipient=recipient, type=type, status=status, since=since,
                       until=until, claimant=claimant, site=site, text=q_)
        found = find_clusters(filters, window, min_reports, sort)
        return page([cluster_item(c) for c in found[offset:offset + limit]], len(found), limit,
                    offset)

    @app.get("/api/clusters/download", summary="The filtered clusters as CSV or JSON lines")
    def clusters_download(format: Literal["csv", "jsonl"] = "csv",
                          actor: str | None = None, recipient: str | None = None,
                          type: str | None = None, status: str | None = None,
                          since: dt.date | None = None, until: dt.date | None = None,
                          claimant: str | None = None, site: str | None = None,
                          q_: str | None = Query(None, alias="q"),
                          window: int = Query(DEFAULT_WINDOW_DAYS, ge=0, le=365),
                          min_reports: int = Query(1, ge=1),
                          sort: str = Query("-reports", pattern=CLUSTER_SORT)
                          ) -> StreamingResponse:
        """Every cluster the filters keep. CSV has the columns of `claimgraph export --level
        clusters --format csv`; JSON lines hold the items of `/api/clusters`."""
        filters = dict(actor=actor, recipient=recipient, type=type, status=status, since=since,
                       until=until, claimant=claimant, site=site, text=q_)
        found = find_clusters(filters, window, min_reports, sort)
        if format == "csv":
            body = csv_lines((cluster_record(c) for c in found), CLUSTER_COLUMNS)
        else:
            body = json_lines(c.summary() for c in found)
        return download(body, "clusters", format)

    def dyad_rows(a: str, b: str) -> list[dict[str, Any]]:
        # All of the dyad's rows: the timeline counts those outside its window apart.
        return load_rows(store, actor=[a, b], recipient=[a, b])

    @app.get("/api/timeline", summary="Dyad timeline by day, week or month")
    def timeline(a: str, b: str, direction: Literal["both", "ab", "ba"] = "both",
                 unit: Literal["events", "statements"] = "events",
                 status: str = Query("asserted", description="comma-separated, or 'all'"),
                 bin: Literal["day", "week", "month"] = "week",
                 since: dt.date | None = Query(None, description="first day charted; default: "
                                               "the first publication date of the dyad's reports"),
                 until: dt.date | None = Query(None, description="last day charted; default: "
                                               "the last publication date")) -> dict[str, Any]:
        """Counts per period, mean intensity and cooperation (quad 1-2) against conflict (quad
        3-4). Events dated outside the window are counted in `outside`, statements dated
        coarser than a period (a year) in `coarse`."""
        return dyad_timeline(dyad_rows(a, b), a, b, direction=direction, unit=unit,
                             statuses=status_list(status), bin=bin, since=since, until=until)

    @app.get("/api/timeline/statements", summary="The statements behind one bar of a timeline")
    def timeline_statements(a: str, b: str, period: dt.date,
                            direction: Literal["both", "ab", "ba"] = "both",
                            unit: Literal["events", "statements"] = "events",
                            status: str = Query("asserted"),
                            bin: Literal["day", "week", "month"] = "week",
                            limit: int = Query(500, ge=1, le=10000),
                            offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Statements of the period that starts on (or contains) `period`, as the timeline with
        the same arguments counts them."""
        rows = period_statements(dyad_rows(a, b), a, b, period, direction=direction, unit=unit,
                                 statuses=status_list(status), bin=bin)
        return page([statement_item(r) for r in rows[offset:offset + limit]], len(rows), limit,
                    offset)

    @app.get("/api/network", summary="Actor network: who acts on whom")
    def network(type: str | None = None, status: str | None = "asserted",
                since: dt.date | None = None, until: dt.date | None = None,
                min_count: int = Query(2, ge=1), limit: int = Query(40, ge=2, le=500)) -> dict[str, Any]:
        rows = load_rows(store, type=type, status=None if status == "all" else status,
                         since=since, until=until)
        return actor_network(rows, min_count=min_count, limit=limit)

    @app.get("/api/questions", summary="Tracked questions")
    def questions(limit: int = Query(200, ge=1, le=10000),
                  offset: int = Query(0, ge=0)) -> dict[str, Any]:
        found = [x.to_dict() for x in q.QuestionBook(store).all()]
        return page(found[offset:offset + limit], len(found), limit, offset)

    @app.get("/api/questions/candidates", summary="Questions asked by ingested headlines")
    def candidates(document: str | None = Query(None, description="only this document's headline"),
                   limit: int = Query(100, ge=1, le=1000),
                   offset: int = Query(0, ge=0)) -> dict[str, Any]:
        rows = load_rows(store, status="question", headline=True, document=document)
        found = q.headline_candidates(rows, q.QuestionBook(store).all())
        return page(found[offset:offset + limit], len(found), limit, offset)

    @app.get("/api/questions/{qid}", summary="A question's evidence board")
    def question(qid: str, as_of: dt.date | None = None) -> dict[str, Any]:
        """Assertions, predictions (open, expired, came true), denials and claimants' records."""
        try:
            found = q.QuestionBook(store).get(qid)
        except q.QuestionError as exc:
            raise HTTPException(400, str(exc)) from None
        if found is None:
            raise HTTPException(404, f"no question {qid}")
        return q.board_from_store(store, found, as_of)

    # -- writing ---------------------------------------------------------------------------------

    @app.post("/api/questions", status_code=201, dependencies=[Depends(require_token)],
              summary="Track a question (bearer token)")
    def add_question(body: QuestionRequest) -> dict[str, Any]:
        actor, type_, recipient, deadline = body.actor, body.type, body.recipient, body.deadline
        if not (actor and type_):
            parsed = q.parse_question(body.text)
            actor, type_ = actor or parsed.actor, type_ or parsed.event_type
            recipient, deadline = recipient or parsed.recipient, deadline or parsed.deadline
        if not (actor and type_):
            raise HTTPException(422, "could not read an actor and event type in the question; "
                                "give actor and type")
        try:
            made = q.new_question(body.text, actor, type_, recipient, deadline, body.document)
        except q.QuestionError as exc:
            raise HTTPException(422, str(exc)) from None
        return q.QuestionBook(store).add(made).to_dict()

    @app.post("/api/questions/from-headline", status_code=201,
              dependencies=[Depends(require_token)],
              summary="Track the question a document's headline asks (bearer token)")
    def track_headline(body: HeadlineRequest) -> dict[str, Any]:
        """The headline's question as the coder reads it: actor, event type, recipient and
        deadline come from the headline's statement, the text from the title."""
        if not store.has(body.document):
            raise HTTPException(404, f"no document {body.document}")
        rows = load_rows(store, status="question", headline=True, document=body.document)
        found = q.headline_candidates(rows)
        if not found:
            raise HTTPException(422, f"the headline of document {body.document} asks no "
                                "question with a coded actor")
        c = found[0]
        try:
            made = q.new_question(c["text"], c["actor"], c["event_type"], c["recipient"],
                                  c["deadline"], body.document)
        except q.QuestionError as exc:
            raise HTTPException(422, str(exc)) from None
        return q.QuestionBook(store).add(made).to_dict()

    @app.delete("/api/questions/{qid}", dependencies=[Depends(require_token)],
                summary="Stop tracking a question (bearer token)")
    def remove_question(qid: str) -> dict[str, Any]:
        if not q.QuestionBook(store).remove(qid):
            raise HTTPException(404, f"no question {qid}")
        return {"removed": qid}

    @app.post("/api/ingest", dependencies=[Depends(require_token)],
              summary="Code and store articles (bearer token)")
    def ingest(body: IngestRequest) -> dict[str, Any]:
        """Run raw items through the pipeline and store them with any ready-made records."""
        records: list[Record] = []
        errors: list[str] = []
        for i, data in enumerate(body.records):
            try:
                records.append(Record.from_dict(data))
            except (KeyError, TypeError, ValueError) as exc:
                errors.append(f"records[{i}]: not an output-format record ({exc})")
        if body.items:
            from claimgraph.sources import RawItem
            raw = [RawItem(origin=f"items[{i}]", text=it.text, html=it.html, id=it.id,
                           url=it.url, title=it.title, published=it.published, site=it.site)
                   for i, it in enumerate(body.items) if it.text or it.html]
            errors.extend(f"items[{i}]: neither text nor html" for i, it in enumerate(body.items)
                          if not (it.text or it.html))
            with pipeline_lock:
                if app.state.pipeline is None:
                    from claimgraph.pipeline import Pipeline
                    app.state.pipeline = Pipeline()
                for result in app.state.pipeline.run(raw):
                    if isinstance(result, InputError):
                        errors.append(result.line())
                    else:
                        records.append(result)
        result = store.add(records)
        return {"added": result.added, "replaced": result.replaced,
                "statements": result.statements, "rejected": len(errors), "errors": errors,
                "documents": [r.document.id for r in records]}

    # -- dashboard -------------------------------------------------------------------------------

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount("/docs-assets", StaticFiles(directory=str(docs_assets())), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json",
                                   title="claimgraph API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=app.openapi_url or "/openapi.json",
                              title="claimgraph API", redoc_js_url="/docs-assets/redoc.standalone.js",
                              redoc_favicon_url="/static/favicon.svg", with_google_fonts=False)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """One page of a list as the API answers it: the items, the total, the limit and offset."""
    return json_ready({"items": items, "total": total, "limit": limit, "offset": offset})


def status_list(status: str) -> list[str] | None:
    """Statuses from a comma-separated parameter; None for "all"."""
    if status.strip() == "all":
        return None
    return [s.strip() for s in status.split(",") if s.strip()]


def sort_clusters(found: list[Cluster], sort: str) -> list[Cluster]:
    """Clusters in the order of a sort key of CLUSTER_SORTS ("-key" descending); ties by date."""
    name = sort.lstrip("-")
    found = sorted(found, key=lambda c: (c.first_date or dt.date.min, c.id), reverse=True)
    return sorted(found, key=CLUSTER_SORTS[name], reverse=sort.startswith("-"))


def cluster_item(cluster: Cluster) -> dict[str, Any]:
    """A cluster's summary with its reports: each document's id, title, site and date."""
    reports: dict[str, dict[str, Any]] = {}
    for s in sorted(cluster.statements,
                    key=lambda s: (s.get("published_date") or dt.date.max, s["document_id"])):
        reports.setdefault(s["document_id"], {
            "document_id": s["document_id"], "title": s.get("title"), "site": s.get("site"),
            "published": s.get("published_date"), "evidence": s.get("evidence")})
    return json_ready({**cluster.summary(), "reports": list(reports.values())})


def statement_item(row: dict[str, Any]) -> dict[str, Any]:
    """A statement row as a short JSON item: what happened, who says so, and where it was read."""
    def refs(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: a.get(k) for k in ("text", "code", "sector", "org")} for a in actors]

    return json_ready({
        "id": row["id"], "document_id": row["document_id"], "sentence": row.get("sentence"),
        "evidence": row.get("evidence"), "event_type": row.get("event_type"),
        "status": row.get("status"), "hedged": bool(row.get("hedged")),
        "quad_class": row.get("quad_class"), "intensity": row.get("intensity"),
        "actor": refs(row.get("actors") or []), "recipient": refs(row.get("recipients") or []),
        "claimant": row.get("claimant_text"), "when": row.get("when_text"),
        "event_date": row.get("event_date"), "published": row.get("published_date"),
        "title": row.get("title"), "site": row.get("site"), "url": row.get("url"),
    })


def csv_lines(records: Iterable[dict[str, Any]], columns: Iterable[str]) -> Iterator[str]:
    """Yield CSV text with a header line, a few hundred rows at a time."""
    columns = list(columns)
    batch: list[dict[str, Any]] = []
    header = True
    for record in records:
        batch.append(record)
        if len(batch) >= _CSV_BATCH:
            yield _csv_text(batch, columns, header)
            batch, header = [], False
    if batch or header:
        yield _csv_text(batch, columns, header)


def _csv_text(batch: list[dict[str, Any]], columns: list[str], header: bool) -> str:
    buf = io.StringIO()
    write_csv(batch, columns, buf, header=header)
    return buf.getvalue()


def json_lines(items: Iterable[Any]) -> Iterator[str]:
    """Yield JSON documents one per line, a few hundred lines at a time.

    (Each chunk of a streamed response costs a thread hand-off, so single lines would be slow.)
    """
    batch: list[str] = []
    for item in items:
        batch.append(json.dumps(json_ready(item), ensure_ascii=False) + "\n")
        if len(batch) >= _CSV_BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def download(body: Iterator[str], name: str, fmt: str) -> StreamingResponse:
    """A streamed file download named claimgraph-NAME.FMT."""
    media = "text/csv" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(body, media_type=f"{media}; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="claimgraph-{name}.{fmt}"'})


def docs_assets() -> Path:
    """The folder of Swagger UI and ReDoc assets that the fastapi-offline package installs."""
    return Path(str(resources.files("fastapi_offline").joinpath("static")))


def search_documents(store: Any, text: str, limit: int = 30, offset: int = 0) -> dict[str, Any]:
    """Documents whose title or text contains every word of `text`, newest first, with a snippet.

    Answers a page: `items`, `total`, `limit`, `offset` and the `query`.
    """
    words = [w.lower() for w in text.split() if w.strip()][:8]
    if not words:
        return {"query": text, **page([], 0, limit, offset)}
    clauses, params = [], []
    for w in words:
        pattern = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(lower(coalesce(title, '')) LIKE ? OR lower(text) LIKE ?)")
        params.extend([pattern, pattern])
    where = " AND ".join(clauses)
    total = store.sql(f"SELECT count(*) AS n FROM documents WHERE {where}", params)[0]["n"]
    rows = store.sql("SELECT id, title, url, published, site, n_statements, text FROM documents "
                     f"WHERE {where} ORDER BY published_date DESC NULLS LAST, id LIMIT ? OFFSET ?",
                     [*params, int(limit), int(offset)])
    docs = []
    for r in rows:
        body = r.pop("text") or ""
        r["statements"] = r.pop("n_statements")
        r["snippet"] = _snippet(body, words[0])
        docs.append(r)
    return {"query": text, **page(docs, int(total), limit, offset)}


def _snippet(text: str, word: str, width: int = 90) -> str:
    i = text.lower().find(word)
    if i < 0:
        return text[: 2 * width].strip()
    start = max(0, i - width)
    return ("…" if start else "") + text[start:i + width].strip() + "…"


def app_from_env() -> FastAPI:
    """App factory for `uvicorn --factory`: store from $CLAIMGRAPH_DB, token from $CLAIMGRAPH_API_TOKEN."""
    return create_app(os.environ.get(DB_ENV) or None, os.environ.get(TOKEN_ENV) or None)
