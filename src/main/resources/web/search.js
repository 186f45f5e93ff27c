// The search page: the state lives in the URL query string (shareable; back and forward work),
// results come from GET /api/search. Untrusted text is set as text; highlights go through
// PI.appendHighlight, which only lets <mark> through.
"use strict";

(() => {
  const { el, link, appendHighlight, getJson, loadTaxonomy, categoryName, paperPath } = PI;

  // the URL parameters the page understands and passes on to the API
  const PASSED = ["q", "category", "year", "institution", "hasCode", "hasDataset", "primaryOnly", "from", "to", "sort", "cursor", "size"];
  const FACETS = [
    { dim: "category", label: "Category", param: "category", multi: true },
    { dim: "year", label: "Year", param: "year", multi: false },
    { dim: "institution", label: "Institution", param: "institution", multi: true },
    { dim: "hasCode", label: "Code", param: "hasCode", multi: false },
    { dim: "hasDataset", label: "Dataset", param: "hasDataset", multi: false },
  ];
  const PAGE_SIZE = 20;
  const MAX_AUTHORS = 6;

  const form = document.getElementById("search-form");
  const qBox = document.getElementById("q");
  const sortBox = document.getElementById("sort");

  function currentParams() {
    const src = new URLSearchParams(location.search);
    const out = new URLSearchParams();
    for (const [k, v] of src) if (PASSED.includes(k) && v !== "") out.append(k, v);
    return out;
  }

  function pageNo() {
    return history.state && history.state.pageNo ? history.state.pageNo : 1;
  }

  /** Navigates within the page: a new history entry, then a reload of the results. */
  function go(params, page) {
    const qs = params.toString();
    history.pushState({ pageNo: page || 1, inApp: true }, "", qs ? "/?" + qs : "/");
    load();
  }

  /** A link to the given state that also works when opened in a new tab. */
  function stateLink(params, text, cls) {
    const qs = params.toString();
    const a = link(qs ? "/?" + qs : "/", text, cls);
    a.addEventListener("click", (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      go(params, 1);
    });
    return a;
  }

  /** The params with a filter added or (when already there) removed; paging restarts. */
  function toggled(params, name, value, multi) {
    const p = new URLSearchParams(params);
    p.delete("cursor");
    const values = p.getAll(name);
    p.delete(name);
    if (values.includes(value)) {
      for (const v of values) if (v !== value) p.append(name, v);
    } else {
      if (multi) for (const v of values) p.append(name, v);
      p.append(name, value);
    }
    return p;
  }

  function facetLabel(dim, value, tax) {
    if (dim === "category") {
      const n = categoryName(tax, value);
      return n ? n + " (" + value + ")" : value;
    }
    if (dim === "hasCode") return value === "true" ? "Has code" : "No code link";
    if (dim === "hasDataset") return value === "true" ? "Has dataset" : "No dataset link";
    return value;
  }

  function renderFacets(box, facets, params, tax) {
    box.replaceChildren();
    for (const f of FACETS) {
      const values = (facets && facets[f.dim]) || [];
      if (!values.length) continue;
      const sec = el("section", "facet");
      sec.dataset.facet = f.dim;
      sec.appendChild(el("h2", null, f.label));
      const ul = el("ul");
      const active = params.getAll(f.param);
      for (const v of values) {
        const value = String(v.value);
        const li = el("li");
        const on = active.includes(value);
        const a = stateLink(toggled(params, f.param, value, f.multi), facetLabel(f.dim, value, tax), on ? "facet-value active" : "facet-value");
        if (on) a.setAttribute("aria-pressed", "true");
        li.appendChild(a);
        li.appendChild(el("span", "count", v.count));
        ul.appendChild(li);
      }
      sec.appendChild(ul);
      box.appendChild(sec);
    }
  }

  function renderActiveFilters(box, params, tax) {
    box.replaceChildren();
    for (const f of FACETS) {
      for (const value of params.getAll(f.param)) {
        const chip = stateLink(toggled(params, f.param, value, true), f.label + ": " + facetLabel(f.dim, value, tax), "chip");
        chip.title = "Remove this filter";
        chip.appendChild(el("span", "x", " ×"));
        box.appendChild(chip);
      }
    }
  }

  function renderHit(hit, tax) {
    const li = el("li", "hit");
    const h = el("h3", "hit-title");
    const a = el("a");
    a.href = paperPath(hit.id);
    const hl = hit.highlights || {};
    if (typeof hl.title === "string" && hl.title) appendHighlight(a, hl.title);
    else a.textContent = hit.title || hit.id;
    h.appendChild(a);
    li.appendChild(h);

    const meta = el("p", "hit-meta");
    const authors = hit.authors || [];
    if (authors.length) {
      const shown = authors.slice(0, MAX_AUTHORS).join(", ");
      meta.appendChild(el("span", "authors", authors.length > MAX_AUTHORS ? shown + ", +" + (authors.length - MAX_AUTHORS) + " more" : shown));
    }
    if (hit.year) meta.appendChild(el("span", "year", hit.year));
    meta.appendChild(el("span", "arxiv-id", "arXiv:" + hit.id));
    if (hit.primaryCategory) {
      const c = el("span", "cat", hit.primaryCategory);
      const n = categoryName(tax, hit.primaryCategory);
      if (n) c.title = n;
      meta.appendChild(c);
    }
    if (hit.withdrawn) meta.appendChild(el("span", "badge withdrawn", "Withdrawn"));
    li.appendChild(meta);

    if (typeof hl.abstract === "string" && hl.abstract) {
      li.appendChild(appendHighlight(el("p", "snippet"), hl.abstract));
    }
    return li;
  }

  function renderPager(box, res, params) {
    box.replaceChildren();
    const n = pageNo();
    if (params.has("cursor")) {
      const prev = el("button", "prev", "← Previous");
      prev.type = "button";
      prev.addEventListener("click", () => {
        // pages are history entries; a shared link with a cursor has no page before it here
        if (history.state && history.state.inApp && n > 1) history.back();
        else {
          const p = new URLSearchParams(params);
          p.delete("cursor");
          go(p, 1);
        }
      });
      box.appendChild(prev);
    }
    box.appendChild(el("span", "page-no", "Page " + n));
    if (res.nextCursor && res.hits.length) {
      const next = el("button", "next", "Next →");
      next.type = "button";
      next.addEventListener("click", () => {
        const p = new URLSearchParams(params);
        p.set("cursor", res.nextCursor);
        go(p, n + 1);
        window.scrollTo(0, 0);
      });
      box.appendChild(next);
    }
  }

  let generation = 0;

  async function load() {
    const mine = ++generation;
    const params = currentParams();
    qBox.value = params.get("q") || "";
    sortBox.value = params.get("sort") || "";
    const status = document.getElementById("status");
    const error = document.getElementById("error");
    const results = document.getElementById("results");
    error.hidden = true;
    status.textContent = "Searching…";

    const api = new URLSearchParams(params);
    if (!api.has("size")) api.set("size", String(PAGE_SIZE));
    for (const f of FACETS) api.append("facet", f.dim);
    const tax = await loadTaxonomy();
    let res;
    try {
      res = await getJson("/api/search?" + api.toString());
    } catch (e) {
      if (mine !== generation) return;
      status.textContent = "";
      error.textContent = e.message;
      error.hidden = false;
      results.replaceChildren();
      document.getElementById("facets").replaceChildren();
      document.getElementById("pager").replaceChildren();
      return;
    }
    if (mine !== generation) return; // a newer search started meanwhile
    const q = params.get("q");
    document.title = q ? q + " — paperindex" : "paperindex — search arXiv papers";
    status.textContent = res.total === 1 ? "1 paper" : res.total.toLocaleString("en") + " papers";
    results.replaceChildren(...res.hits.map((h) => renderHit(h, tax)));
    if (!res.hits.length) results.appendChild(el("li", "empty", "No papers match. Try fewer words or remove a filter."));
    renderFacets(document.getElementById("facets"), res.facets, params, tax);
    renderActiveFilters(document.getElementById("active-filters"), params, tax);
    renderPager(document.getElementById("pager"), res, params);
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = currentParams();
    p.delete("cursor");
    const q = qBox.value.trim();
    if (q) p.set("q", q);
    else p.delete("q");
    if (sortBox.value) p.set("sort", sortBox.value);
    else p.delete("sort");
    go(p, 1);
  });
  sortBox.addEventListener("change", () => form.requestSubmit());
  window.addEventListener("popstate", load);
  load();
})();
