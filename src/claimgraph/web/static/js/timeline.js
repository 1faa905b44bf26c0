// Dyad timelines: cooperation up, conflict down, per day, week or month; a bar lists its statements.
import {
  actorText, api, errorBox, esc, formValues, hideTip, options, query, setActiveNav, showTip,
  statusBadge, svg, view,
} from "./common.js";

const BIN_NAMES = { day: "day", week: "week of", month: "month" };

function periodName(data, p) {
  return data.bin === "week" ? `week of ${p.start}` : data.bin === "month" ? p.label : p.start;
}

function drawTimeline(container, data, onPick) {
  const bins = data.bins;
  const W = 960, H = 320, m = { l: 44, r: 44, t: 14, b: 40 };
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
                            "aria-label": `timeline ${data.a}-${data.b} by ${data.bin}` });
  if (!bins.length) {
    svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, root).textContent = "No events";
    container.appendChild(root);
    return;
  }
  const maxCount = Math.max(1, ...bins.map((w) => Math.max(w.cooperation, w.conflict)));
  const plotH = H - m.t - m.b, mid = m.t + plotH / 2;
  const step = (W - m.l - m.r) / bins.length;
  const bw = Math.max(1, step * 0.8);
  const y = (n) => (plotH / 2) * (n / maxCount);
  for (const frac of [-1, -0.5, 0.5, 1]) {
    const yy = mid - frac * plotH / 2;
    svg("line", { x1: m.l, x2: W - m.r, y1: yy, y2: yy, class: "grid" }, root);
    svg("text", { x: m.l - 6, y: yy + 4, "text-anchor": "end" }, root).textContent =
      String(Math.round(Math.abs(frac) * maxCount * 10) / 10);
  }
  svg("line", { x1: m.l, x2: W - m.r, y1: mid, y2: mid, class: "axis" }, root);
  const labelEvery = Math.max(1, Math.ceil(bins.length / 12));
  bins.forEach((w, i) => {
    const x = m.l + i * step + (step - bw) / 2;
    const tip = `<b>${esc(periodName(data, w))}</b><br>${w.count} ${esc(data.unit)}: ${w.cooperation} cooperation, ` +
                `${w.conflict} conflict<br>${esc(data.a)}→${esc(data.b)} ${w.ab}, ` +
                `${esc(data.b)}→${esc(data.a)} ${w.ba}<br>mean intensity ${w.mean_intensity == null ? "—" : w.mean_intensity}` +
                (w.count ? "<br><i>click to list the statements</i>" : "");
    if (w.count) {
      // A full-height target per busy period, so thin bars are easy to click.
      const hit = svg("rect", { x: m.l + i * step, width: step, y: m.t, height: plotH, class: "bin-hit",
                                "data-start": w.start, tabindex: 0, role: "button",
                                "aria-label": `${periodName(data, w)}: ${w.count} ${data.unit}` }, root);
      hit.addEventListener("mousemove", (e) => showTip(e, tip));
      hit.addEventListener("mouseleave", hideTip);
      hit.addEventListener("click", () => onPick(w));
      hit.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") onPick(w); });
    }
    if (w.cooperation) {
      svg("rect", { x, width: bw, y: mid - y(w.cooperation), height: y(w.cooperation),
                    class: "bar-coop", "data-start": w.start }, root);
    }
    if (w.conflict) {
      svg("rect", { x, width: bw, y: mid, height: y(w.conflict), class: "bar-conflict",
                    "data-start": w.start }, root);
    }
    if (i % labelEvery === 0) {
      svg("text", { x: m.l + i * step + step / 2, y: H - m.b + 16, "text-anchor": "middle" }, root)
        .textContent = data.bin === "month" ? w.label : bins.length > 26 ? w.start.slice(0, 7) : w.start;
    }
  });
  // Mean intensity (-10..10) on the right axis: one line per run of periods that have events,
  // so no line is drawn across an empty period.
  const yi = (v) => mid - (v / 10) * (plotH / 2);
  svg("text", { x: W - m.r + 6, y: m.t + 8 }, root).textContent = "+10";
  svg("text", { x: W - m.r + 6, y: H - m.b }, root).textContent = "-10";
  let d = "";
  let open = false;
  bins.forEach((w, i) => {
    if (w.mean_intensity == null) { open = false; return; }
    const x = m.l + i * step + step / 2;
    d += (open ? " L" : (d ? " M" : "M")) + x.toFixed(1) + " " + yi(w.mean_intensity).toFixed(1);
    open = true;
    svg("circle", { cx: x, cy: yi(w.mean_intensity), r: 2.2, class: "dot-intensity" }, root);
  });
  if (d) svg("path", { d, class: "line-intensity" }, root);
  container.appendChild(root);
}

function statementEntry(s) {
  return `<div class="card entry bar-statement">
    <div>${statusBadge(s.status)} <b>${esc(s.event_type)}</b>
      ${esc(actorText(s.actor))} → ${esc(actorText(s.recipient))}</div>
    <div class="evidence">“${esc(s.evidence)}”</div>
    <div class="muted">${esc(s.claimant || "the article")} · event ${esc(s.event_date)}${s.when ? " (" + esc(s.when) + ")" : ""}
      · published ${esc(s.published || "undated")} ${s.site ? "· " + esc(s.site) : ""}
      · <a class="article-link" href="#/doc/${encodeURIComponent(s.document_id)}">${esc(s.title || s.document_id)}</a></div>
  </div>`;
}

async function showPeriod(data, p, args) {
  const box = document.getElementById("bar-statements");
  box.innerHTML = `<p class="muted">Loading…</p>`;
  document.querySelectorAll("#chart .bin-hit.picked").forEach((r) => r.classList.remove("picked"));
  const hit = document.querySelector(`#chart .bin-hit[data-start="${p.start}"]`);
  if (hit) hit.classList.add("picked");
  const PAGE = 200;
  const more = async (offset) => {
    const answer = await api("/api/timeline/statements?" +
                             query({ ...args, period: p.start, limit: PAGE, offset }));
    document.getElementById("bar-more")?.remove();
    document.getElementById("bar-list").insertAdjacentHTML("beforeend", answer.items.map(statementEntry).join(""));
    const shown = offset + answer.items.length;
    if (shown < answer.total) {
      box.insertAdjacentHTML("beforeend", `<button type="button" class="secondary" id="bar-more">
        Show ${Math.min(PAGE, answer.total - shown)} more (${shown} of ${answer.total} shown)</button>`);
      document.getElementById("bar-more").addEventListener("click", () => more(shown).catch(
        (err) => box.insertAdjacentHTML("beforeend", errorBox(err))));
    }
    return answer;
  };
  try {
    box.innerHTML = `<h2 id="bar-title"></h2><div id="bar-list"></div>`;
    const answer = await more(0);
    document.getElementById("bar-title").textContent =
      `${periodName(data, p)}: ${p.count} ${data.unit}, ${answer.total} statement(s)`;
    box.scrollIntoView({ behavior: "smooth", block: "start" });
  } catch (err) {
    box.innerHTML = errorBox(err);
  }
}

export async function renderTimeline(params) {
  setActiveNav("timeline");
  const get = (k, d) => params.get(k) || d;
  const args = {
    a: get("a", "RUS").toUpperCase(), b: get("b", "BLR").toUpperCase(), unit: get("unit", "events"),
    bin: get("bin", "week"), status: get("status", "asserted"), direction: get("direction", "both"),
    since: get("since", ""), until: get("until", ""),
  };
  view.innerHTML = `
    <h1>Dyad timeline</h1>
    <form class="inline" id="timeline-form">
      <input id="tl-a" name="a" value="${esc(args.a)}" size="8" aria-label="actor A">
      <span>and</span>
      <input id="tl-b" name="b" value="${esc(args.b)}" size="8" aria-label="actor B">
      <select id="tl-unit" name="unit" aria-label="count">${options([["events", "count events"], ["statements", "count statements"]], args.unit)}</select>
      <select id="tl-bin" name="bin" aria-label="period">${options([["day", "by day"], ["week", "by week"], ["month", "by month"]], args.bin)}</select>
      <select id="tl-status" name="status" aria-label="status">${options([["asserted", "asserted only"], ["all", "every status"], ["future", "predictions"], ["negated", "denials"]], args.status)}</select>
      <select id="tl-direction" name="direction" aria-label="direction">${options([["both", "both ways"], ["ab", "A on B"], ["ba", "B on A"]], args.direction)}</select>
      <label>from <input id="tl-since" name="since" type="date" value="${esc(args.since)}"></label>
      <label>to <input id="tl-until" name="until" type="date" value="${esc(args.until)}"></label>
      <button type="submit">Show</button>
      <span class="presets">
        <a href="#/timeline?a=RUS&b=BLR">Russia–Belarus</a>
        <a href="#/timeline?a=BLR&b=UKR">Belarus–Ukraine</a>
        <a href="#/timeline?a=RUS&b=UKR">Russia–Ukraine</a>
      </span>
    </form>
    <h2 id="timeline-title"></h2>
    <p class="muted" id="timeline-window"></p>
    <div class="legend"><span><i class="sw-coop"></i>cooperation (up, blue)</span>
      <span><i class="sw-conflict"></i>conflict (down, vermillion)</span>
      <span><i class="sw-line"></i>mean intensity (right axis)</span></div>
    <div class="chart" id="chart"></div>
    <div id="bar-statements"></div>
    <h2>Periods with events</h2><div id="timeline-table"></div>`;
  document.getElementById("timeline-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = formValues(e.target);
    // Defaults stay out of the URL so that links stay short.
    for (const [k, d] of [["unit", "events"], ["bin", "week"], ["status", "asserted"], ["direction", "both"]]) {
      if (v[k] === d) delete v[k];
    }
    location.hash = "#/timeline?" + query(v);
  });
  try {
    const data = await api("/api/timeline?" + query(args));
    const busy = data.bins.filter((w) => w.count);
    document.getElementById("timeline-title").textContent =
      `${data.a} – ${data.b}: ${data.total} ${data.unit} in ${busy.length} of ${data.bins.length} ${data.bin}(s)`;
    const from = (w) => (w === "given" ? "as given" : "publication dates of the reports");
    const notes = [`Window ${esc(data.since || "—")} – ${esc(data.until || "—")} (${from(data.window.since)}` +
                   (data.window.since !== data.window.until ? ` / ${from(data.window.until)}` : "") + ")."];
    const out = data.outside.before + data.outside.after;
    if (out) {
      notes.push(`${data.outside.before} ${esc(data.unit)} dated before and ${data.outside.after} after the window
        are counted but not charted — <a id="show-all" href="#/timeline?${query({ ...args, since: data.span.first, until: data.span.last })}">show
        ${esc(data.span.first)} – ${esc(data.span.last)}</a>.`);
    }
    if (data.coarse) {
      notes.push(`${data.coarse} statement(s) dated only to a month or a year are not charted by ${esc(data.bin)}` +
                 (data.bin !== "month" ? ` — <a id="by-month" href="#/timeline?${query({ ...args, bin: "month" })}">by month</a>.` : "."));
    }
    document.getElementById("timeline-window").innerHTML = notes.join(" ");
    drawTimeline(document.getElementById("chart"), data, (p) => showPeriod(data, p, args));
    document.getElementById("timeline-table").innerHTML = `<table>
      <tr><th>${esc(BIN_NAMES[data.bin])}</th><th class="num">${esc(data.unit)}</th><th class="num">${esc(data.a)}→${esc(data.b)}</th>
      <th class="num">${esc(data.b)}→${esc(data.a)}</th><th class="num">cooperation</th>
      <th class="num">conflict</th><th class="num">mean intensity</th></tr>` + busy.map((w) => `
      <tr class="period-row" data-start="${esc(w.start)}"><td><button type="button" class="link">${esc(data.bin === "month" ? w.label : w.start)}</button></td>
      <td class="num">${w.count}</td><td class="num">${w.ab}</td>
      <td class="num">${w.ba}</td><td class="num">${w.cooperation}</td><td class="num">${w.conflict}</td>
      <td class="num">${w.mean_intensity == null ? "" : w.mean_intensity}</td></tr>`).join("") + "</table>";
    document.querySelectorAll("#timeline-table .period-row").forEach((row) => row.addEventListener("click", () => {
      showPeriod(data, busy.find((w) => w.start === row.dataset.start), args);
    }));
  } catch (err) {
    document.getElementById("chart").innerHTML = errorBox(err);
  }
}
