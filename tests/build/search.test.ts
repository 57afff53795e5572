// Site search at build time: Pagefind runs inside `npm run build` on the staging
// folder, indexes only the main content of posts, pages and providers, and only
// /search/ gets a CSP that lets WebAssembly run.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { buildInto, htmlFiles, read, DEMO } from "../helpers.ts";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { headersFor } from "../../lib/model/policy.ts";
import { parseHeadersFile } from "../../lib/outputs/headers.ts";

let out = "";
before(async () => {
  const built = await buildInto({ sourceDateEpoch: Date.parse("2026-11-25T12:00:00Z") / 1000 });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

test("the build writes the Pagefind index and its script into the site", async () => {
  for (const f of ["pagefind/pagefind.js", "pagefind/pagefind-entry.json", "search/index.html", "assets/js/search.js"])
    assert.ok(existsSync(path.join(out, f)), `missing ${f}`);
  type Entry = { version: string; languages: Record<string, { page_count: number }> };
  const count = (e: Entry) => Object.values(e.languages).reduce((n, l) => n + l.page_count, 0);
  const current = JSON.parse(await read(out, "pagefind/pagefind-entry.json")) as Entry;
  const archive = JSON.parse(await read(out, "pagefind/archive/pagefind-entry.json")) as Entry;
  assert.equal(current.version, "1.6.0");
  const bodies = (await Promise.all((await htmlFiles(out)).map(async (f) => (await read(out, f)).includes("data-pagefind-body")))).filter(
    Boolean,
  ).length;
  assert.equal(count(current) + count(archive), bodies, "Pagefind indexed exactly the pages marked with data-pagefind-body, once each");
  // The demo has 2025 posts and the build is dated 2026: those are the archive bundle's.
  const site = await loadSite({ root: DEMO, mode: "production", clock: fixedClock("2026-11-25T12:00:00Z") });
  const before2026 = site.routes.filter((r) => r.kind === "post" && r.post.date.dt.year < 2026).length;
  assert.ok(before2026 > 0);
  assert.equal(count(archive), before2026, "the archive bundle holds the posts from earlier years");
  assert.equal(
    parse(await read(out, "search/index.html"))
      .querySelector("[data-search]")
      ?.getAttribute("data-merge"),
    "pagefind/archive/",
  );
});

test("only the main content of posts, pages and providers is indexed; never nav, footer, listings or 404", async () => {
  // Which files are posts, pages and providers comes from the model's own route table.
  const site = await loadSite({ root: DEMO, mode: "production", clock: fixedClock("2026-11-25T12:00:00Z") });
  const contentFiles = new Set(
    site.routes.filter((r) => r.kind === "post" || r.kind === "page" || r.kind === "provider").map((r) => `${r.url.slice(1)}index.html`),
  );
  assert.ok(
    contentFiles.has("when-to-call/index.html") &&
      contentFiles.has("blog/sleep-and-teens/index.html") &&
      contentFiles.has("providers/maya-okafor/index.html"),
  );
  for (const file of await htmlFiles(out)) {
    if (file.startsWith("pagefind/")) continue;
    const doc = parse(await read(out, file));
    const bodies = doc.querySelectorAll("[data-pagefind-body]");
    const content = contentFiles.has(file);
    assert.equal(bodies.length, content ? 1 : 0, `${file}: ${bodies.length} data-pagefind-body`);
    if (!content) continue;
    assert.equal(bodies[0]!.tagName, "ARTICLE", file);
    assert.ok(bodies[0]!.closest("main"), `${file}: indexed content is inside main`);
  }
  // Links to other posts are navigation, not this page's content.
  assert.ok(parse(await read(out, "blog/sleep-and-teens/index.html")).querySelector(".prevnext[data-pagefind-ignore]"));
  assert.match(await read(out, "when-to-call/index.html"), /data-pagefind-weight="10" data-pagefind-meta="terms:fever /);
});

test("every page has a plain GET search form to /search/; the search page works without script", async () => {
  for (const file of ["index.html", "blog/index.html", "when-to-call/index.html", "404.html"]) {
    const form = parse(await read(out, file)).querySelector("header form[role=search]");
    assert.ok(form, `${file}: header search form`);
    assert.equal(form.getAttribute("action"), "/search/");
    assert.equal(form.getAttribute("method"), "get");
    assert.equal(form.querySelector("input[type=search]")?.getAttribute("name"), "q");
    assert.ok(form.querySelector(`label[for="${form.querySelector("input")!.getAttribute("id")}"]`), "labelled");
  }
  const search = parse(await read(out, "search/index.html"));
  assert.equal(search.querySelector("header form[role=search]"), null, "no second box on the search page itself");
  const hrefs = search.querySelectorAll(".search__browse a").map((a) => a.getAttribute("href"));
  assert.ok(hrefs.includes("/blog/tags/") && hrefs.includes("/blog/"), hrefs.join(" "));
  assert.ok(search.querySelector("main form[role=search]")!.hasAttribute("hidden"), "the box stays hidden until the script can run it");
  assert.deepEqual(
    search
      .querySelectorAll("script[src]")
      .map((s) => s.getAttribute("src"))
      .filter((s) => s!.includes("search")),
    ["/assets/js/search.js"],
  );
});

test("only the search pages may run WebAssembly; every other page keeps the strict policy (its own <meta>)", async () => {
  const meta = async (file: string) =>
    parse(await read(out, file))
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute("content")!;
  const scriptSrc = async (file: string) => (await meta(file)).split("; ").find((d) => d.startsWith("script-src "));
  assert.equal(await scriptSrc("search/index.html"), "script-src 'self' 'wasm-unsafe-eval'");
  assert.equal(await scriptSrc("es/search/index.html"), "script-src 'self' 'wasm-unsafe-eval'");
  for (const f of ["index.html", "blog/index.html", "when-to-call/index.html", "404.html"])
    assert.equal(await scriptSrc(f), "script-src 'self'", f);
  assert.match(await meta("search/index.html"), /style-src 'self';/);
  // The header is one site-wide rule (the widest policy any page needs): no rule of its own for /search/.
  const rules = parseHeadersFile(await read(out, "_headers"));
  assert.deepEqual(
    rules.filter((r) => r.headers["Content-Security-Policy"]).map((r) => r.path),
    ["/*"],
  );
  assert.equal(headersFor(rules, "/search/")["Referrer-Policy"], "no-referrer", "the other headers apply on /search/");
});

test("under a path prefix the search page and form point inside it", async () => {
  const { out: o, result } = await buildInto({ prefix: "/clinic", sourceDateEpoch: Date.parse("2026-11-25T12:00:00Z") / 1000 });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(
    parse(await read(o, "index.html"))
      .querySelector("header form[role=search]")!
      .getAttribute("action"),
    "/clinic/search/",
  );
  const root = parse(await read(o, "search/index.html")).querySelector("[data-search]")!;
  assert.equal(root.getAttribute("data-base"), "/clinic/");
  assert.match(await read(o, "_headers"), /^\/clinic\/\*$/m);
  assert.match(
    parse(await read(o, "search/index.html"))
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute("content")!,
    /'wasm-unsafe-eval'/,
  );
});

test("search bundles are cached by the text they index: chrome changes reuse them, a post edit rebuilds only its bundle", async () => {
  const { mkdtemp, writeFile, readFile: readText } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { makeContent, post } = await import("../helpers.ts");
  const cacheDir = await mkdtemp(path.join(tmpdir(), "pp-cache-"));
  const epoch = Date.parse("2026-11-25T12:00:00Z") / 1000;
  const oldBody = "Our archive post about sleep routines for toddlers.";
  const newBody = "This year's post about fevers and when to call.";
  const content = await makeContent({
    "blog/2024-03-01-old-sleep.md": post(
      { title: "Sleep routines", date: "2024-03-01", description: "An older post about sleep routines for families." },
      oldBody,
    ),
    "blog/2026-10-01-fever-now.md": post(
      { title: "Fever basics", date: "2026-10-01", description: "A recent post about fevers for parents and caregivers." },
      newBody,
    ),
    "alerts/closure.md": post(
      { message: "The office closes early on Friday.", level: "info", from: "2026-11-20", until: "2026-12-31" },
      "",
    ),
  });
  const contentDir = path.relative(DEMO, content);
  const build = async () => {
    const { out, result } = await buildInto({ contentDir, sourceDateEpoch: epoch, cacheDir });
    assert.ok(result.ok, JSON.stringify(result));
    return { out, built: [...result.searchBuilt].sort() };
  };
  const first = await build();
  assert.deepEqual(first.built, ["archive", "current"]);
  const again = await build();
  assert.deepEqual(again.built, [], "nothing indexed changed: both bundles come from the cache");
  assert.equal(await read(again.out, "pagefind/pagefind-entry.json"), await read(first.out, "pagefind/pagefind-entry.json"));
  assert.equal(
    await read(again.out, "pagefind/archive/pagefind-entry.json"),
    await read(first.out, "pagefind/archive/pagefind-entry.json"),
  );

  // An alert shows on every page, but it is not indexed text.
  const alert = path.join(content, "alerts/closure.md");
  await writeFile(alert, (await readText(alert, "utf8")).replace("Friday", "Thursday"));
  const chrome = await build();
  assert.match(await read(chrome.out, "index.html"), /Thursday/);
  assert.deepEqual(chrome.built, [], "a new alert re-indexes nothing");

  await writeFile(
    path.join(content, "blog/2026-10-01-fever-now.md"),
    post(
      { title: "Fever basics", date: "2026-10-01", description: "A recent post about fevers for parents and caregivers." },
      `${newBody} Zucchini.`,
    ),
  );
  assert.deepEqual((await build()).built, ["current"], "this year's post changed: only the current bundle is rebuilt");
  await writeFile(
    path.join(content, "blog/2024-03-01-old-sleep.md"),
    post(
      { title: "Sleep routines", date: "2024-03-01", description: "An older post about sleep routines for families." },
      `${oldBody} Quokka.`,
    ),
  );
  assert.deepEqual((await build()).built, ["archive"], "an old post changed: only the archive bundle is rebuilt");
});
