// A real production build of the demo content, checked page by page.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { XMLParser } from "fast-xml-parser";
import { buildInto, htmlFiles, read } from "../helpers.ts";
import { checkLinks } from "../support/link-check.ts";

let out = "";
const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;

before(async () => {
  const built = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

const page = async (file: string) => parse(await read(out, file));

test("the demo has every page a parent needs", () => {
  for (const file of [
    "index.html",
    "404.html",
    "blog/index.html",
    "blog/page/2/index.html",
    "blog/tags/index.html",
    "blog/tags/vaccines/index.html",
    "about/index.html",
    "new-patients/index.html",
    "insurance-billing/index.html",
    "hours-locations/index.html",
    "contact/index.html",
    "faq/index.html",
    "when-to-call/index.html",
    "providers/maya-okafor/index.html",
    "blog/sleep-and-teens/index.html",
    "feed.xml",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
    "assets/css/site.css",
  ])
    assert.ok(existsSync(path.join(out, file)), `missing ${file}`);
});

test("home page answers the first questions: call, hours today, after hours, new patients, location, latest posts", async () => {
  const doc = await page("index.html");
  const text = doc.querySelector("main")!.text;
  assert.ok(doc.querySelector('main a[href^="tel:"]'), "tel: link");
  assert.match(text, /Today’s hours \(Wednesday\)/);
  assert.match(text, /8:00 AM – 12:00 PM/);
  assert.match(text, /After-hours nurse line/);
  assert.match(text, /Welcoming new patients/);
  assert.match(text, /1840 Juniper Hill Road/);
  assert.equal(doc.querySelectorAll(".latest .post-card").length, 3);
});

test("every HTML page has lang, one h1, a title, a meta description and a canonical URL", async () => {
  for (const file of await htmlFiles(out)) {
    const doc = await page(file);
    assert.equal(doc.querySelector("html")!.getAttribute("lang"), file.startsWith("es/") ? "es-US" : "en-US", file);
    assert.equal(doc.querySelectorAll("h1").length, 1, `${file}: h1 count`);
    assert.ok(doc.querySelector("title")!.text.length > 5, file);
    assert.ok((doc.querySelector('meta[name="description"]')?.getAttribute("content") ?? "").length > 20, `${file}: description`);
    if (file !== "404.html")
      assert.match(doc.querySelector('link[rel="canonical"]')!.getAttribute("href")!, /^https:\/\/www\.juniperhillpeds\.example\//, file);
  }
});

test("every internal link, anchor and asset resolves to a built file; external links are listed", async () => {
  const report = await checkLinks(out);
  assert.deepEqual(report.broken, []);
  assert.ok(report.checked > 500, `only ${report.checked} links checked`);
  assert.ok(report.external.includes("https://portal.juniperhillpeds.example"));
});

test("a post has byline, local date, reading time, tags and previous/next links", async () => {
  const doc = await page("blog/saturday-flu-clinics/index.html");
  const meta = doc.querySelector(".post__meta")!;
  assert.equal(meta.querySelector("a")!.getAttribute("href"), "/providers/maya-okafor/");
  // 07:30 Pacific daylight time on 22 September.
  assert.equal(meta.querySelector("time")!.getAttribute("datetime"), "2026-09-22T07:30:00-07:00");
  assert.equal(meta.querySelector("time")!.text, "September 22, 2026");
  assert.match(meta.text, /\d+ min read/);
  assert.ok(doc.querySelector('.tags a[href="/blog/tags/flu/"]'));
  assert.ok(doc.querySelector('.prevnext a[rel="prev"]'));
  assert.equal(doc.querySelector('.prevnext a[rel="next"]')!.getAttribute("href"), "/blog/vaccine-questions-video/");
  // The newest published post has no newer neighbour.
  assert.equal((await page("blog/vaccine-questions-video/index.html")).querySelector('.prevnext a[rel="next"]'), null);
});

test("titles with & render as text, escaped once", async () => {
  const html = await read(out, "blog/sleep-and-teens/index.html");
  assert.match(html, /<h1>Sleep &amp; teens: healthy sleep routines at every age<\/h1>/);
});

test("blog index is paginated 10 a page, newest first, with working pager links", async () => {
  const first = await page("blog/index.html");
  const dates = first.querySelectorAll(".post-card time").map((t) => t.getAttribute("datetime")!);
  assert.equal(dates.length, Math.min(10, dates.length));
  assert.deepEqual([...dates].sort().reverse(), dates);
  assert.equal(first.querySelector('.pager a[rel="next"]')?.getAttribute("href"), "/blog/page/2/");
});

test("drafts are never in a production build, feed or sitemap", async () => {
  assert.ok(!existsSync(path.join(out, "blog/winter-colds")));
  assert.doesNotMatch(await read(out, "feed.xml"), /winter-colds/);
  assert.doesNotMatch(await read(out, "feed.json"), /winter-colds/);
  assert.doesNotMatch(await read(out, "sitemap.xml"), /winter-colds/);
  assert.doesNotMatch(await read(out, "blog/index.html"), /winter-colds/);
});

test("Atom and JSON feeds parse and use absolute URLs", async () => {
  const atom = new XMLParser({ ignoreAttributes: false }).parse(await read(out, "feed.xml")) as {
    feed: { entry: { link: { "@_href": string }; title: string; content: string }[] };
  };
  const entries = atom.feed.entry;
  assert.ok(entries.length >= 9);
  for (const e of entries) assert.match(e.link["@_href"], /^https:\/\/www\.juniperhillpeds\.example\/blog\/[a-z0-9-]+\/$/);
  assert.doesNotMatch(entries.map((e) => String(e.content)).join(""), /href="\//);
  const json = JSON.parse(await read(out, "feed.json")) as { version: string; items: { url: string }[] };
  assert.match(json.version, /jsonfeed\.org/);
  assert.equal(json.items.length, entries.length);
  for (const item of json.items) assert.match(item.url, /^https:\/\//);
});

test("sitemap lists every public page once with absolute URLs; robots.txt points to it", async () => {
  type Loc = { loc: string };
  const index = new XMLParser().parse(await read(out, "sitemap.xml")) as { sitemapindex: { sitemap: Loc | Loc[] } };
  const maps = [index.sitemapindex.sitemap].flat().map((m) => m.loc);
  assert.ok(maps.includes("https://www.juniperhillpeds.example/sitemap-en.xml"));
  const sm = new XMLParser().parse(await read(out, "sitemap-en.xml")) as { urlset: { url: Loc | Loc[] } };
  const locs = [sm.urlset.url].flat().map((u) => u.loc);
  assert.equal(new Set(locs).size, locs.length);
  assert.ok(locs.includes("https://www.juniperhillpeds.example/"));
  assert.ok(locs.includes("https://www.juniperhillpeds.example/blog/sleep-and-teens/"));
  assert.ok(!locs.some((l) => l.includes("404")));
  assert.match(await read(out, "robots.txt"), /Sitemap: https:\/\/www\.juniperhillpeds\.example\/sitemap\.xml/);
});

test("pages load only first-party files; scripts are small first-party modules, and only where needed", async () => {
  for (const file of await htmlFiles(out)) {
    const doc = await page(file);
    for (const script of doc.querySelectorAll("script")) {
      const type = script.getAttribute("type");
      if (type === "application/ld+json") continue;
      assert.equal(type, "module", file);
      const src = script.getAttribute("src") ?? "";
      const allowed = ["/assets/js/live.js", "/assets/js/video.js", "/assets/js/share.js"];
      assert.ok(allowed.includes(src) || (/(^|\/)search\/index\.html$/.test(file) && src.startsWith("/assets/js/")), `${file}: ${src}`);
    }
    for (const el of doc.querySelectorAll("link[href], img[src], iframe")) {
      const ref = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
      // Canonical and hreflang links name pages; browsers don't load them.
      if (el.tagName === "LINK" && (el.getAttribute("rel") === "canonical" || el.getAttribute("hreflang"))) continue;
      assert.ok(ref.startsWith("/"), `${file}: ${ref}`);
    }
  }
  // A blog post with no dated content and no active alert needs no script at all.
  const quiet = await buildInto({ sourceDateEpoch: Date.parse("2027-03-01T12:00:00Z") / 1000 });
  assert.ok(quiet.result.ok);
  assert.doesNotMatch(await read(quiet.out, "about/index.html"), /<script(?! type="application\/ld\+json")/);
});
