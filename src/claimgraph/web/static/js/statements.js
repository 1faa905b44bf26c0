// Statements page: every coded statement, filtered, sorted, a page at a time, downloadable.
import { actorText, api, errorBox, esc, pager, setActiveNav, statusBadge, statusLegend, view } from "./common.js";
import { bindFilterForm, downloadLinks, filterArgs, filterForm } from "./filters.js";

const SORTS = [["-date", "newest event first"], ["date", "oldest event first"],
               ["-published", "newest report first"], ["type", "event type"],
               ["status", "status"], ["claimant", "claimant"], ["site", "site"]];

function row(s) {
  const claimant = s.claimant ? s.claimant.text : "the article";
  return `<tr class="stmt-row">
    <td class="nowrap">${esc(s.event_date || "")}</td>
    <td>${esc(s.event.type)}</td>
    <td>${statusBadge(s.status)}${s.hedged ? ' <span class="badge hedged">hedged</span>' : ""}</td>
    <td>${esc(actorText(s.actor))} → ${esc(actorText(s.recipient))}</td>
    <td>${esc(claimant)}</td>
    <td class="evidence">${esc(s.evidence)}</td>
    <td><a class="article-link" href="#/doc/${encodeURIComponent(s.document_id)}">${esc(s.document_title || s.document_id)}</a>
      <div class="muted">${esc(s.site || "")} · ${esc(s.published || "")}</div></td>
  </tr>`;
}

export async function renderStatements(params) {
  setActiveNav("statements");
  const args = filterArgs(params);
  const sort = params.get("sort") || "-date";
  const limit = parseInt(params.get("limit") || "50", 10) || 50;
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  view.innerHTML = `<h1>Statements</h1>
    ${await filterForm("statements-form", params, SORTS)}
    ${statusLegend()}
    <div id="statements-results" class="muted">Loading…</div>`;
  bindFilterForm("statements-form", "statements");
  const box = document.getElementById("statements-results");
  try {
    const p = new URLSearchParams({ ...args, sort, limit: String(limit), offset: String(offset) });
    const answer = await api("/api/statements?" + p.toString());
    box.classList.remove("muted");
    box.innerHTML = `<div class="list-head">${pager("statements", params, answer.total, answer.limit, answer.offset)}
        ${downloadLinks("/api/statements/download", { ...args, sort })}</div>` +
      (answer.items.length ? `<table id="statements-table">
        <tr><th>event date</th><th>type</th><th>status</th><th>actor → recipient</th><th>claimant</th>
        <th>evidence</th><th>article</th></tr>${answer.items.map(row).join("")}</table>`
        : `<p class="muted" id="no-results">No statement matches these filters.</p>`) +
      pager("statements", params, answer.total, answer.limit, answer.offset);
  } catch (err) {
    box.innerHTML = errorBox(err);
  }
}
