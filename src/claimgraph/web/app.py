"""The REST API and dashboard: a FastAPI app over a claimgraph store (DuckDB or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from claimgraph import __version__
from claimgraph.analysis import questions as q
from claimgraph.analysis.clusters import DEFAULT_WINDOW_DAYS, cluster_statements
from claimgraph.analysis.network import actor_network
from claimgraph.analysis.rows import json_ready
from claimgraph.analysis.source import load_rows
from claimgraph.analysis.timelines import dyad_timeline
from claimgraph.errors import InputError
from claimgraph.model import Record
from claimgraph.store import open_store
from claimgraph.store.errors import StoreError

TOKEN_ENV = "CLAIMGRAPH_API_TOKEN"
DB_ENV = "CLAIMGRAPH_DB"
STATIC = Path(str(resources.files("claimgraph.web").joinpath("static")))


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
    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="Sourced event statements coded from news: who did what to whom, when and "
                    "where, and who says so. Read endpoints are open; writing endpoints need a "
                    "bearer token configured on the server.",
    )
    app.state.store = store
    app.state.pipeline = None
    pipeline_lock = threading.Lock()

    def require_token(request: Request) -> None:
        if token is None:
            raise HTTPException(403, "writing is disabled: the server has no API token configured")
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), token):
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

    @app.get("/api/statements", summary="Statements, filtered")
    def statements(actor: str | None = None, recipient: str | None = None,
                   type: str | None = None, status: str | None = None,
                   since: dt.date | None = None, until: dt.date | None = None,
                   claimant: str | None = None, document: str | None = None,
                   limit: int = Query(200, ge=1, le=10000),
                   newest: bool = True) -> list[dict[str, Any]]:
        """Statements in the output format plus their document's id, title, url, date and site.
        Filters take comma-separated values; actor codes as in `claimgraph statements`."""
        return store.statements(actor=actor, recipient=recipient, type=type, status=status,
                                since=since, until=until, claimant=claimant, document=document,
                                limit=limit, newest_first=newest)

    @app.get("/api/documents", summary="Document list, newest first")
    def documents(limit: int = Query(50, ge=1, le=1000), since: dt.date | None = None,
                  until: dt.date | None = None) -> list[dict[str, Any]]:
        docs = store.documents(since=since, until=until)
        return list(reversed(docs))[:limit]

    @app.get("/api/documents/{doc_id}", summary="One document's record")
    def document(doc_id: str) -> dict[str, Any]:
        """The stored record (output format): text, statements with spans, attributions."""
        record = store.document(doc_id)
        if record is None:
            raise HTTPException(404, f"no document {doc_id}")
        return record.to_dict()

    @app.get("/api/search", summary="Search documents by words of their title or text")
    def search(q_: str = Query(..., alias="q", min_length=1),
               limit: int = Query(30, ge=1, le=200)) -> dict[str, Any]:
        return search_documents(store, q_, limit)

    @app.get("/api/clusters", summary="Event clusters: reports of one event merged")
    def clusters(actor: str | None = None, recipient: str | None = None,
                 type: str | None = None, status: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None,
                 window: int = Query(DEFAULT_WINDOW_DAYS, ge=0, le=365),
                 min_reports: int = Query(1, ge=1),
                 limit: int = Query(200, ge=1, le=10000)) -> list[dict[str, Any]]:
        rows = load_rows(store, actor=actor, recipient=recipient, type=type, status=status,
                         since=since, until=until)
        found = [c.summary() for c in cluster_statements(rows, window_days=window)
                 if c.report_count >= min_reports]
        found.sort(key=lambda c: (-c["report_count"], c["first_date"] or ""))
        return found[:limit]

    @app.get("/api/timeline", summary="Weekly dyad timeline")
    def timeline(a: str, b: str, direction: Literal["both", "ab", "ba"] = "both",
                 unit: Literal["events", "statements"] = "events",
                 status: str = Query("asserted", description="comma-separated, or 'all'"),
                 since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
        """Weekly counts, mean intensity and cooperation (quad 1-2) against conflict (quad 3-4)."""
        rows = load_rows(store, actor=[a, b], recipient=[a, b], since=since, until=until)
        statuses = None if status == "all" else [s.strip() for s in status.split(",") if s.strip()]
        return dyad_timeline(rows, a, b, direction=direction, unit=unit, statuses=statuses)

    @app.get("/api/network", summary="Actor network: who acts on whom")
    def network(type: str | None = None, status: str | None = "asserted",
                since: dt.date | None = None, until: dt.date | None = None,
                min_count: int = Query(2, ge=1), limit: int = Query(40, ge=2, le=500)) -> dict[str, Any]:
        rows = load_rows(store, type=type, status=None if status == "all" else status,
                         since=since, until=until)
        return actor_network(rows, min_count=min_count, limit=limit)

    @app.get("/api/questions", summary="Tracked questions")
    def questions() -> list[dict[str, Any]]:
        return [x.to_dict() for x in q.QuestionBook(store).all()]

    @app.get("/api/questions/candidates", summary="Questions asked by ingested headlines")
    def candidates(limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        rows = load_rows(store, status="question", headline=True)
        return q.headline_candidates(rows, q.QuestionBook(store).all())[:limit]

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

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


def search_documents(store: Any, text: str, limit: int = 30) -> dict[str, Any]:
    """Documents whose title or text contains every word of `text`, newest first, with a snippet."""
    words = [w.lower() for w in text.split() if w.strip()][:8]
    if not words:
        return {"query": text, "documents": []}
    clauses, params = [], []
    for w in words:
        pattern = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(lower(coalesce(title, '')) LIKE ? OR lower(text) LIKE ?)")
        params.extend([pattern, pattern])
    rows = store.sql("SELECT id, title, url, published, site, n_statements, text FROM documents "
                     f"WHERE {' AND '.join(clauses)} "
                     "ORDER BY published_date DESC NULLS LAST, id LIMIT ?", [*params, int(limit)])
    docs = []
    for r in rows:
        body = r.pop("text") or ""
        r["statements"] = r.pop("n_statements")
        r["snippet"] = _snippet(body, words[0])
        docs.append(r)
    return json_ready({"query": text, "documents": docs})


def _snippet(text: str, word: str, width: int = 90) -> str:
    i = text.lower().find(word)
    if i < 0:
        return text[: 2 * width].strip()
    start = max(0, i - width)
    return ("…" if start else "") + text[start:i + width].strip() + "…"


def app_from_env() -> FastAPI:
    """App factory for `uvicorn --factory`: store from $CLAIMGRAPH_DB, token from $CLAIMGRAPH_API_TOKEN."""
    return create_app(os.environ.get(DB_ENV) or None, os.environ.get(TOKEN_ENV) or None)
