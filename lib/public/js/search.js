// Site search on /search/ only: asks the Pagefind index that the build wrote to
// /pagefind/ (first-party files, nothing from another site) and lists title and
// excerpt for each result. Pagefind's own UI is not used: it needs inline styles,
// which this site's Content-Security-Policy does not allow.
const root = document.querySelector("[data-search]");

if (root) {
  const base = root.dataset.base || "/";
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const status = root.querySelector(".search__status");
  const list = root.querySelector(".search__results");
  const noscript = root.querySelector(".search__noscript");
  const say = (key, vars = {}) => (root.dataset[key] || "").replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));

  let pagefind;
  const load = () =>
    (pagefind ??= import(`${base}pagefind/pagefind.js`).then(async (pf) => {
      // Result addresses carry the host's path prefix (GitHub Pages project sites).
      // No worker: a worker runs under its own script's CSP, and only this page's
      // CSP allows WebAssembly; a practice site's index is small enough for the page.
      // A page's front-matter searchTerms (meta "terms") count more than a title match.
      const settings = { baseUrl: base, ranking: { metaWeights: { terms: 10 } } };
      await pf.options({ ...settings, noWorker: true });
      // Older posts live in their own bundle (rebuilt only when they change): search both as one.
      for (const dir of (root.dataset.merge || "").split(" ").filter(Boolean)) await pf.mergeIndex(`${base}${dir}`, settings);
      return pf;
    }));

  // Pagefind marks matches with <mark> inside escaped text. Parse it inertly and keep
  // only text and <mark>, so nothing else from an excerpt can reach the page.
  const excerptNodes = (html) => {
    const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    return [...doc.body.firstChild.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  };

  const render = (query, results) => {
    list.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement("li");
        li.className = "card search-result";
        const h2 = document.createElement("h2");
        h2.className = "search-result__title";
        const a = document.createElement("a");
        a.href = r.url;
        a.textContent = r.meta?.title || r.url;
        h2.append(a);
        const p = document.createElement("p");
        p.className = "search-result__excerpt";
        p.append(...excerptNodes(r.excerpt || ""));
        li.append(h2, p);
        return li;
      }),
    );
    list.hidden = results.length === 0;
    const n = results.length;
    status.textContent = n === 0 ? say("msgNone", { query }) : n === 1 ? say("msgOne", { query }) : say("msgMany", { query, count: n });
  };

  let latest = 0;
  const run = async (query) => {
    const mine = ++latest;
    if (!query) {
      status.textContent = "";
      list.replaceChildren();
      list.hidden = true;
      return;
    }
    status.textContent = say("msgLoading");
    try {
      const pf = await load();
      const found = await pf.search(query);
      const results = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
      if (mine === latest) render(query, results);
    } catch {
      // The browse links below stay; the message says why the box gave nothing.
      if (mine === latest) {
        status.textContent = say("msgFailed");
        list.hidden = true;
      }
    }
  };

  form.hidden = false;
  noscript.hidden = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    run(query);
  });

  const initial = (new URLSearchParams(location.search).get("q") || "").trim();
  input.value = initial;
  if (initial) run(initial);
}
