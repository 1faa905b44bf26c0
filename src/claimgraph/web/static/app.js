// claimgraph dashboard: a hash-routed single page over the REST API. No framework, no CDN.
"use strict";

const view = document.getElementById("view");
const tooltip = document.getElementById("tooltip");
const SVGNS = "http://www.w3.org/2000/svg";

// ---------------------------------------------------------------- helpers

function esc(value) {
  return String(value == null ? "" : value).replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : res.statusText);
  return body;
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent),
           params: new URLSearchParams(query || "") };
}

function actorText(refs) {
  return (refs || []).map((a) => {
    const code = a.code === "IGO" && a.org ? a.org : [a.code, a.sector].filter(Boolean).join(" ");
    return code ? `${a.text} (${code})` : a.text;
  }).join(", ") || "—";
}

function claimantText(s) {
  if (!s.claimant) return "the article";
  return s.claimant.text + (s.claimant.cue ? ` (${s.claimant.cue})` : "");
}

function viaText(via) {
  return (via || []).map((r) => r.text).join(" › ");
}

function badge(text, cls) {
  return `<span class="badge ${esc(cls || text)}">${esc(text)}</span>`;
}

function setActiveNav(name) {
  document.querySelectorAll("header nav a").forEach((a) => {
    a.classList.toggle("active", a.dataset.nav === name);
  });
}

function showTip(evt, html) {
  tooltip.innerHTML = html;
  tooltip.hidden = false;
  tooltip.style.left = Math.min(evt.clientX + 12, window.innerWidth - 360) + "px";
  tooltip.style.top = (evt.clientY + 14) + "px";
}

function hideTip() { tooltip.hidden = true; }

function svg(tag, attrs, parent) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

// ---------------------------------------------------------------- search

async function renderSearch(params) {
  setActiveNav("search");
  const q = params.get("q") || "";
  view.innerHTML = `
    <h1>Search</h1>
    <form class="inline" id="search-form">
      <input type="search" id="search-input" name="q" placeholder="Words in titles or text, e.g. Belarus war"
             value="${esc(q)}" autofocus>
      <button type="submit">Search</button>
    </form>
    <div id="search-results" class="muted">Loading…</div>`;
  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const value = document.getElementById("search-input").value.trim();
    location.hash = "#/search?q=" + encodeURIComponent(value);
  });
  const box = document.getElementById("search-results");
  try {
    let docs;
    if (q) {
      docs = (await api("/api/search?q=" + encodeURIComponent(q))).documents;
    } else {
      docs = await api("/api/documents?limit=30");
    }
    const heading = q ? `${docs.length} document(s) for “${esc(q)}”` : "Latest documents";
    box.classList.remove("muted");
    box.innerHTML = `<p class="muted" id="search-count">${heading}</p>` + docs.map((d) => `
      <div class="card result">
        <h3><a class="doc-link" href="#/doc/${encodeURIComponent(d.id)}">${esc(d.title || d.id)}</a></h3>
        <div class="muted">${esc(d.published || "")} · ${esc(d.site || "")} ·
          ${esc(d.statements)} statement(s)</div>
        ${d.snippet ? `<p class="snippet">${esc(d.snippet)}</p>` : ""}
      </div>`).join("");
  } catch (err) {
    box.innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

// ---------------------------------------------------------------- article view

function highlightedText(text, statements) {
  // Statements of one sentence share its span: one mark per span, listing all of them.
  const bySpan = new Map();
  statements.forEach((s, i) => {
    if (!s.span) return;
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

function statementCard(s, i) {
  const when = s.when && (s.when.text || s.when.start)
    ? `${esc(s.when.text || "")} ${s.when.start ? "(" + esc(whenLabel(s.when)) + ")" : ""}`
    : "—";
  return `
    <div class="card stmt-item s-${esc(s.status)}" data-index="${i}">
      <div><span class="ev">${esc(s.event.type)}</span>
        <span class="muted">CAMEO ${esc(s.event.cameo)} · ${esc(s.event.trigger)}</span></div>
      <div>${badge(s.status)}${s.hedged ? badge("hedged", "hypothetical") : ""}</div>
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

async function renderDocument(id) {
  setActiveNav("search");
  view.innerHTML = `<p class="muted">Loading…</p>`;
  let rec;
  try {
    rec = await api("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    view.innerHTML = `<p class="error">${esc(err.message)}</p>`;
    return;
  }
  const doc = rec.document;
  const statements = rec.statements || [];
  const headline = statements.map((s, i) => [s, i]).filter(([s]) => s.sentence === -1);
  const body = statements.map((s, i) => [s, i]).filter(([s]) => s.sentence !== -1);
  view.innerHTML = `
    <h1 id="doc-title">${esc(doc.title || doc.id)}</h1>
    <p class="muted" id="doc-meta">${[
      esc(doc.published || "undated"),
      doc.site ? esc(doc.site) : "",
      doc.credited_source ? "credited: " + esc(doc.credited_source) : "",
      doc.url ? `<a href="${esc(doc.url)}" target="_blank" rel="noopener">original</a>` : "",
      `${statements.length} statement(s)`].filter(Boolean).join(" · ")}</p>
    <div class="layout">
      <div>
        ${headline.length ? `<h2>Headline</h2>` + headline.map(([s, i]) => statementCard(s, i)).join("") : ""}
        <h2>Text</h2>
        <div class="article-text" id="article-text">${highlightedText(doc.text || "", statements)}</div>
      </div>
      <div>
        <h2>Statements in the text <span class="muted">(${body.length})</span></h2>
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
      const c = cards(idxs)[0];
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
}

// ---------------------------------------------------------------- questions

async function renderQuestions() {
  setActiveNav("questions");
  view.innerHTML = `<h1>Tracked questions</h1><div id="question-list" class="muted">Loading…</div>
    <h2>Track a question</h2>
    <form class="inline" id="question-form">
      <input id="q-text" placeholder="Will Belarus join the war against Ukraine?" size="40" required>
      <input id="q-actor" placeholder="actor (BLR)" size="9">
      <input id="q-type" placeholder="type (ASSAULT)" size="11">
      <input id="q-recipient" placeholder="recipient (UKR)" size="11">
      <input id="q-deadline" type="date">
      <input id="q-token" type="password" placeholder="API token" size="12">
      <button type="submit">Track</button>
    </form>
    <p id="question-form-msg" class="muted"></p>
    <h2>Questions asked by headlines</h2><div id="candidate-list" class="muted">Loading…</div>`;
  document.getElementById("q-token").value = sessionStorage.getItem("claimgraph-token") || "";
  document.getElementById("question-form").addEventListener("submit", submitQuestion);
  try {
    const qs = await api("/api/questions");
    document.getElementById("question-list").classList.remove("muted");
    document.getElementById("question-list").innerHTML = qs.length ? qs.map((q) => `
      <div class="card question">
        <h3><a class="question-link" href="#/question/${encodeURIComponent(q.id)}">${esc(q.text)}</a></h3>
        <div class="muted">${esc(q.actor)} ${esc(q.event_type)} ${esc(q.recipient || "")}
          · deadline ${esc(q.deadline || "none")}</div>
      </div>`).join("") : `<p class="muted">No tracked questions yet.</p>`;
    const cands = await api("/api/questions/candidates?limit=50");
    document.getElementById("candidate-list").classList.remove("muted");
    document.getElementById("candidate-list").innerHTML = cands.length ? `<table>
      <tr><th>date</th><th>headline</th><th>coded as</th><th></th></tr>` + cands.map((c) => `
      <tr><td>${esc(c.date || "")}</td>
        <td><a href="#/doc/${encodeURIComponent(c.document_id)}">${esc(c.text)}</a></td>
        <td>${esc(c.actor)} ${esc(c.event_type)} ${esc(c.recipient || "")}</td>
        <td>${c.tracked ? badge("tracked", "came-true") : ""}</td></tr>`).join("") + "</table>"
      : `<p class="muted">No headline asks a codable question.</p>`;
  } catch (err) {
    document.getElementById("question-list").innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

async function submitQuestion(e) {
  e.preventDefault();
  const val = (id) => document.getElementById(id).value.trim();
  const token = val("q-token");
  sessionStorage.setItem("claimgraph-token", token);
  const body = { text: val("q-text") };
  for (const [k, id] of [["actor", "q-actor"], ["type", "q-type"], ["recipient", "q-recipient"],
                         ["deadline", "q-deadline"]]) {
    if (val(id)) body[k] = val(id);
  }
  const msg = document.getElementById("question-form-msg");
  try {
    const q = await api("/api/questions", {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token } });
    location.hash = "#/question/" + encodeURIComponent(q.id);
  } catch (err) {
    msg.className = "error";
    msg.textContent = err.message;
  }
}

// A time as precise as the text gives it: "1941", "2022-06", "2022-06-21", else a range.
function whenLabel(w) {
  const g = w.granularity;
  if (g === "year") return w.start.slice(0, 4);
  if (g === "month") return w.start.slice(0, 7);
  if (!w.end || w.end === w.start) return w.start;
  return w.start + " – " + w.end;
}

const GROUPS = [["asserted", "It happened: assertions"], ["future", "Predictions"],
                ["negated", "Denials"], ["hypothetical", "Conditional claims"],
                ["question", "Asked"]];

function boardEntry(e, group) {
  const outcome = group === "future"
    ? `<div>deadline ${esc(e.deadline || "none")} ${badge(e.outcome)}` +
      (e.confirmed_by ? ` confirmed by <a href="#/doc/${encodeURIComponent(e.confirmed_by.document_id)}">${esc(e.confirmed_by.title || e.confirmed_by.document_id)}</a> (${esc(e.confirmed_by.event_date)})` : "") +
      `</div>` : "";
  return `
    <div class="card entry">
      <div class="evidence">“${esc(e.evidence)}”</div>
      <div class="muted">
        <span class="claimant">${esc(e.claimant)}</span>${e.claimant_cue ? " (" + esc(e.claimant_cue) + ")" : ""}
        ${e.via.length ? " via " + esc(e.via.join(" › ")) : ""}
        · ${esc(e.date || "undated")}${e.hedged ? " · hedged" : ""}${e.headline ? " · headline" : ""}
        · <a class="article-link" href="#/doc/${encodeURIComponent(e.document_id)}">${esc(e.title || e.document_id)}</a>
      </div>
      ${outcome}
      ${e.why ? `<ul class="why">${e.why.map((w) => `<li class="${w.ok ? "ok" : "miss"}">${esc(w.reason)}</li>`).join("")}</ul>` : ""}
    </div>`;
}

async function renderQuestion(id) {
  setActiveNav("questions");
  view.innerHTML = `<p class="muted">Loading…</p>`;
  let b;
  try {
    b = await api("/api/questions/" + encodeURIComponent(id));
  } catch (err) {
    view.innerHTML = `<p class="error">${esc(err.message)}</p>`;
    return;
  }
  const q = b.question;
  view.innerHTML = `
    <h1 id="question-text">${esc(q.text)}</h1>
    <p class="muted">${esc(q.actor)} ${esc(q.event_type)} ${esc(q.recipient || "")}
      · deadline ${esc(q.deadline || "none")} · state ${badge(b.state)} as of ${esc(b.as_of)}
      · ${esc(b.reports)} reporting document(s)</p>
    <div id="board">` + GROUPS.map(([key, title]) => {
      const entries = b.groups[key] || [];
      return `<section class="board-group" data-status="${key}">
        <h2>${esc(title)} <span class="count">(${entries.length})</span></h2>
        ${entries.map((e) => boardEntry(e, key)).join("") || '<p class="muted">None.</p>'}
      </section>`;
    }).join("") + `
      <details class="board-group" data-status="related">
        <summary><h2>Related: near misses <span class="count">(${b.related_total ?? (b.related || []).length})</span></h2></summary>
        <p class="muted">Statements that miss one criterion (another or no recipient, a related event type, a time past the deadline); they do not decide the question.</p>
        ${(b.related || []).map((e) => `<div class="related-entry">${badge(e.event_type, "open")}${badge(e.status)}</div>` + boardEntry(e, "related")).join("") || '<p class="muted">None.</p>'}
      </details>
      <h2>Claimants' records on predictions of this kind</h2>
      <table id="claimant-records"><tr><th>claimant</th><th class="num">predictions</th>
        <th class="num">came true</th><th class="num">expired</th><th class="num">open</th></tr>
      ${b.claimants.map((c) => `<tr><td>${esc(c.claimant)}</td><td class="num">${c.predictions}</td>
        <td class="num">${c["came-true"]}</td><td class="num">${c.expired}</td>
        <td class="num">${c.open}</td></tr>`).join("")}</table>
    </div>`;
}

// ---------------------------------------------------------------- timelines

function drawTimeline(container, data) {
  const weeks = data.weeks;
  const W = 960, H = 320, m = { l: 44, r: 44, t: 14, b: 40 };
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
                            "aria-label": `weekly timeline ${data.a}-${data.b}` });
  if (!weeks.length) {
    svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, root).textContent = "No events";
    container.appendChild(root);
    return;
  }
  const maxCount = Math.max(1, ...weeks.map((w) => Math.max(w.cooperation, w.conflict)));
  const plotH = H - m.t - m.b, mid = m.t + plotH / 2;
  const step = (W - m.l - m.r) / weeks.length;
  const bw = Math.max(1, step * 0.8);
  const y = (n) => (plotH / 2) * (n / maxCount);
  for (const frac of [-1, -0.5, 0.5, 1]) {
    const yy = mid - frac * plotH / 2;
    svg("line", { x1: m.l, x2: W - m.r, y1: yy, y2: yy, class: "grid" }, root);
    svg("text", { x: m.l - 6, y: yy + 4, "text-anchor": "end" }, root).textContent =
      String(Math.round(Math.abs(frac) * maxCount * 10) / 10);
  }
  svg("line", { x1: m.l, x2: W - m.r, y1: mid, y2: mid, class: "axis" }, root);
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  weeks.forEach((w, i) => {
    const x = m.l + i * step + (step - bw) / 2;
    const tip = `<b>week of ${esc(w.week)}</b><br>${w.count} event(s): ${w.cooperation} cooperation, ` +
                `${w.conflict} conflict<br>${esc(data.a)}→${esc(data.b)} ${w.ab}, ` +
                `${esc(data.b)}→${esc(data.a)} ${w.ba}<br>mean intensity ${w.mean_intensity == null ? "—" : w.mean_intensity}`;
    if (w.cooperation) {
      const r = svg("rect", { x, width: bw, y: mid - y(w.cooperation), height: y(w.cooperation),
                              class: "bar-coop", "data-week": w.week }, root);
      r.addEventListener("mousemove", (e) => showTip(e, tip));
      r.addEventListener("mouseleave", hideTip);
    }
    if (w.conflict) {
      const r = svg("rect", { x, width: bw, y: mid, height: y(w.conflict), class: "bar-conflict",
                              "data-week": w.week }, root);
      r.addEventListener("mousemove", (e) => showTip(e, tip));
      r.addEventListener("mouseleave", hideTip);
    }
    if (i % labelEvery === 0) {
      svg("text", { x: m.l + i * step + step / 2, y: H - m.b + 16, "text-anchor": "middle" }, root)
        .textContent = weeks.length > 26 ? w.week.slice(0, 7) : w.week;
    }
  });
  // Mean intensity (-10..10) on the right axis, as a line over weeks that have events.
  const yi = (v) => mid - (v / 10) * (plotH / 2);
  svg("text", { x: W - m.r + 6, y: m.t + 8 }, root).textContent = "+10";
  svg("text", { x: W - m.r + 6, y: H - m.b }, root).textContent = "-10";
  let d = "";
  weeks.forEach((w, i) => {
    if (w.mean_intensity == null) return;
    const x = m.l + i * step + step / 2;
    d += (d ? " L" : "M") + x.toFixed(1) + " " + yi(w.mean_intensity).toFixed(1);
    svg("circle", { cx: x, cy: yi(w.mean_intensity), r: 2.2, fill: "#1f2d3d" }, root);
  });
  if (d) svg("path", { d, class: "line-intensity" }, root);
  container.appendChild(root);
}

async function renderTimeline(params) {
  setActiveNav("timeline");
  const a = (params.get("a") || "RUS").toUpperCase();
  const b = (params.get("b") || "BLR").toUpperCase();
  const unit = params.get("unit") || "events";
  view.innerHTML = `
    <h1>Dyad timeline</h1>
    <form class="inline" id="timeline-form">
      <input id="tl-a" value="${esc(a)}" size="8" aria-label="actor A">
      <span>and</span>
      <input id="tl-b" value="${esc(b)}" size="8" aria-label="actor B">
      <select id="tl-unit"><option value="events">count events</option>
        <option value="statements">count statements</option></select>
      <button type="submit">Show</button>
      <span class="presets">
        <a href="#/timeline?a=RUS&b=BLR">Russia–Belarus</a>
        <a href="#/timeline?a=BLR&b=UKR">Belarus–Ukraine</a>
        <a href="#/timeline?a=RUS&b=UKR">Russia–Ukraine</a>
      </span>
    </form>
    <h2 id="timeline-title"></h2>
    <div class="legend"><span><i style="background:var(--coop)"></i>cooperation (up)</span>
      <span><i style="background:var(--conflict)"></i>conflict (down)</span>
      <span><i style="background:#1f2d3d;height:2px"></i>mean intensity (right axis)</span></div>
    <div class="chart" id="chart"></div>
    <h2>Weeks</h2><div id="timeline-table"></div>`;
  document.getElementById("tl-unit").value = unit;
  document.getElementById("timeline-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = (id) => encodeURIComponent(document.getElementById(id).value.trim());
    location.hash = `#/timeline?a=${v("tl-a")}&b=${v("tl-b")}&unit=${v("tl-unit")}`;
  });
  try {
    const data = await api(`/api/timeline?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&unit=${encodeURIComponent(unit)}`);
    document.getElementById("timeline-title").textContent =
      `${data.a} – ${data.b}: ${data.total} ${data.unit} in ${data.weeks.length} week(s)`;
    drawTimeline(document.getElementById("chart"), data);
    const busy = data.weeks.filter((w) => w.count);
    document.getElementById("timeline-table").innerHTML = `<table>
      <tr><th>week</th><th class="num">${esc(data.unit)}</th><th class="num">${esc(data.a)}→${esc(data.b)}</th>
      <th class="num">${esc(data.b)}→${esc(data.a)}</th><th class="num">cooperation</th>
      <th class="num">conflict</th><th class="num">mean intensity</th></tr>` + busy.map((w) => `
      <tr><td>${esc(w.week)}</td><td class="num">${w.count}</td><td class="num">${w.ab}</td>
      <td class="num">${w.ba}</td><td class="num">${w.cooperation}</td><td class="num">${w.conflict}</td>
      <td class="num">${w.mean_intensity == null ? "" : w.mean_intensity}</td></tr>`).join("") + "</table>";
  } catch (err) {
    document.getElementById("chart").innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

// ---------------------------------------------------------------- network

function drawNetwork(container, data) {
  const W = 900, H = 640, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 70;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const n = data.nodes.length;
  const pos = new Map();
  data.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    pos.set(node.id, { x: cx + R * Math.cos(angle), y: cy + R * Math.sin(angle), angle });
  });
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
  const maxNode = Math.max(1, ...data.nodes.map((d) => d.weight));
  for (const e of data.edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    if (!s || !t) continue;
    const conflictShare = e.conflict / Math.max(1, e.conflict + e.cooperation);
    const color = `rgb(${Math.round(46 + 146 * conflictShare)}, ${Math.round(139 - 82 * conflictShare)}, ${Math.round(87 - 44 * conflictShare)})`;
    // Curved edges keep A→B and B→A apart.
    const mx = (s.x + t.x) / 2 + (cy - (s.y + t.y) / 2) * 0.15, my = (s.y + t.y) / 2 + ((s.x + t.x) / 2 - cx) * 0.15;
    const path = svg("path", { d: `M${s.x} ${s.y} Q${mx} ${my} ${t.x} ${t.y}`, class: "edge",
                               stroke: color, "stroke-opacity": 0.75,
                               "stroke-width": 1 + 7 * (e.count / maxEdge),
                               "data-source": e.source, "data-target": e.target }, root);
    path.addEventListener("mousemove", (evt) => showTip(evt,
      `<b>${esc(e.source)} → ${esc(e.target)}</b><br>${e.count} statement(s): ${e.cooperation} cooperation, ` +
      `${e.conflict} conflict<br>mean intensity ${e.mean_intensity == null ? "—" : e.mean_intensity}`));
    path.addEventListener("mouseleave", hideTip);
  }
  for (const node of data.nodes) {
    const p = pos.get(node.id);
    const c = svg("circle", { cx: p.x, cy: p.y, r: 5 + 14 * Math.sqrt(node.weight / maxNode),
                              class: "node", fill: "#2557a7", "data-id": node.id }, root);
    c.addEventListener("mousemove", (evt) => showTip(evt, `<b>${esc(node.label)}</b><br>${node.weight} statement link(s)`));
    c.addEventListener("mouseleave", hideTip);
    c.addEventListener("click", () => {
      const partner = data.edges.filter((e) => e.source === node.id || e.target === node.id)
        .sort((x, y) => y.count - x.count)[0];
      if (partner) {
        const other = partner.source === node.id ? partner.target : partner.source;
        hideTip();
        location.hash = `#/timeline?a=${encodeURIComponent(node.id)}&b=${encodeURIComponent(other)}`;
      }
    });
    const lx = cx + (R + 26) * Math.cos(p.angle), ly = cy + (R + 26) * Math.sin(p.angle);
    svg("text", { x: lx, y: ly + 4, "text-anchor": Math.cos(p.angle) > 0.2 ? "start" : Math.cos(p.angle) < -0.2 ? "end" : "middle",
                  class: "label" }, root).textContent = node.label;
  }
  container.appendChild(root);
}

async function renderNetwork(params) {
  setActiveNav("network");
  const minCount = params.get("min") || "2";
  view.innerHTML = `
    <h1>Actor network</h1>
    <form class="inline" id="network-form">
      <label>at least <input id="nw-min" type="number" min="1" value="${esc(minCount)}" style="width:5rem"> statements per link</label>
      <button type="submit">Show</button>
      <span class="muted">Edge colour: green cooperation … red conflict; width: statements. Click an actor for its busiest dyad.</span>
    </form>
    <div class="chart" id="network"></div>`;
  document.getElementById("network-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/network?min=" + encodeURIComponent(document.getElementById("nw-min").value);
  });
  try {
    const data = await api("/api/network?min_count=" + encodeURIComponent(minCount));
    if (!data.nodes.length) {
      document.getElementById("network").innerHTML = `<p class="muted">No links with that many statements.</p>`;
      return;
    }
    drawNetwork(document.getElementById("network"), data);
  } catch (err) {
    document.getElementById("network").innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

// ---------------------------------------------------------------- router

async function render() {
  hideTip();
  const { parts, params } = route();
  const [page, arg] = parts;
  if (page === "doc" && arg) return renderDocument(arg);
  if (page === "questions") return renderQuestions();
  if (page === "question" && arg) return renderQuestion(arg);
  if (page === "timeline") return renderTimeline(params);
  if (page === "network") return renderNetwork(params);
  return renderSearch(params);
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    document.getElementById("stats").textContent =
      `${s.documents} documents · ${s.statements} statements${s.writable ? "" : " · read-only"}`;
  } catch (err) { /* the header line is optional */ }
}

window.addEventListener("hashchange", render);
loadStats();
render();
