// The preview's social kit (/_staff/social-kit/) on real builds: which posts and events it
// lists, that each network's text is the announce composer's, that its squares are real
// 1080×1080 images, and that nothing of it is in a production build or linked from a page.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parse, type HTMLElement } from "node-html-parser";
import { buildInto, makeContent, post, read, DEMO } from "../helpers.ts";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { composeAll } from "../../lib/announce/text.ts";
import type { Event, Post, Site } from "../../lib/model/model.ts";
import type { AnnounceRecord } from "../../lib/announce/record.ts";
import { socialKit } from "../../lib/kit/items.ts";
import { loadKit } from "../../lib/kit/page.ts";
import { kitHtml } from "../../layouts/kit.tsx";

const NOW_ISO = "2026-11-25T12:00:00Z";
const NOW = Date.parse(NOW_ISO) / 1000;
const summary = "A perfectly ordinary summary of this post for parents.";

let out = "";
let contentDir = "";

before(async () => {
  contentDir = await makeContent({
    "blog/2026-11-21-own-line.md": post({
      title: "Our own line",
      date: "2026-11-21",
      description: summary,
      announce: "A line of our own for the networks 👋",
    }),
    "blog/2026-11-20-flu-season.md": post({
      title: "Flu season: what to expect this winter",
      date: "2026-11-20",
      description: summary,
      image: "./flu.jpg",
      imageAlt: "A nurse gives a boy a flu shot",
    }),
    "blog/2026-11-18-fiebre.md": post({
      title: "Fever? 🌡️ When to call us",
      date: "2026-11-18",
      description: "What to do when your child has a fever, and when to call us day or night.",
    }),
    "blog/2026-11-18-fiebre.es.md": post({
      title: "¿Fiebre? 🌡️ Cuándo llamar al consultorio",
      date: "2026-11-18",
      description: "Qué hacer cuando su niño tiene fiebre, y cuándo llamarnos de día o de noche.",
    }),
    "blog/2026-11-10-quiet.md": post({ title: "Not for social networks", date: "2026-11-10", description: summary, announce: false }),
    "blog/2026-11-22-draft.md": post({ title: "Still a draft", date: "2026-11-22", description: summary, draft: true }),
    "blog/2026-09-01-old.md": post({ title: "An older post", date: "2026-09-01", description: summary }),
    "events/2026-12-05-clinic.md": post({
      title: "Saturday flu-shot clinic",
      start: "2026-12-05T09:00",
      end: "2026-12-05T13:00",
      location: "north",
      description: "Walk-in flu shots for patients six months and older.",
    }),
    "events/2026-11-01-over.md": post({
      title: "A clinic that is over",
      start: "2026-11-01T09:00",
      end: "2026-11-01T13:00",
      description: "Walk-in flu shots for patients six months and older.",
    }),
  });
  // A photo with detail in it (sharp's "attention" crop needs something to look at).
  const stripes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="#7ab"/><circle cx="800" cy="500" r="300" fill="#c53"/></svg>`,
  );
  await sharp(stripes).jpeg().toFile(path.join(contentDir, "blog/flu.jpg"));
  const built = await buildInto({ contentDir, mode: "preview", sourceDateEpoch: NOW });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, " ").trim();
const articles = async () => parse(await read(out, "_staff/social-kit/index.html")).querySelectorAll("article.kit-item");

async function allFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

test("the kit lists new published posts newest first and events not yet over; never drafts, old posts, announce: false or past events", async () => {
  const doc = parse(await read(out, "_staff/social-kit/index.html"));
  assert.equal(text(doc.querySelector("h1")), "Social kit");
  assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex, nofollow");
  assert.equal(doc.querySelector("link[rel=canonical]"), null);
  assert.equal(text(doc.querySelector("#kit-posts")), "New posts (4)");
  assert.deepEqual(doc.querySelectorAll("section[aria-labelledby=kit-posts] article h3 a").map(text), [
    "Our own line",
    "Flu season: what to expect this winter",
    "Fever? 🌡️ When to call us",
    "¿Fiebre? 🌡️ Cuándo llamar al consultorio",
  ]);
  assert.equal(doc.querySelector("section[aria-labelledby=kit-posts] article:nth-of-type(4) h3 a")?.getAttribute("lang"), "es");
  assert.deepEqual(doc.querySelectorAll("section[aria-labelledby=kit-events] article h3 a").map(text), ["Saturday flu-shot clinic"]);
  assert.match(text(doc.querySelector(".note"))!, /posts of the last 30 days and the events not yet over/);
  // The only script is the kit's own, from the site itself.
  assert.deepEqual(
    doc.querySelectorAll("script").map((s) => s.getAttribute("src")),
    ["/_staff/social-kit/copy.js"],
  );
  assert.ok(existsSync(path.join(out, "_staff/social-kit/copy.js")) && existsSync(path.join(out, "_staff/social-kit/kit.css")));
  // The staff page links to it.
  assert.ok(
    parse(await read(out, "_staff/index.html"))
      .querySelectorAll("a")
      .some((a) => a.getAttribute("href") === "/_staff/social-kit/"),
  );
});

test("each network's text on the kit is exactly what the announce composer writes, with its length as that network counts it", async () => {
  const site: Site = await loadSite({ root: DEMO, contentDir, mode: "preview", clock: fixedClock(NOW_ISO) });
  const items = new Map<string, Post | Event>();
  for (const lang of site.langs) for (const i of [...site.byLang[lang]!.posts, ...site.byLang[lang]!.upcoming]) items.set(i.url, i);
  const FROM: Record<string, string> = {
    instagram: "copy",
    threads: "copy",
    nextdoor: "copy",
    mastodon: "mastodon",
    bluesky: "bluesky",
    facebook: "facebook",
    x: "x",
  };
  let compared = 0;
  for (const article of await articles()) {
    const url = article.querySelector("h3 a")!.getAttribute("href")!;
    const composed = new Map(composeAll(items.get(url)!, site).map((c) => [c.network, c]));
    const id = article.getAttribute("aria-labelledby")!.replace(/-title$/, "");
    for (const [network, from] of Object.entries(FROM)) {
      const box = article.querySelector(`textarea#${id}-${network}`)!;
      assert.ok(box, `${url}: a box for ${network}`);
      assert.equal(box.hasAttribute("readonly"), true);
      assert.equal(box.textContent, composed.get(from as never)!.text, `${url} on ${network}`);
      assert.equal(article.querySelector(`label[for=${id}-${network}]`) !== null, true);
      const count = text(article.querySelector(`#${id}-${network}-count`))!;
      assert.ok(
        count.startsWith(
          `${composed.get(from as never)!.length} of ${new Intl.NumberFormat("en").format(composed.get(from as never)!.limit)} characters`,
        ),
        `${url} on ${network}: ${count}`,
      );
      compared++;
    }
    // Facebook takes the link apart from the text: the kit gives it in a box of its own.
    assert.equal(article.querySelector(`textarea#${id}-facebook-link`)?.textContent, composed.get("facebook")!.link);
  }
  assert.equal(compared, 5 * 7);
  // The post's own line and the Spanish text (emoji included) reach the kit as written.
  const [own, , , fiebre] = await articles();
  assert.match(
    own!.querySelector("textarea[id$=-instagram]")!.textContent,
    /^A line of our own for the networks 👋\n\nhttps:\/\/www\.juniperhillpeds\.example\/blog\/own-line\/$/,
  );
  assert.equal(fiebre!.querySelector("textarea[id$=-x]")!.getAttribute("lang"), "es");
});

test("each item has a 1080×1080 square (JPEG over the post's photo, PNG without one) and the 1200×630 card its page shares", async () => {
  const seen: string[] = [];
  for (const article of await articles()) {
    const [square, card] = article
      .querySelectorAll(".kit-images a[download]")
      .map((a) => ({ href: a.getAttribute("href")!, download: a.getAttribute("download")! }));
    const meta = await sharp(await readFile(path.join(out, square!.href))).metadata();
    assert.deepEqual([meta.width, meta.height], [1080, 1080], square!.href);
    assert.match(square!.download, /-1080x1080\.(png|jpg)$/);
    seen.push(`${text(article.querySelector("h3 a"))}: ${meta.format}`);
    const cardMeta = await sharp(await readFile(path.join(out, card!.href))).metadata();
    assert.deepEqual([cardMeta.width, cardMeta.height], [1200, 630], card!.href);
    // The card is the page's own Open Graph image.
    const page = parse(await read(out, `${article.querySelector("h3 a")!.getAttribute("href")}index.html`));
    assert.equal(
      page.querySelector('meta[property="og:image"]')?.getAttribute("content"),
      `https://www.juniperhillpeds.example${card!.href}`,
    );
    // Both images are described.
    for (const img of article.querySelectorAll(".kit-images img")) assert.ok((img.getAttribute("alt") ?? "").length > 10);
  }
  assert.deepEqual(seen, [
    "Our own line: png",
    "Flu season: what to expect this winter: jpeg",
    "Fever? 🌡️ When to call us: png",
    "¿Fiebre? 🌡️ Cuándo llamar al consultorio: png",
    "Saturday flu-shot clinic: png",
  ]);
  // The square's description says what it shows, the photo's too.
  const [, flu] = await articles();
  assert.equal(
    flu!.querySelector("textarea[id$=-alt]")!.textContent,
    "Flu season: what to expect this winter. Juniper Hill Pediatrics. Photo: A nurse gives a boy a flu shot.",
  );
});

test("in the preview, no page of the site links to the kit or names it: only the staff pages do", async () => {
  const named: string[] = [];
  for (const file of await allFiles(out)) {
    if (file.startsWith("_staff/") || /\.(png|jpe?g|webp|avif|gif|ico|pdf|wasm|pf_\w+)$/.test(file) || file.startsWith("pagefind"))
      continue;
    if ((await readFile(path.join(out, file), "utf8")).includes("social-kit")) named.push(file);
  }
  assert.deepEqual(named, []);
});

test("with the announce record, the kit lists what it has not seen and what it noted in the last 30 days, with each account's state", async () => {
  const site: Site = await loadSite({ root: DEMO, contentDir, mode: "preview", clock: fixedClock(NOW_ISO) });
  const at = "2026-11-21T08:00:00.000Z";
  const record: AnnounceRecord = {
    version: 1,
    since: "2026-08-01T08:00:00.000Z",
    // Public before announcing started, or too old: never in the kit.
    known: ["post:en:own-line"],
    items: {
      "post:en:flu-season": {
        link: "https://www.juniperhillpeds.example/blog/flu-season/",
        seen: at,
        accounts: {
          "mastodon:@juniperhill@mastodon.social": { state: "sent", at, url: "https://mastodon.social/@juniperhill/1134" },
          "x:@juniperhillpeds": { state: "pending", at, tries: 1, error: "X post: HTTP 401 Unauthorized" },
          "bluesky:juniperhill.bsky.social": { state: "sent", at, url: "javascript:alert(1)" },
        },
      },
      // Announced more than 30 days ago.
      "post:en:old": {
        link: "https://www.juniperhillpeds.example/blog/old/",
        seen: "2026-09-02T08:00:00.000Z",
        accounts: { "x:@juniperhillpeds": { state: "sent", at } },
      },
    },
  };
  const kit = socialKit(site, record);
  assert.equal(kit.rule, "record");
  assert.deepEqual(
    kit.posts.map((p) => p.url),
    ["/blog/flu-season/", "/blog/fiebre/", "/es/blog/fiebre/"],
  );
  assert.deepEqual(
    kit.events.map((e) => e.url),
    ["/events/2026-12-05-clinic/"],
  );
  assert.deepEqual(kit.posts[0]!.accounts, [
    { account: "mastodon:@juniperhill@mastodon.social", state: "sent", url: "https://mastodon.social/@juniperhill/1134", error: undefined },
    { account: "x:@juniperhillpeds", state: "pending", url: undefined, error: "X post: HTTP 401 Unauthorized" },
    // An address the site's URL policy refuses is shown as text only.
    { account: "bluesky:juniperhill.bsky.social", state: "sent", url: undefined, error: undefined },
  ]);
  const doc = parse(kitHtml(site, kit));
  assert.deepEqual(doc.querySelectorAll("article")[0]!.querySelectorAll(".kit-accounts li").map(text), [
    "mastodon:@juniperhill@mastodon.social: posted",
    "x:@juniperhillpeds: waiting: sent with the next publish (X post: HTTP 401 Unauthorized)",
    "bluesky:juniperhill.bsky.social: posted",
  ]);
  assert.equal(doc.querySelector(".kit-accounts a")?.getAttribute("href"), "https://mastodon.social/@juniperhill/1134");
  assert.ok(!doc.toString().includes("javascript:"));
  assert.equal(
    text(doc.querySelectorAll("article")[1]!.querySelector("p.kit-accounts")),
    "Not announced yet: it goes out with the next publish.",
  );

  // A damaged record does not stop the preview: the kit says why and lists the recent items.
  const damaged = await mkdtemp(path.join(tmpdir(), "pp-kit-"));
  await mkdir(path.join(damaged, "_data"));
  await writeFile(path.join(damaged, "_data/announced.json"), "{ not json");
  const fallback = await loadKit(site, damaged);
  assert.equal(fallback.rule, "recent");
  assert.match(fallback.recordError!, /announced\.json: not valid JSON .*restore it from the repository's history/);
  assert.match(text(parse(kitHtml(site, fallback)).querySelector("main"))!, /Record not read .*announced\.json: not valid JSON/);
});

test("the kit and the staff page are valid HTML (zero Nu HTML Checker errors)", () => {
  const java = spawnSync("java", ["-version"]);
  assert.ok(!java.error, "Java not found. Install it with: sudo apt-get install -y openjdk-17-jre-headless   (or run: npm run test:setup)");
  const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
  const run = spawnSync(
    "java",
    [
      "-jar",
      vnuJar,
      "--errors-only",
      "--format",
      "json",
      path.join(out, "_staff/social-kit/index.html"),
      path.join(out, "_staff/index.html"),
    ],
    { encoding: "utf8" },
  );
  const report = JSON.parse(run.stderr) as { messages: { url: string; lastLine?: number; message: string }[] };
  assert.deepEqual(
    report.messages.map((m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine ?? "?"}: ${m.message}`),
    [],
  );
  assert.equal(run.status, 0);
});

// Words and names only the kit writes.
const KIT_MARKERS = ["social-kit", "Social kit", "-1080x1080", "square for Instagram", "kit-copy", "kit-item"];

test("a production build holds nothing of the kit: no page, script, stylesheet or square, and no word of it", async () => {
  const { out: site, result } = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  assert.ok(!existsSync(path.join(site, "_staff")));
  const files = await allFiles(site);
  assert.ok(files.length > 50, `a real build: ${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    const bytes = await readFile(path.join(site, file));
    const body = bytes.toString("latin1") + bytes.toString("utf8");
    for (const marker of KIT_MARKERS) if (body.includes(marker)) found.push(`${file}: ${marker}`);
    const meta = /\.(png|jpe?g)$/.test(file) ? await sharp(bytes).metadata() : undefined;
    if (meta && meta.width === 1080 && meta.height === 1080) found.push(`${file}: a 1080×1080 image`);
  }
  assert.deepEqual(found, []);
});
