// Shared helpers of the search and paper pages. Every piece of text from the API is untrusted:
// it is put into the page with textContent or text nodes, never parsed as HTML.
"use strict";

const PI = (() => {
  /** Creates an element with a class and text (set as text, never as HTML). */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /** An <a> only for http(s) URLs; anything else (javascript:, data:) becomes plain text. */
  function link(href, text, cls) {
    let ok = false;
    try {
      const u = new URL(href, location.origin);
      ok = u.protocol === "https:" || u.protocol === "http:";
    } catch (e) {
      ok = false;
    }
    if (!ok) return el("span", cls, text);
    const a = el("a", cls, text);
    a.href = href;
    if (!href.startsWith("/")) a.rel = "noopener noreferrer";
    return a;
  }

  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (m, name) => {
      if (name[0] === "#") {
        const cp = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : m;
    });
  }

  /**
   * Appends an API highlight (HTML-escaped text with <mark> around hits) to parent. A strict
   * sanitiser that needs no HTML parser: the only markup recognised is the literal <mark> and
   * </mark>; everything between is entity-decoded and added as a text node, so any other tag in
   * the string shows as text.
   */
  function appendHighlight(parent, html) {
    const parts = String(html).split(/(<mark>|<\/mark>)/);
    let target = parent;
    for (const part of parts) {
      if (part === "<mark>") {
        if (target === parent) {
          target = el("mark");
          parent.appendChild(target);
        }
      } else if (part === "</mark>") {
        target = parent;
      } else if (part) {
        target.appendChild(document.createTextNode(decodeEntities(part)));
      }
    }
    return parent;
  }

  // a few TeX macros shown as their symbols so $...$ reads well without a math renderer
  const TEX = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ",
    eta: "η", theta: "θ", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ",
    sigma: "σ", tau: "τ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ",
    Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Psi: "Ψ",
    Omega: "Ω", le: "≤", leq: "≤", ge: "≥", geq: "≥", neq: "≠", ne: "≠", approx: "≈", sim: "∼",
    to: "→", rightarrow: "→", leftarrow: "←", infty: "∞", times: "×", cdot: "·", pm: "±",
    sum: "∑", prod: "∏", int: "∫", partial: "∂", nabla: "∇", in: "∈", subset: "⊂",
    subseteq: "⊆", cup: "∪", cap: "∩", ell: "ℓ", hbar: "ħ", log: "log", sqrt: "√",
    mathbb: "", mathcal: "", mathrm: "", rm: "", left: "", right: "",
  };

  function texToText(src) {
    return src.replace(/\\([a-zA-Z]+)/g, (m, name) =>
      Object.prototype.hasOwnProperty.call(TEX, name) ? TEX[name] : m);
  }

  /** Appends text with its http(s) URLs as links (the URL text itself is shown unchanged). */
  function appendLinked(parent, text) {
    const re = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'"]/g;
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(link(m[0], m[0], "ext"));
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /** Appends text with $...$ and $$...$$ shown as monospace math spans (no external renderer). */
  function appendWithMath(parent, text) {
    const s = String(text);
    const re = /\$\$([^$]+)\$\$|\$([^$]+)\$/g;
    let last = 0;
    let m;
    while ((m = re.exec(s)) !== null) {
      if (m.index > last) appendLinked(parent, s.slice(last, m.index));
      const math = el("span", "math", texToText(m[1] !== undefined ? m[1] : m[2]));
      math.title = m[0];
      parent.appendChild(math);
      last = re.lastIndex;
    }
    if (last < s.length) appendLinked(parent, s.slice(last));
    return parent;
  }

  let taxonomy = null;

  /** Loads the category names (code -> name) once; resolves to an empty map on failure. */
  function loadTaxonomy() {
    if (!taxonomy) {
      taxonomy = fetch("/static/taxonomy.json")
        .then((r) => (r.ok ? r.json() : {}))
        .catch(() => ({}));
    }
    return taxonomy;
  }

  /** The arXiv name of a category code, or null. */
  function categoryName(tax, code) {
    if (!tax || !code) return null;
    const c = tax.categories || {};
    const a = tax.archives || {};
    if (Object.prototype.hasOwnProperty.call(c, code)) return c[code];
    if (Object.prototype.hasOwnProperty.call(a, code)) return a[code];
    return null;
  }

  /** Fetches JSON; rejects with the API's {"error"} message when there is one. */
  async function getJson(url) {
    let r;
    try {
      r = await fetch(url, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new Error("The server could not be reached.");
    }
    let body = null;
    try {
      body = await r.json();
    } catch (e) {
      body = null;
    }
    if (!r.ok) {
      const err = new Error(body && typeof body.error === "string" ? body.error : "Request failed (HTTP " + r.status + ").");
      err.status = r.status;
      throw err;
    }
    return body;
  }

  /** The path of a paper page; old-style ids keep their slash. */
  function paperPath(id) {
    return "/paper/" + String(id).split("/").map(encodeURIComponent).join("/");
  }

  return { el, link, appendHighlight, appendWithMath, loadTaxonomy, categoryName, getJson, paperPath, decodeEntities };
})();
