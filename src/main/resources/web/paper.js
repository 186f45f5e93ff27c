// The paper page: reads the id from /paper/{id} (old-style ids keep their slash), loads
// GET /api/papers/{id} and /related, and shows every field that is present; missing fields are
// simply left out. All text from the API is set as text.
"use strict";

(() => {
  const { el, link, appendWithMath, getJson, loadTaxonomy, categoryName, paperPath } = PI;
  const SHOWN_AUTHORS = 20;

  function paperId() {
    const rest = location.pathname.replace(/^\/paper\//, "").replace(/\/+$/, "");
    try {
      return decodeURIComponent(rest);
    } catch (e) {
      return rest;
    }
  }

  function apiPath(id) {
    return "/api/papers/" + String(id).split("/").map(encodeURIComponent).join("/");
  }

  function section(title, cls) {
    const s = el("section", "block " + (cls || ""));
    s.appendChild(el("h2", null, title));
    return s;
  }

  function present(v) {
    return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "") && !(Array.isArray(v) && !v.length);
  }

  function badges(p) {
    const box = el("div", "badges");
    if (p.type === "preprint") box.appendChild(el("span", "badge preprint", "Preprint"));
    if (present(p.year)) box.appendChild(el("span", "badge year", p.year));
    box.appendChild(el("span", "badge arxiv", "arXiv:" + p.id + (p.version || "")));
    if (p.openAccess) {
      const b = el("span", "badge open", "Open access");
      if (present(p.license)) b.title = p.license;
      box.appendChild(b);
    }
    if (p.withdrawn) box.appendChild(el("span", "badge withdrawn", "Withdrawn"));
    return box;
  }

  function authorItem(a) {
    const li = el("li", "author");
    li.appendChild(el("span", "author-name", a.name));
    const insts = a.institutions || [];
    const affs = a.affiliations || [];
    if (insts.length) {
      const parts = insts.map((i) => (present(i.country) ? i.name + ", " + i.country : i.name));
      li.appendChild(el("span", "affiliation", parts.join("; ")));
    } else if (affs.length) {
      li.appendChild(el("span", "affiliation", affs.join("; ")));
    }
    return li;
  }

  function authors(list) {
    const wrap = el("div", "authors-block");
    const ul = el("ul", "authors");
    list.forEach((a, i) => {
      const li = authorItem(a);
      if (i >= SHOWN_AUTHORS) li.hidden = true;
      ul.appendChild(li);
    });
    wrap.appendChild(ul);
    const hidden = list.length - SHOWN_AUTHORS;
    if (hidden > 0) {
      const more = el("button", "more-authors", "+" + hidden + " more");
      more.type = "button";
      more.setAttribute("aria-expanded", "false");
      more.addEventListener("click", () => {
        const open = more.getAttribute("aria-expanded") !== "true";
        ul.querySelectorAll("li").forEach((li, i) => {
          if (i >= SHOWN_AUTHORS) li.hidden = !open;
        });
        more.setAttribute("aria-expanded", String(open));
        more.textContent = open ? "Show fewer" : "+" + hidden + " more";
      });
      wrap.appendChild(more);
    }
    return wrap;
  }

  function arxivLinks(p) {
    const nav = el("nav", "paper-links");
    const u = p.urls || {};
    if (present(u.abs)) nav.appendChild(link(u.abs, "arXiv abstract", "button abs"));
    if (present(u.pdf)) nav.appendChild(link(u.pdf, "PDF", "button pdf"));
    if (present(u.html)) nav.appendChild(link(u.html, "HTML", "button html"));
    if (present(p.doi)) nav.appendChild(link("https://doi.org/" + encodeURI(p.doi), "DOI " + p.doi, "button doi"));
    return nav;
  }

  function abstract(text) {
    const s = section("Abstract", "abstract");
    for (const para of String(text).split(/\n\s*\n/)) {
      if (para.trim()) s.appendChild(appendWithMath(el("p"), para));
    }
    return s;
  }

  function linkList(title, cls, links) {
    const s = section(title, cls);
    const ul = el("ul", "links");
    for (const l of links) {
      const li = el("li");
      li.appendChild(link(l.url, l.url, "ext"));
      if (present(l.host)) li.appendChild(el("span", "host", l.host));
      if (l.official) li.appendChild(el("span", "tag", "official"));
      ul.appendChild(li);
    }
    s.appendChild(ul);
    return s;
  }

  function institutions(list) {
    const s = section("Institutions", "institutions");
    const ul = el("ul");
    for (const i of list) {
      const li = el("li");
      if (present(i.rorId)) li.appendChild(link(i.rorId, i.name, "inst"));
      else li.appendChild(el("span", "inst", i.name));
      if (present(i.country)) li.appendChild(el("span", "country", i.country));
      ul.appendChild(li);
    }
    s.appendChild(ul);
    return s;
  }

  function categories(p, tax) {
    const s = section("Categories", "categories");
    const ul = el("ul");
    for (const c of p.categories) {
      const li = el("li");
      li.appendChild(link("/?category=" + encodeURIComponent(c), c, "cat"));
      const n = categoryName(tax, c);
      if (n) li.appendChild(el("span", "cat-name", n));
      if (c === p.primaryCategory) li.appendChild(el("span", "tag", "primary"));
      ul.appendChild(li);
    }
    s.appendChild(ul);
    return s;
  }

  function versions(list) {
    const s = section("Versions", "versions");
    const ul = el("ul");
    for (const v of list) {
      const parts = [v.version];
      if (present(v.date)) parts.push(String(v.date).slice(0, 10));
      if (present(v.size)) parts.push(v.size);
      ul.appendChild(el("li", null, parts.join(" · ")));
    }
    s.appendChild(ul);
    return s;
  }

  function details(p) {
    const rows = [
      ["Submitted", p.submitted],
      ["Updated", p.updated],
      ["Journal reference", p.journalRef],
      ["Comments", p.comments],
      ["Report number", p.reportNo],
      ["DOI", p.doi],
      ["Licence", p.license],
    ].filter(([, v]) => present(v));
    if (!rows.length) return null;
    const s = section("Details", "details");
    const dl = el("dl");
    for (const [k, v] of rows) {
      dl.appendChild(el("dt", null, k));
      const dd = el("dd");
      if (k === "Licence" && /^https?:\/\//.test(v)) dd.appendChild(link(v, v));
      else if (k === "Comments") appendWithMath(dd, v);
      else dd.textContent = v;
      dl.appendChild(dd);
    }
    s.appendChild(dl);
    return s;
  }

  async function related(id, tax) {
    const s = section("Related papers", "related");
    const ul = el("ul");
    s.appendChild(ul);
    try {
      const r = await getJson(apiPath(id) + "/related?size=8");
      for (const h of r.related || []) {
        const li = el("li");
        li.appendChild(link(paperPath(h.id), h.title || h.id, "related-title"));
        const meta = [];
        if (present(h.authors)) meta.push(h.authors.length > 3 ? h.authors.slice(0, 3).join(", ") + " et al." : h.authors.join(", "));
        if (h.year) meta.push(String(h.year));
        if (present(h.primaryCategory)) meta.push(categoryName(tax, h.primaryCategory) || h.primaryCategory);
        if (meta.length) li.appendChild(el("span", "meta", meta.join(" · ")));
        ul.appendChild(li);
      }
      if (!ul.children.length) ul.appendChild(el("li", "empty", "No related papers found."));
    } catch (e) {
      ul.appendChild(el("li", "empty", "Related papers could not be loaded."));
    }
    return s;
  }

  async function main() {
    const root = document.getElementById("paper");
    const id = paperId();
    const [tax, p] = await Promise.all([
      loadTaxonomy(),
      getJson(apiPath(id)).catch((e) => e),
    ]);
    if (p instanceof Error) {
      root.replaceChildren(el("h1", null, p.status === 404 ? "Paper not found" : "This paper cannot be shown"), el("p", "error", p.message));
      document.title = "Not found — paperindex";
      return;
    }
    document.title = (p.title || p.id) + " — paperindex";
    const main = el("article", "paper-main");
    main.appendChild(badges(p));
    main.appendChild(appendWithMath(el("h1", "title"), p.title || p.id));
    if (present(p.authors)) main.appendChild(authors(p.authors));
    main.appendChild(arxivLinks(p));
    if (present(p.abstract)) main.appendChild(abstract(p.abstract));
    const side = el("aside", "paper-side");
    if (present(p.codeLinks)) side.appendChild(linkList("Code", "code", p.codeLinks));
    if (present(p.datasetLinks)) side.appendChild(linkList("Datasets", "datasets", p.datasetLinks));
    if (present(p.otherLinks)) side.appendChild(linkList("Other links", "other-links", p.otherLinks));
    if (present(p.institutions)) side.appendChild(institutions(p.institutions));
    if (present(p.categories)) side.appendChild(categories(p, tax));
    if (present(p.versions)) side.appendChild(versions(p.versions));
    const d = details(p);
    if (d) side.appendChild(d);
    root.replaceChildren(main, side);
    main.appendChild(await related(p.id, tax));
  }

  main();
})();
