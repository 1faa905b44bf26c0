// Actor network: coded actors on a circle, directed edges coloured from cooperation (blue) to
// conflict (vermillion) and as wide as their count; labels are placed so they never overlap.
import {
  api, errorBox, esc, facets, formValues, hideTip, options, query, setActiveNav, showTip, svg, view,
} from "./common.js";
import { placeLabels } from "./labels.js";

// Okabe–Ito blue (cooperation) to vermillion (conflict): apart for every kind of colour vision.
const COOP = [0, 114, 178], CONFLICT = [213, 94, 0];

function edgeColour(conflictShare) {
  const c = COOP.map((v, i) => Math.round(v + (CONFLICT[i] - v) * conflictShare));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

function drawNetwork(container, data) {
  const n = data.nodes.length;
  const R = Math.max(200, n * 7);
  const cx = 0, cy = 0;
  const root = svg("svg", { role: "img", "aria-label": "actor network" });
  container.appendChild(root);
  const edgeLayer = svg("g", {}, root), nodeLayer = svg("g", {}, root), labelLayer = svg("g", {}, root);
  const pos = new Map();
  const maxNode = Math.max(1, ...data.nodes.map((d) => d.weight));
  data.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    pos.set(node.id, { x: cx + R * Math.cos(angle), y: cy + R * Math.sin(angle), angle,
                       r: 5 + 14 * Math.sqrt(node.weight / maxNode) });
  });
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
  for (const e of data.edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    if (!s || !t) continue;
    const share = e.conflict / Math.max(1, e.conflict + e.cooperation);
    // Curved edges keep A→B and B→A apart.
    const mx = (s.x + t.x) / 2 + (cy - (s.y + t.y) / 2) * 0.15, my = (s.y + t.y) / 2 + ((s.x + t.x) / 2 - cx) * 0.15;
    const path = svg("path", { d: `M${s.x} ${s.y} Q${mx} ${my} ${t.x} ${t.y}`, class: "edge",
                               stroke: edgeColour(share), "stroke-opacity": 0.7,
                               "stroke-width": 1 + 7 * (e.count / maxEdge),
                               "data-source": e.source, "data-target": e.target }, edgeLayer);
    path.addEventListener("mousemove", (evt) => showTip(evt,
      `<b>${esc(e.source)} → ${esc(e.target)}</b><br>${e.count} statement(s): ${e.cooperation} cooperation, ` +
      `${e.conflict} conflict<br>mean intensity ${e.mean_intensity == null ? "—" : e.mean_intensity}`));
    path.addEventListener("mouseleave", hideTip);
  }
  const texts = [];
  for (const node of data.nodes) {
    const p = pos.get(node.id);
    const c = svg("circle", { cx: p.x, cy: p.y, r: p.r, class: "node", "data-id": node.id }, nodeLayer);
    c.addEventListener("mousemove", (evt) => showTip(evt,
      `<b>${esc(node.name || node.label)}</b> (${esc(node.label)})<br>${node.weight} statement link(s)`));
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
    const t = svg("text", { class: "label", "data-id": node.id, "dominant-baseline": "central" }, labelLayer);
    t.textContent = node.label;
    texts.push(t);
  }
  // Measure the labels as drawn, then place them; nodes come busiest first from the API.
  const items = data.nodes.map((node, i) => {
    const p = pos.get(node.id), box = texts[i].getBBox();
    return { x: p.x, y: p.y, r: p.r, angle: p.angle, width: box.width, height: box.height };
  });
  const placed = placeLabels(items);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  placed.forEach((pl, i) => {
    const t = texts[i], p = pos.get(data.nodes[i].id);
    t.setAttribute("x", pl.x.toFixed(1));
    t.setAttribute("y", pl.y.toFixed(1));
    t.setAttribute("text-anchor", pl.anchor);
    if (pl.moved) {
      svg("line", { x1: p.x, y1: p.y, x2: pl.x, y2: pl.y, class: "leader" }, edgeLayer);
    }
    x0 = Math.min(x0, pl.box.x0, p.x - p.r); x1 = Math.max(x1, pl.box.x1, p.x + p.r);
    y0 = Math.min(y0, pl.box.y0, p.y - p.r); y1 = Math.max(y1, pl.box.y1, p.y + p.r);
  });
  const m = 12;
  root.setAttribute("viewBox", `${(x0 - m).toFixed(0)} ${(y0 - m).toFixed(0)} ${(x1 - x0 + 2 * m).toFixed(0)} ${(y1 - y0 + 2 * m).toFixed(0)}`);
  // Small networks are not blown up past 1.4 times their drawn size.
  root.style.maxWidth = ((x1 - x0 + 2 * m) * 1.4).toFixed(0) + "px";
}

export async function renderNetwork(params) {
  setActiveNav("network");
  const args = { min_count: params.get("min") || "2", type: params.get("type") || "",
                 status: params.get("status") || "asserted", since: params.get("since") || "",
                 until: params.get("until") || "", limit: params.get("limit") || "40" };
  let types = [];
  try { types = (await facets()).types; } catch (err) { /* the form works without the list */ }
  view.innerHTML = `
    <h1>Actor network</h1>
    <form class="inline" id="network-form">
      <label>type <select id="nw-type" name="type">${options(types, args.type, "every type")}</select></label>
      <label>status <select id="nw-status" name="status">${options([["asserted", "asserted"], ["all", "every status"], ["future", "predictions"], ["negated", "denials"]], args.status)}</select></label>
      <label>from <input id="nw-since" name="since" type="date" value="${esc(args.since)}"></label>
      <label>to <input id="nw-until" name="until" type="date" value="${esc(args.until)}"></label>
      <label>at least <input id="nw-min" name="min" type="number" min="1" value="${esc(args.min_count)}" style="width:5rem"> statements per link</label>
      <label>actors <input id="nw-limit" name="limit" type="number" min="2" max="500" value="${esc(args.limit)}" style="width:5rem"></label>
      <button type="submit">Show</button>
    </form>
    <div class="legend"><span><i class="sw-coop"></i>cooperation</span>
      <span><i class="sw-mixed"></i>mixed</span><span><i class="sw-conflict"></i>conflict</span>
      <span class="muted">Width: statements. Nodes are coded actors (countries, organisations); click one for its busiest dyad.</span></div>
    <p class="muted" id="network-summary"></p>
    <div class="chart" id="network"></div>`;
  document.getElementById("network-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = formValues(e.target);
    if (v.status === "asserted") delete v.status;
    if (v.limit === "40") delete v.limit;
    location.hash = "#/network?" + query(v);
  });
  try {
    const data = await api("/api/network?" + query(args));
    document.getElementById("network-summary").textContent =
      `${data.nodes.length} actor(s), ${data.edges.length} link(s)`;
    if (!data.nodes.length) {
      document.getElementById("network").innerHTML = `<p class="muted">No links with that many statements.</p>`;
      return;
    }
    drawNetwork(document.getElementById("network"), data);
  } catch (err) {
    document.getElementById("network").innerHTML = errorBox(err);
  }
}
