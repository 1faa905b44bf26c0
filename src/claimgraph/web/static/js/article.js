// Article view: the text with coded sentences highlighted, statement cards, a statement filter
// for long articles, and "track this headline" when the headline asks a question.
import {
  actorText, api, authHeaders, claimantText, errorBox, esc, hideTip, setActiveNav, setToken,
  showTip, statusBadge, statusLegend, token, viaText, view,
} from "./common.js";

// Articles with more statements than this get the statement filter.
const LONG = 8;

function highlightedText(text, statements) {
  // Statements of one sentence share its span: one mark per span, listing all of them.
  const bySpan = new Map();
  statements.forEach((s, i) => {
    if (!s.span || s.sentence === -1) return;
    const key = s.span[0] + ":" + s.span[1];
    if (!bySpan.has(key)) bySpan.set(key, { start: s.span[0], end: s.span[1], items: [] });
    bySpan.get(key).items.push(i);
  });
  const spans = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  let html = "";
  let cursor = 0;
  for (const sp of spans) {
    // Sentence spans may take in the line breaks around them; mark only the words.
    while (sp.start < sp.end && /\s/.test(text[sp.start])) sp.start++;
    while (sp.end > sp.start && /\s/.test(text[sp.end - 1])) sp.end--;
    if (sp.start < cursor || sp.end > text.length || sp.start === sp.end) continue;
    html += esc(text.slice(cursor, sp.start));
    const first = statements[sp.items[0]];
    html += `<mark class="stmt s-${esc(first.status)}" data-items="${sp.items.join(",")}">` +
            esc(text.slice(sp.start, sp.end)) + "</mark>";
    cursor = sp.end;
  }
  return html + esc(text.slice(cursor));
}

export function statementCard(s, i) {
  const when = s.when && (s.when.text || s.when.start)
    ? `${esc(s.when.text || "")} ${s.when.start ? "(" + esc(s.when.start) + (s.when.end && s.when.end !== s.when.start ? " – " + esc(s.when.end) : "") + ")" : ""}`
    : "—";
  return `
    <div class="card stmt-item s-${esc(s.status)}" data-index="${i}" data-status="${esc(s.status)}"
         data-type="${esc(s.event.type)}">
      <div><span class="ev">${esc(s.event.type)}</span>
        <span class="muted">CAMEO ${esc(s.event.cameo)} · ${esc(s.event.trigger)}</span></div>
      <div>${statusBadge(s.status)}${s.hedged ? '<span class="badge hedged">hedged</span>' : ""}</div>
      <dl class="kv">
        <dt>actor</dt><dd class="actor">${esc(actorText(s.actor))}</dd>
        <dt>recipient</dt><dd class="recipient">${esc(actorText(s.recipient))}</dd>
        <dt>claimant</dt><dd class="claimant">${esc(claimantText(s))}</dd>
        <dt>via</dt><dd class="via">${esc(viaText(s.via) || "—")}</dd>
        <dt>when</dt><dd>${when}</dd>
        <dt>where</dt><dd>${esc(s.where ? s.where.text + (s.where.country ? " (" + s.where.country + ")" : "") : "—")}</dd>
      </dl>
    </div>`;
}

function markTip(s) {
  return `<b>${esc(s.event.type)}</b> ${esc(s.status)}${s.hedged ? " (hedged)" : ""}<br>` +
         `${esc(actorText(s.actor))} → ${esc(actorText(s.recipient))}<br>` +
         `claimant: ${esc(claimantText(s))}` + (s.via && s.via.length ? `<br>via ${esc(viaText(s.via))}` : "");
}

function filterForm(statements) {
  const types = [...new Set(statements.map((s) => s.event.type))].sort();
  const statuses = [...new Set(statements.map((s) => s.status))].sort();
  return `
    <form class="inline stmt-filter" id="stmt-filter" role="search" aria-label="filter statements">
      <input type="search" id="stmt-filter-text" placeholder="words, actor, claimant…" size="22">
      <select id="stmt-filter-type"><option value="">every type</option>
        ${types.map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join("")}</select>
      <select id="stmt-filter-status"><option value="">every status</option>
        ${statuses.map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join("")}</select>
      <span class="muted" id="stmt-filter-count"></span>
    </form>`;
}

// Searchable text of a statement: evidence, event, actors, claimant and relays.
function haystack(s) {
  return [s.evidence, s.event.type, s.event.trigger, actorText(s.actor), actorText(s.recipient),
          claimantText(s), viaText(s.via)].join(" ").toLowerCase();
}

function applyFilter(statements) {
  const words = document.getElementById("stmt-filter-text").value.toLowerCase().split(/\s+/).filter(Boolean);
  const type = document.getElementById("stmt-filter-type").value;
  const status = document.getElementById("stmt-filter-status").value;
  const shown = new Set();
  statements.forEach((s, i) => {
    const text = haystack(s);
    if ((!type || s.event.type === type) && (!status || s.status === status) &&
        words.every((w) => text.includes(w))) shown.add(i);
  });
  view.querySelectorAll(".stmt-item").forEach((card) => {
    card.hidden = !shown.has(Number(card.dataset.index));
  });
  view.querySelectorAll("mark.stmt").forEach((mark) => {
    const any = mark.dataset.items.split(",").some((i) => shown.has(Number(i)));
    mark.classList.toggle("dim", !any);
  });
  document.getElementById("stmt-filter-count").textContent =
    `${shown.size} of ${statements.length} statements shown`;
}

async function headlineTracker(doc) {
  const box = document.getElementById("headline-track");
  if (!box) return;
  try {
    const cands = (await api(`/api/questions/candidates?document=${encodeURIComponent(doc.id)}`)).items;
    if (!cands.length) { box.remove(); return; }
    const c = cands[0];
    const coded = `${esc(c.actor)} ${esc(c.event_type)} ${esc(c.recipient || "")}`;
    if (c.tracked) {
      const qs = (await api("/api/questions")).items;
      const q = qs.find((x) => x.source_document === doc.id) ||
                qs.find((x) => x.actor === c.actor && x.event_type === c.event_type && (x.recipient || null) === (c.recipient || null));
      box.innerHTML = `<span class="badge came-true">tracked</span> The headline's question (${coded}) is tracked` +
        (q ? `: <a id="tracked-question" href="#/question/${encodeURIComponent(q.id)}">${esc(q.text)}</a>` : ".");
      return;
    }
    box.innerHTML = `
      <form class="inline" id="track-form">
        <span>The headline asks a question (${coded}).</span>
        <input id="track-token" type="password" placeholder="API token" size="12" ${token() ? "hidden" : ""}>
        <button type="submit" id="track-headline">Track this headline</button>
        <span id="track-msg" class="muted" role="status"></span>
      </form>`;
    document.getElementById("track-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const field = document.getElementById("track-token");
      if (field.value.trim()) setToken(field.value.trim());
      try {
        const q = await api("/api/questions/from-headline", {
          method: "POST", headers: authHeaders(), body: JSON.stringify({ document: doc.id }) });
        location.hash = "#/question/" + encodeURIComponent(q.id);
      } catch (err) {
        field.hidden = false;
        const msg = document.getElementById("track-msg");
        msg.className = "error";
        msg.textContent = err.message;
      }
    });
  } catch (err) {
    box.innerHTML = errorBox(err);
  }
}

export async function renderDocument(id) {
  setActiveNav("search");
  view.innerHTML = `<p class="muted">Loading…</p>`;
  let rec;
  try {
    rec = await api("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    view.innerHTML = errorBox(err);
    return;
  }
  const doc = rec.document;
  const statements = rec.statements || [];
  const headline = statements.map((s, i) => [s, i]).filter(([s]) => s.sentence === -1);
  const body = statements.map((s, i) => [s, i]).filter(([s]) => s.sentence !== -1);
  const asks = headline.some(([s]) => s.status === "question");
  view.innerHTML = `
    <h1 id="doc-title">${esc(doc.title || doc.id)}</h1>
    <p class="muted" id="doc-meta">${[
      esc(doc.published || "undated"),
      doc.site ? esc(doc.site) : "",
      doc.credited_source ? "credited: " + esc(doc.credited_source) : "",
      doc.url ? `<a href="${esc(doc.url)}" target="_blank" rel="noopener">original</a>` : "",
      `${statements.length} statement(s)`].filter(Boolean).join(" · ")}</p>
    ${asks ? '<div id="headline-track" class="card track"></div>' : ""}
    ${statusLegend()}
    <div class="layout">
      <div>
        ${headline.length ? `<h2>Headline</h2>` + headline.map(([s, i]) => statementCard(s, i)).join("") : ""}
        <h2>Text</h2>
        <div class="article-text" id="article-text">${highlightedText(doc.text || "", statements)}</div>
      </div>
      <div>
        <h2>Statements in the text <span class="muted">(${body.length})</span></h2>
        ${statements.length > LONG ? filterForm(statements) : ""}
        <div id="statement-list">${body.map(([s, i]) => statementCard(s, i)).join("") ||
          '<p class="muted">No coded statements.</p>'}</div>
      </div>
    </div>`;
  const cards = (idxs) => idxs.map((i) => view.querySelector(`.stmt-item[data-index="${i}"]`)).filter(Boolean);
  view.querySelectorAll("mark.stmt").forEach((mark) => {
    const idxs = mark.dataset.items.split(",").map(Number);
    mark.addEventListener("mouseenter", (e) => {
      cards(idxs).forEach((c) => c.classList.add("hot"));
      showTip(e, idxs.map((i) => markTip(statements[i])).join("<hr>"));
    });
    mark.addEventListener("mouseleave", () => {
      cards(idxs).forEach((c) => c.classList.remove("hot"));
      hideTip();
    });
    mark.addEventListener("click", () => {
      const c = cards(idxs).find((x) => !x.hidden);
      if (c) c.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
  view.querySelectorAll(".stmt-item").forEach((card) => {
    const i = card.dataset.index;
    card.addEventListener("click", () => {
      view.querySelectorAll("mark.stmt.hot").forEach((m) => m.classList.remove("hot"));
      const mark = [...view.querySelectorAll("mark.stmt")].find((m) => m.dataset.items.split(",").includes(i));
      if (mark) { mark.classList.add("hot"); mark.scrollIntoView({ behavior: "smooth", block: "center" }); }
    });
  });
  const filter = document.getElementById("stmt-filter");
  if (filter) {
    filter.addEventListener("input", () => applyFilter(statements));
    filter.addEventListener("change", () => applyFilter(statements));
    filter.addEventListener("submit", (e) => e.preventDefault());
    applyFilter(statements);
  }
  headlineTracker(doc);
}
