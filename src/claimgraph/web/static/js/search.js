// Search page: documents by words of their title or text; without words, the latest.
import { api, errorBox, esc, pager, setActiveNav, view } from "./common.js";

const PAGE = 30;

export async function renderSearch(params) {
  setActiveNav("search");
  const q = params.get("q") || "";
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
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
    const answer = q
      ? await api(`/api/search?q=${encodeURIComponent(q)}&limit=${PAGE}&offset=${offset}`)
      : await api(`/api/documents?limit=${PAGE}&offset=${offset}`);
    const docs = answer.items;
    const heading = q ? `${answer.total} document(s) for “${esc(q)}”` : "Latest documents";
    box.classList.remove("muted");
    box.innerHTML = `<p class="muted" id="search-count">${heading}</p>` + docs.map((d) => `
      <div class="card result">
        <h3><a class="doc-link" href="#/doc/${encodeURIComponent(d.id)}">${esc(d.title || d.id)}</a></h3>
        <div class="muted">${esc(d.published || "")} · ${esc(d.site || "")} ·
          ${esc(d.statements)} statement(s)</div>
        ${d.snippet ? `<p class="snippet">${esc(d.snippet)}</p>` : ""}
      </div>`).join("") + pager("search", params, answer.total, answer.limit, answer.offset);
  } catch (err) {
    box.innerHTML = errorBox(err);
  }
}
