// Helpers every page uses: escaping, API calls with readable errors, routes, labels, SVG.

export const view = document.getElementById("view");
const tooltip = document.getElementById("tooltip");
const SVGNS = "http://www.w3.org/2000/svg";

export function esc(value) {
  return String(value == null ? "" : value).replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// ---------------------------------------------------------------- errors as sentences

function sentence(text) {
  const t = String(text || "").trim();
  if (!t) return "";
  const s = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : s + ".";
}

// One FastAPI/pydantic validation item ({loc, msg, type, input}) as a sentence.
function validationSentence(item) {
  const loc = (item.loc || []).filter((p) => !["query", "body", "path", "header"].includes(p));
  const name = loc.join(".") || "the request";
  const msg = String(item.msg || "is not valid").replace(/^Value error, /, "");
  if (item.type === "missing") return `“${name}” is required.`;
  if (item.type === "extra_forbidden") return `“${name}” is not a parameter this page takes.`;
  const given = item.input != null && typeof item.input !== "object" ? ` (given “${item.input}”)` : "";
  return `“${name}”${given} is not valid: ${msg.charAt(0).toLowerCase() + msg.slice(1)}${/[.!?]$/.test(msg) ? "" : "."}`;
}

// The error body of an API answer, whatever its shape, as plain sentences.
export function errorText(status, body, statusText) {
  const detail = body && body.detail !== undefined ? body.detail : body;
  let text;
  if (typeof detail === "string") text = sentence(detail);
  else if (Array.isArray(detail)) text = detail.map((d) => (typeof d === "string" ? sentence(d) : validationSentence(d))).join(" ");
  else if (detail && typeof detail === "object") {
    text = sentence(detail.message || detail.error ||
      Object.entries(detail).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`).join("; "));
  }
  if (!text) text = `The server answered ${status}${statusText ? " " + statusText : ""}.`;
  if (status === 401) return "The API token was not accepted. " + text;
  if (status === 403) return "Writing is not allowed here. " + text;
  if (status >= 500) return "The server could not answer. " + text;
  return text;
}

export async function api(path, options) {
  let res;
  try {
    res = await fetch(path, options);
  } catch (err) {
    throw new Error("The server could not be reached. Check that `claimgraph serve` is running.");
  }
  const raw = await res.text();
  let body = null;
  try { body = raw ? JSON.parse(raw) : null; } catch (err) { body = raw.trim() || null; }
  if (!res.ok) throw new Error(errorText(res.status, body, res.statusText));
  return body;
}

export function errorBox(err) {
  return `<p class="error" role="alert">${esc(err.message || err)}</p>`;
}

// ---------------------------------------------------------------- routes and forms

export function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent),
           params: new URLSearchParams(query || "") };
}

// A query string of the non-empty values: {a: "RUS", b: ""} -> "a=RUS".
export function query(values) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && v !== null && String(v).trim() !== "") p.set(k, String(v).trim());
  }
  return p.toString();
}

// The values of a form's named fields.
export function formValues(form) {
  const out = {};
  for (const el of form.elements) if (el.name) out[el.name] = el.value.trim();
  return out;
}

export function setActiveNav(name) {
  document.querySelectorAll("header nav a").forEach((a) => {
    a.classList.toggle("active", a.dataset.nav === name);
  });
}

export function token() { return sessionStorage.getItem("claimgraph-token") || ""; }
export function setToken(value) { sessionStorage.setItem("claimgraph-token", value || ""); }
export function authHeaders() {
  return { "Content-Type": "application/json", "Authorization": "Bearer " + token() };
}

// ---------------------------------------------------------------- labels

export function actorText(refs) {
  return (refs || []).map((a) => {
    const code = a.code === "IGO" && a.org ? a.org : [a.code, a.sector].filter(Boolean).join(" ");
    return code ? `${a.text} (${code})` : a.text;
  }).join(", ") || "—";
}

export function claimantText(s) {
  if (!s.claimant) return "the article";
  if (typeof s.claimant === "string") return s.claimant;
  return s.claimant.text + (s.claimant.cue ? ` (${s.claimant.cue})` : "");
}

export function viaText(via) {
  return (via || []).map((r) => r.text).join(" › ");
}

export function badge(text, cls) {
  return `<span class="badge ${esc(cls || text)}">${esc(text)}</span>`;
}

// Statuses: an Okabe–Ito colour each, and a glyph and the word, so colour is never the only cue.
export const STATUSES = [
  ["asserted", "●", "it happened (asserted)"],
  ["future", "▶", "will happen (prediction)"],
  ["negated", "✕", "denied or did not happen"],
  ["hypothetical", "◆", "conditional"],
  ["question", "?", "asked"],
];

export function statusBadge(status) {
  const entry = STATUSES.find(([s]) => s === status);
  const glyph = entry ? entry[1] : "•";
  return `<span class="badge st st-${esc(status)}" title="${esc(entry ? entry[2] : status)}">` +
         `<i aria-hidden="true">${glyph}</i> ${esc(status)}</span>`;
}

export function statusLegend() {
  return `<div class="legend status-legend" aria-label="status legend">` + STATUSES.map(([s, , what]) =>
    `<span class="legend-item" data-legend="${s}">${statusBadge(s)} <span class="muted">${esc(what)}</span></span>`).join("") +
    `</div>`;
}

// ---------------------------------------------------------------- tooltip and SVG

export function showTip(evt, html) {
  tooltip.innerHTML = html;
  tooltip.hidden = false;
  tooltip.style.left = Math.min(evt.clientX + 12, window.innerWidth - 360) + "px";
  tooltip.style.top = (evt.clientY + 14) + "px";
}

export function hideTip() { tooltip.hidden = true; }

export function svg(tag, attrs, parent) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

// ---------------------------------------------------------------- pages of lists

// "21–40 of 187" and previous/next links that keep the other parameters of the route.
export function pager(base, params, total, limit, offset) {
  const first = total ? offset + 1 : 0;
  const last = Math.min(offset + limit, total);
  const link = (to, text, rel) => {
    const p = new URLSearchParams(params);
    if (to) p.set("offset", String(to)); else p.delete("offset");
    return `<a class="page-${rel}" href="#/${base}?${p.toString()}">${text}</a>`;
  };
  return `<div class="pager"><span class="page-range">${first}–${last} of ${total}</span>` +
    (offset > 0 ? link(Math.max(0, offset - limit), "‹ previous", "prev") : "") +
    (last < total ? link(offset + limit, "next ›", "next") : "") + `</div>`;
}

export function options(values, selected, blank) {
  return (blank !== undefined ? `<option value="">${esc(blank)}</option>` : "") +
    values.map((v) => {
      const [value, label] = Array.isArray(v) ? v : [v, v];
      return `<option value="${esc(value)}"${String(value) === String(selected) ? " selected" : ""}>${esc(label)}</option>`;
    }).join("");
}

let facetCache = null;
export async function facets() {
  if (!facetCache) facetCache = api("/api/facets").catch((err) => { facetCache = null; throw err; });
  return facetCache;
}
