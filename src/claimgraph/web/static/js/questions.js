// Questions: the tracked list (add, remove), the questions headlines ask, and evidence boards.
import {
  api, authHeaders, badge, errorBox, esc, setActiveNav, setToken, statusBadge, statusLegend,
  token, view,
} from "./common.js";

async function removeQuestion(id, msg) {
  try {
    await api("/api/questions/" + encodeURIComponent(id), { method: "DELETE", headers: authHeaders() });
    return true;
  } catch (err) {
    msg.className = "error";
    msg.textContent = err.message;
    return false;
  }
}

export async function renderQuestions() {
  setActiveNav("questions");
  view.innerHTML = `<h1>Tracked questions</h1>
    <p class="muted">Adding and removing questions needs the server's API token; it is kept in
      this browser tab only. <input id="q-token" type="password" placeholder="API token" size="12"
      aria-label="API token"></p>
    <p id="question-list-msg" class="muted" role="status"></p>
    <div id="question-list" class="muted">Loading…</div>
    <h2>Track a question</h2>
    <form class="inline" id="question-form">
      <input id="q-text" placeholder="Will Belarus join the war against Ukraine?" size="40" required>
      <input id="q-actor" placeholder="actor (BLR)" size="9">
      <input id="q-type" placeholder="type (ASSAULT)" size="11">
      <input id="q-recipient" placeholder="recipient (UKR)" size="11">
      <input id="q-deadline" type="date" aria-label="deadline">
      <button type="submit">Track</button>
    </form>
    <p id="question-form-msg" class="muted" role="status"></p>
    <h2>Questions asked by headlines</h2><div id="candidate-list" class="muted">Loading…</div>`;
  const tokenField = document.getElementById("q-token");
  tokenField.value = token();
  tokenField.addEventListener("change", () => setToken(tokenField.value.trim()));
  document.getElementById("question-form").addEventListener("submit", submitQuestion);
  const listMsg = document.getElementById("question-list-msg");
  try {
    const qs = (await api("/api/questions")).items;
    const list = document.getElementById("question-list");
    list.classList.remove("muted");
    list.innerHTML = qs.length ? qs.map((q) => `
      <div class="card question" data-id="${esc(q.id)}">
        <button type="button" class="remove secondary" data-id="${esc(q.id)}"
                aria-label="stop tracking ${esc(q.text)}">Remove</button>
        <h3><a class="question-link" href="#/question/${encodeURIComponent(q.id)}">${esc(q.text)}</a></h3>
        <div class="muted">${esc(q.actor)} ${esc(q.event_type)} ${esc(q.recipient || "")}
          · deadline ${esc(q.deadline || "none")}
          ${q.source_document ? ` · <a href="#/doc/${encodeURIComponent(q.source_document)}">asked by a headline</a>` : ""}</div>
      </div>`).join("") : `<p class="muted">No tracked questions yet.</p>`;
    list.querySelectorAll("button.remove").forEach((btn) => btn.addEventListener("click", async () => {
      setToken(tokenField.value.trim());
      if (await removeQuestion(btn.dataset.id, listMsg)) renderQuestions();
    }));
    const cands = (await api("/api/questions/candidates?limit=50")).items;
    const box = document.getElementById("candidate-list");
    box.classList.remove("muted");
    box.innerHTML = cands.length ? `<table>
      <tr><th>date</th><th>headline</th><th>coded as</th><th></th></tr>` + cands.map((c) => `
      <tr><td>${esc(c.date || "")}</td>
        <td><a href="#/doc/${encodeURIComponent(c.document_id)}">${esc(c.text)}</a></td>
        <td>${esc(c.actor)} ${esc(c.event_type)} ${esc(c.recipient || "")}</td>
        <td>${c.tracked ? badge("tracked", "came-true")
          : `<button type="button" class="track-candidate secondary" data-document="${esc(c.document_id)}">Track</button>`}</td></tr>`).join("") + "</table>"
      : `<p class="muted">No headline asks a codable question.</p>`;
    box.querySelectorAll("button.track-candidate").forEach((btn) => btn.addEventListener("click", async () => {
      setToken(tokenField.value.trim());
      try {
        const q = await api("/api/questions/from-headline", {
          method: "POST", headers: authHeaders(), body: JSON.stringify({ document: btn.dataset.document }) });
        location.hash = "#/question/" + encodeURIComponent(q.id);
      } catch (err) {
        listMsg.className = "error";
        listMsg.textContent = err.message;
      }
    }));
  } catch (err) {
    document.getElementById("question-list").innerHTML = errorBox(err);
  }
}

async function submitQuestion(e) {
  e.preventDefault();
  const val = (id) => document.getElementById(id).value.trim();
  setToken(val("q-token"));
  const body = { text: val("q-text") };
  for (const [k, id] of [["actor", "q-actor"], ["type", "q-type"], ["recipient", "q-recipient"],
                         ["deadline", "q-deadline"]]) {
    if (val(id)) body[k] = val(id);
  }
  const msg = document.getElementById("question-form-msg");
  try {
    const q = await api("/api/questions", { method: "POST", body: JSON.stringify(body), headers: authHeaders() });
    location.hash = "#/question/" + encodeURIComponent(q.id);
  } catch (err) {
    msg.className = "error";
    msg.textContent = err.message;
  }
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
      ${e.why_text ? `<div class="why muted" title="why it is on the board">${esc(e.why_text)}</div>` : ""}
      ${outcome}
    </div>`;
}

const MISSED = { actor: "another actor", recipient: "no or another recipient", type: "a related type",
                 time: "outside the question's time", sector: "another sector", status: "another status" };

export async function renderQuestion(id) {
  setActiveNav("questions");
  view.innerHTML = `<p class="muted">Loading…</p>`;
  let b;
  try {
    b = await api("/api/questions/" + encodeURIComponent(id));
  } catch (err) {
    view.innerHTML = errorBox(err);
    return;
  }
  const q = b.question;
  const related = b.related || [];
  const total = b.related_total == null ? related.length : b.related_total;
  const missed = Object.entries(b.related_counts || {}).filter(([, n]) => n)
    .map(([k, n]) => `${n} ${MISSED[k] || k}`).join(", ");
  view.innerHTML = `
    <h1 id="question-text">${esc(q.text)}</h1>
    <p class="muted">${esc(q.actor)} ${esc(q.event_type)} ${esc(q.recipient || "")}
      · deadline ${esc(q.deadline || "none")} · state ${badge(b.state)} as of ${esc(b.as_of)}
      · ${esc(b.reports)} reporting document(s)</p>
    <form class="inline" id="untrack-form">
      <input id="untrack-token" type="password" placeholder="API token" size="12" ${token() ? "hidden" : ""}>
      <button type="submit" class="secondary" id="untrack">Stop tracking</button>
      <span id="untrack-msg" class="muted" role="status"></span>
    </form>
    ${statusLegend()}
    <div id="board">` + GROUPS.map(([key, title]) => {
      const entries = b.groups[key] || [];
      return `<section class="board-group" data-status="${key}">
        <h2>${statusBadge(key)} ${esc(title)} <span class="count">(${entries.length})</span></h2>
        ${entries.map((e) => boardEntry(e, key)).join("") || '<p class="muted">None.</p>'}
      </section>`;
    }).join("") + `
      <details class="board-group related" data-status="related">
        <summary><h2>Near misses <span class="count">(${related.length}${total > related.length ? " of " + total : ""})</span></h2></summary>
        <p class="muted">Statements that match the question only in part; they are not evidence and do
          not decide it. Each says what failed (✗).${missed ? " By what failed: " + esc(missed) + "." : ""}</p>
        ${related.map((e) => `<div class="related-entry">${badge(e.event_type, "open")}${statusBadge(e.status)}` +
          (e.missed ? ` <span class="muted">${esc(MISSED[e.missed] || e.missed)}</span>` : "") + `</div>` +
          boardEntry(e, "related")).join("") || '<p class="muted">None.</p>'}
      </details>
      <h2>Claimants' records on predictions of this kind</h2>
      <table id="claimant-records"><tr><th>claimant</th><th class="num">predictions</th>
        <th class="num">came true</th><th class="num">expired</th><th class="num">open</th></tr>
      ${b.claimants.map((c) => `<tr><td>${esc(c.claimant)}</td><td class="num">${c.predictions}</td>
        <td class="num">${c["came-true"]}</td><td class="num">${c.expired}</td>
        <td class="num">${c.open}</td></tr>`).join("")}</table>
    </div>`;
  document.getElementById("untrack-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const field = document.getElementById("untrack-token");
    if (field.value.trim()) setToken(field.value.trim());
    const msg = document.getElementById("untrack-msg");
    if (await removeQuestion(q.id, msg)) location.hash = "#/questions";
    else field.hidden = false;
  });
}
