"""Read statement rows out of a store, with the store's own filters pushed down into SQL."""

from __future__ import annotations

from typing import Any

from claimgraph.analysis.rows import normalise_row
from claimgraph.store.query import DateLike, Values, statement_filters, statement_order

_SELECT = (
    "SELECT s.document_id, s.position, s.id, s.sentence, s.span_start, s.span_end, s.evidence, "
    "s.event_type, s.event_mode, s.cameo, s.quad_class, s.intensity, s.trigger, s.status, "
    "s.hedged, s.claimant_text, s.claimant_code, s.claimant_sector, s.claimant_cue, s.via, "
    "s.when_text, s.when_start, s.when_end, s.where_text, s.where_country, s.confidence, "
    "s.event_date, s.record, d.url, d.title, d.published, d.published_date, d.site, "
    "d.credited_source FROM statements s JOIN documents d ON d.id = s.document_id "
)


def load_rows(store: Any, *, actor: Values = None, recipient: Values = None, type: Values = None,
              status: Values = None, since: DateLike = None, until: DateLike = None,
              claimant: Values = None, document: Values = None, headline: bool | None = None,
              limit: int | None = None, site: Values = None, text: str | None = None,
              sort: str | None = None) -> list[dict[str, Any]]:
    """Return statement rows (see analysis.rows) matching the filters, oldest event first.

    `actor`/`recipient`/`type`/`status`/`claimant` take what `Store.statements` takes; `headline`
    True keeps only headline statements, False only body statements; `site` and `text` filter as
    in `query.statement_filters`; `sort` orders as `query.statement_order` does.
    """
    where = statement_filters(actor=actor, recipient=recipient, type=type, status=status,
                              since=since, until=until, claimant=claimant, document=document,
                              site=site, text=text)
    if headline is True:
        where.add("s.sentence = ?", -1)
    elif headline is False:
        where.add("s.sentence >= ?", 0)
    order = (statement_order(sort) if sort is not None
             else "ORDER BY s.event_date NULLS LAST, d.published, s.document_id, s.position")
    sql = _SELECT + where.sql() + " " + order
    params = list(where.params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [normalise_row(r) for r in store.sql(sql, params)]
