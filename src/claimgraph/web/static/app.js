// claimgraph dashboard: a hash-routed single page over the REST API. No framework, no CDN.
// Each page lives in its own module under js/; this file only routes.
import { api, hideTip, route } from "./js/common.js";
import { renderDocument } from "./js/article.js";
import { renderClusters } from "./js/clusters.js";
import { renderNetwork } from "./js/network.js";
import { renderQuestion, renderQuestions } from "./js/questions.js";
import { renderSearch } from "./js/search.js";
import { renderStatements } from "./js/statements.js";
import { renderTimeline } from "./js/timeline.js";

async function render() {
  hideTip();
  const { parts, params } = route();
  const [page, arg] = parts;
  if (page === "doc" && arg) return renderDocument(arg);
  if (page === "statements") return renderStatements(params);
  if (page === "clusters") return renderClusters(params);
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
