// The filter form that the statements and clusters pages share; its values live in the URL.
import { esc, facets, formValues, options, query } from "./common.js";

export const FILTERS = ["actor", "recipient", "type", "status", "claimant", "site", "since", "until", "q"];

// The filters given in the route's parameters, as API parameters.
export function filterArgs(params) {
  const out = {};
  for (const k of FILTERS) if (params.get(k)) out[k] = params.get(k);
  return out;
}

export async function filterForm(id, params, sorts, extra = "") {
  let f = { types: [], statuses: [], sites: [] };
  try { f = await facets(); } catch (err) { /* plain inputs still work */ }
  const v = (k) => esc(params.get(k) || "");
  return `
    <form class="filters" id="${id}" role="search">
      <label>actor <input name="actor" value="${v("actor")}" size="8" placeholder="RUS, BLR GOV"></label>
      <label>recipient <input name="recipient" value="${v("recipient")}" size="8" placeholder="UKR"></label>
      <label>type <select name="type">${options(f.types, params.get("type") || "", "any")}</select></label>
      <label>status <select name="status">${options(f.statuses, params.get("status") || "", "any")}</select></label>
      <label>claimant <input name="claimant" value="${v("claimant")}" size="12" placeholder="Zelensky, UKR GOV"></label>
      <label>site <select name="site">${options(f.sites.map((s) => [s.site, `${s.site} (${s.documents})`]), params.get("site") || "", "any")}</select></label>
      <label>from <input name="since" type="date" value="${v("since")}"></label>
      <label>to <input name="until" type="date" value="${v("until")}"></label>
      <label>words <input name="q" type="search" value="${v("q")}" size="14" placeholder="in the evidence"></label>
      ${extra}
      <label>sort <select name="sort">${options(sorts, params.get("sort") || sorts[0][0])}</select></label>
      <label>per page <select name="limit">${options([...new Set(["25", "50", "100", "200", params.get("limit") || "50"])], params.get("limit") || "50")}</select></label>
      <button type="submit">Filter</button>
      <a class="reset" href="#/${id.replace(/-form$/, "")}">clear</a>
    </form>`;
}

export function bindFilterForm(id, page) {
  document.getElementById(id).addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/${page}?` + query(formValues(e.target));
  });
}

export function downloadLinks(path, args) {
  return `<span class="downloads">Download the filtered set:
    <a id="download-csv" href="${path}?${query({ ...args, format: "csv" })}" download>CSV</a>
    <a id="download-jsonl" href="${path}?${query({ ...args, format: "jsonl" })}" download>JSON lines</a></span>`;
}
