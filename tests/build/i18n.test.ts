// The bilingual demo: English at /, Spanish at /es/, nothing faked, everything linked both ways.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile, rm } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { XMLParser } from "fast-xml-parser";
import { parseDocument } from "yaml";
import { buildInto, htmlFiles, makeContent, post, read } from "../helpers.ts";
import { STRINGS } from "../../lib/i18n/index.ts";

const NOW = Date.parse("2026-11-25T18:00:00Z") / 1000;
let out = "";

before(async () => {
  const built = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

const page = async (file: string) => parse(await read(out, file));
const fileOf = (url: string) => new URL(url).pathname.slice(1).replace(/(^|\/)$/, "$1index.html");

test("Spanish pages exist under /es/ with lang es-US, Spanish dates and 12-hour times", async () => {
  const home = await page("es/index.html");
  assert.equal(home.querySelector("html")!.getAttribute("lang"), "es-US");
  const hours = (await page("es/hours-locations/index.html")).querySelector("table.hours")!.text;
  assert.match(hours, /Lunes/);
  assert.match(hours, /8:00 a\.\s?m\./);
  const post = await page("es/blog/saturday-flu-clinics/index.html");
  assert.match(post.querySelector(".post__meta time")!.text, /22 de septiembre de 2026/);
});

test("every hreflang set is reciprocal and has x-default", async () => {
  let checked = 0;
  for (const file of await htmlFiles(out)) {
    const links = (await page(file)).querySelectorAll('link[rel="alternate"][hreflang]');
    if (!links.length) continue;
    const set = new Map(links.map((l) => [l.getAttribute("hreflang")!, l.getAttribute("href")!]));
    assert.ok(set.has("x-default"), file);
    assert.ok(set.has("en") && set.has("es"), file);
    for (const [lang, href] of set) {
      if (lang === "x-default") continue;
      const other = await page(fileOf(href));
      const back = new Map(
        other.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute("hreflang")!, l.getAttribute("href")!]),
      );
      assert.deepEqual(back, set, `${file} ↔ ${fileOf(href)}`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `only ${checked} alternates checked`);
});

test("every page that has a translation declares its alternates, generated pages included", async () => {
  const files = new Set(await htmlFiles(out));
  const missing: string[] = [];
  let pairs = 0;
  for (const file of files) {
    if (!file.startsWith("es/") || !files.has(file.slice(3))) continue;
    pairs++;
    for (const f of [file, file.slice(3)]) {
      const langs = (await page(f)).querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute("hreflang"));
      if (!langs.includes("en") || !langs.includes("es")) missing.push(f);
    }
  }
  assert.deepEqual(missing, []);
  // The privacy and accessibility pages are generated from the configuration, in both languages.
  assert.ok(files.has("es/privacy/index.html") && files.has("es/accessibility/index.html"));
  assert.ok(pairs >= 15, `only ${pairs} translated pairs`);
});

test("the switcher links to the same page in the other language, or to its home", async () => {
  const en = await page("blog/saturday-flu-clinics/index.html");
  assert.equal(en.querySelector(".langs a")!.getAttribute("href"), "/es/blog/saturday-flu-clinics/");
  assert.equal(en.querySelector(".langs a")!.getAttribute("lang"), "es");
  const es = await page("es/blog/saturday-flu-clinics/index.html");
  assert.equal(es.querySelector(".langs a")!.getAttribute("href"), "/blog/saturday-flu-clinics/");
  const untranslated = await page("blog/sleep-and-teens/index.html");
  assert.equal(untranslated.querySelector(".langs a")!.getAttribute("href"), "/es/");
});

test("untranslated posts are listed in Spanish as English, marked and linked to the English page", async () => {
  const blog = await page("es/blog/index.html");
  const english = blog.querySelectorAll('.post-card__title a[lang="en"]');
  assert.ok(english.length > 0);
  for (const a of english) assert.match(a.getAttribute("href")!, /^\/blog\//);
  assert.ok(blog.querySelector('.post-card__title a[href="/es/blog/saturday-flu-clinics/"]:not([lang])'));
  assert.ok(!existsSync(path.join(out, "es/blog/sleep-and-teens")));
});

test("feeds and sitemaps are per language, with alternates", async () => {
  const esFeed = JSON.parse(await read(out, "es/feed.json")) as { items: { url: string }[] };
  assert.ok(esFeed.items.length >= 3);
  for (const item of esFeed.items) assert.match(item.url, /\/es\/blog\//);
  type Url = { loc: string; "xhtml:link"?: { "@_hreflang": string }[] };
  const sm = new XMLParser({ ignoreAttributes: false }).parse(await read(out, "sitemap-es.xml")) as { urlset: { url: Url | Url[] } };
  const urls = [sm.urlset.url].flat();
  assert.ok(urls.every((u) => u.loc.startsWith("https://www.juniperhillpeds.example/es/")));
  const home = urls.find((u) => u.loc.endsWith("/es/"))!;
  assert.deepEqual(
    [home["xhtml:link"]!]
      .flat()
      .map((l) => l["@_hreflang"])
      .sort(),
    ["en", "es", "x-default"],
  );
});

test("practice facts carry per-language values with English fallback", async () => {
  const es = (await page("es/index.html")).querySelector(".brand__tagline")!.text;
  const en = (await page("index.html")).querySelector(".brand__tagline")!.text;
  assert.notEqual(es, en);
  // Street addresses are not translated; they fall back to the one value.
  assert.match((await page("es/index.html")).text, /1840 Juniper Hill Road/);
});

test("language assistance is linked from every footer in both languages; taglines carry lang and dir", async () => {
  for (const file of await htmlFiles(out)) {
    if (file === "404.html") continue;
    const link = (await page(file)).querySelector('footer a[href$="/language-assistance/"]');
    assert.ok(link, file);
    assert.match(link.text, /Language assistance \/ Asistencia con el idioma|Asistencia con el idioma \/ Language assistance/);
  }
  const doc = await page("es/language-assistance/index.html");
  assert.equal(doc.querySelector("h1")!.text, "Asistencia con el idioma");
  const arabic = doc.querySelector('.taglines li[lang="ar"]')!;
  assert.equal(arabic.getAttribute("dir"), "rtl");
  assert.equal(doc.querySelector('.taglines li[lang="vi"]')!.getAttribute("dir"), "ltr");
  assert.ok(existsSync(path.join(out, "language-assistance/index.html")));
});

async function bilingual(files: Record<string, string>) {
  return makeContent(files);
}

test("a translation with no original, an unknown language and a missing UI string fail clearly", async () => {
  const dir = await bilingual({
    "blog/ghost.es.md": post({
      title: "Fantasma",
      date: "2024-01-01",
      description: "Una traducción de una entrada que no existe en inglés.",
    }),
    "blog/typo.fr.md": post({
      title: "Typo",
      date: "2024-01-01",
      description: "Une traduction dans une langue que le site ne publie pas.",
    }),
  });
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const lines = (result as { problems: readonly { file: string; field?: string; message: string }[] }).problems.map(
    (p) => `${path.basename(p.file)} ${p.field ?? ""} ${p.message}`,
  );
  assert.ok(
    lines.some((l) => l.startsWith('ghost.es.md  is a "es" translation of "ghost", but there is no en original')),
    lines.join("\n"),
  );
  assert.ok(
    lines.some((l) => l.startsWith('typo.fr.md  file name ends in ".fr", which is not one of the site\'s languages (en, es)')),
    lines.join("\n"),
  );

  const yamlPath = path.join(dir, "_data/practice.yaml");
  await rm(path.join(dir, "blog"), { recursive: true });
  await writeFile(yamlPath, (await readFile(yamlPath, "utf8")).replace(/^languages: .*$/m, "languages: [en, es, xx]"));
  const unknown = await buildInto({ contentDir: dir });
  assert.match((unknown.result as { error: string }).error, /practice\.yaml: languages\[2\]: expected one of en, es/);

  await writeFile(yamlPath, (await readFile(yamlPath, "utf8")).replace(/^languages: .*$/m, "languages: [en, es]"));
  const es = STRINGS.es as Record<string, string>;
  const saved = es["events.register"]!;
  delete es["events.register"];
  try {
    const missing = await buildInto({ contentDir: dir });
    assert.match(
      (missing.result as { error: string }).error,
      /lib\/i18n\/es\.yaml: events\.register: missing translation for the site language "es"/,
    );
  } finally {
    es["events.register"] = saved;
  }
});

test("without a Spanish when-to-call page, the Spanish strip links the English one and says so", async () => {
  const dir = await makeContent({}, { withDemo: true });
  await rm(path.join(dir, "pages/when-to-call.es.md"), { force: true });
  const { out: o, result } = await buildInto({ contentDir: dir, sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  const link = parse(await read(o, "es/index.html")).querySelector('.sick a[href="/when-to-call/"]')!;
  assert.equal(link.getAttribute("hreflang"), "en");
});

test("a practice without language assistance: no footer link to it, and no empty list item left in its place", async () => {
  const dir = await makeContent({
    "blog/2024-01-01-a.md": post({
      title: "A post",
      date: "2024-01-01",
      description: "A perfectly ordinary summary of this post for parents.",
    }),
  });
  const yamlPath = path.join(dir, "_data/practice.yaml");
  const doc = parseDocument(await readFile(yamlPath, "utf8"));
  doc.delete("languageAssistance");
  await writeFile(yamlPath, doc.toString());
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const html = await read(out, "blog/a/index.html");
  assert.doesNotMatch(html, /language-assistance/);
  assert.doesNotMatch(html, /<li>\s*<\/li>/);
});
