// Clusters page: the reports of one event merged, filtered, sorted, a page at a time, downloadable.
import { api, errorBox, esc, pager, setActiveNav, statusBadge, statusLegend, view } from "./common.js";
import { bindFilterForm, downloadLinks, filterArgs, filterForm } from "./filters.js";

const SORTS = [["-reports", "most reported first"], ["-date", "newest first"], ["date", "oldest first"],
               ["-statements", "most statements first"], ["type", "event type"], ["status", "status"]];

function names(codes) {
  return (codes || []).map((c) => c.replace(/^IGO:/, "")).join(", ") || "?";
}

function row(c) {
  const dates = c.first_date === c.last_date || !c.last_date ? (c.first_date || "undated")
    : `${c.first_date} – ${c.last_date}`;
  return `<tr class="cluster-row" data-id="${esc(c.id)}">
    <td class="nowrap">${esc(dates)}</td>
    <td>${esc(c.event_type)}</td>
    <td>${statusBadge(c.status)}</td>
    <td>${esc(names(c.actors))} → ${esc(names(c.recipients))}${c.place ? `<div class="muted">in ${esc(c.place)}</div>` : ""}</td>
    <td class="num">${c.report_count}</td>
    <td class="evidence">${esc(c.evidence || "")}
      <details class="reports"><summary>${c.report_count} report(s), ${c.statement_count} statement(s)
        · ${esc((c.sites || []).join(", "))}</summary>
        <ul>${(c.reports || []).map((r) => `<li><a class="article-link" href="#/doc/${encodeURIComponent(r.document_id)}">${esc(r.title || r.document_id)}</a>
          <span class="muted">${esc(r.site || "")} · ${esc(r.published || "")}</span></li>`).join("")}</ul>
      </details></td>
  </tr>`;
}

export async function renderClusters(params) {
  setActiveNav("clusters");
  const args = filterArgs(params);
  const sort = params.get("sort") || "-reports";
  const minReports = params.get("min_reports") || "";
  const limit = parseInt(params.get("limit") || "50", 10) || 50;
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const extra = `<label>at least <input name="min_reports" type="number" min="1" value="${esc(minReports)}"
    style="width:4rem" placeholder="1"> reports</label>`;
  view.innerHTML = `<h1>Event clusters</h1>
    <p class="muted">Statements that report the same event (same actors, type and status, dates within a few days) are one cluster.</p>
    ${await filterForm("clusters-form", params, SORTS, extra)}
    ${statusLegend()}
    <div id="clusters-results" class="muted">Loading…</div>`;
  bindFilterForm("clusters-form", "clusters");
  const box = document.getElementById("clusters-results");
  try {
    const all = { ...args, sort };
    if (minReports) all.min_reports = minReports;
    const p = new URLSearchParams({ ...all, limit: String(limit), offset: String(offset) });
    const answer = await api("/api/clusters?" + p.toString());
    box.classList.remove("muted");
    box.innerHTML = `<div class="list-head">${pager("clusters", params, answer.total, answer.limit, answer.offset)}
        ${downloadLinks("/api/clusters/download", all)}</div>` +
      (answer.items.length ? `<table id="clusters-table">
        <tr><th>dates</th><th>type</th><th>status</th><th>actors → recipients</th><th class="num">reports</th>
        <th>first report's evidence</th></tr>${answer.items.map(row).join("")}</table>`
        : `<p class="muted" id="no-results">No cluster matches these filters.</p>`) +
      pager("clusters", params, answer.total, answer.limit, answer.offset);
  } catch (err) {
    box.innerHTML = errorBox(err);
  }
}
