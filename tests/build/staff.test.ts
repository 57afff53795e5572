// Staff checks (reading grades, medical reviews due) on real builds of the demo: in the
// preview at /_staff/, in `npm run check`'s output, and nowhere in a production build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { buildInto, makeContent, post, read, DEMO, runCheck } from "../helpers.ts";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";

const NOW_ISO = "2026-11-25T12:00:00Z";
const NOW = Date.parse(NOW_ISO) / 1000;

const check = (contentDir = "") => runCheck(contentDir, { SOURCE_DATE_EPOCH: String(NOW) });

async function allFiles(out: string): Promise<string[]> {
  return (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

const cellText = (el: { textContent: string } | null | undefined) => el?.textContent.replace(/\s+/g, " ").trim();

test("the preview has /_staff/: the review due and every post's grade, noindex, linked from nowhere", async () => {
  const { out, result } = await buildInto({ mode: "preview", sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  const html = await read(out, "_staff/index.html");
  const doc = parse(html);
  assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex, nofollow");
  assert.equal(doc.querySelector("link[rel=canonical]"), null);
  assert.equal(doc.querySelector("html")?.getAttribute("lang"), "en");
  assert.equal(doc.querySelectorAll("script").length, 0, "no JavaScript");
  assert.equal(cellText(doc.querySelector("h1")), "Staff checks");
  assert.deepEqual(
    doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href")?.replace(/\?v=\w+$/, "")),
    ["/assets/css/site.css", "/_staff/staff.css"],
  );
  assert.ok(existsSync(path.join(out, "_staff/staff.css")));

  assert.equal(cellText(doc.querySelector("#staff-reviews")), "Medical reviews due (1)");
  const reviews = doc
    .querySelectorAll('table[aria-labelledby="staff-reviews"] tbody tr')
    .map((tr) => [cellText(tr.querySelector("th a")), cellText(tr.querySelector("th code")), ...tr.querySelectorAll("td").map(cellText)]);
  assert.deepEqual(reviews, [
    [
      "Your newborn's first week: what's normal and when to call",
      "content/blog/2025-03-18-newborn-first-week.md",
      "Dr. Maya Okafor",
      "March 14, 2025",
      "March 14, 2026",
    ],
  ]);
  assert.equal(doc.querySelector('table[aria-labelledby="staff-reviews"] tbody a')?.getAttribute("href"), "/blog/newborn-first-week/");

  assert.equal(cellText(doc.querySelector("#staff-reading")), "Reading grade of each post (1 above grade 8)");
  const rows = doc.querySelectorAll('table[aria-labelledby="staff-reading"] tbody tr');
  assert.equal(rows.length, 16, "every post, the draft too");
  const grades = rows.map((tr) => [tr.querySelector("code")?.textContent, cellText(tr.querySelectorAll("td")[1])]);
  assert.deepEqual(
    grades.filter(([, g]) => !g?.endsWith("Within target")),
    [["content/blog/2026-11-24-winter-colds.md", "8.5 Above 8"]],
  );
  const spanish = rows.find((tr) => tr.querySelector("code")?.textContent === "content/blog/2026-01-13-fever-when-to-call.es.md")!;
  assert.deepEqual(spanish.querySelectorAll("td").map(cellText), [
    "Spanish",
    "6.5 Within target",
    "11.7",
    "1.83",
    "Fernández-Huerta ease 85.2; INFLESZ 81.2, muy fácil",
  ]);
  assert.equal(spanish.querySelector("th a")?.getAttribute("lang"), "es");
  assert.match(cellText(rows.find((tr) => tr.querySelector("code")?.textContent?.includes("winter-colds"))!.querySelector("th"))!, /Draft/);

  // Linked from no other page, and named in no sitemap, feed or other file of the build.
  for (const file of await allFiles(out)) {
    if (file.startsWith("_staff/") || /\.(png|jpe?g|webp|avif|gif|ico|pdf|wasm|pf_\w+)$/.test(file) || file.startsWith("pagefind"))
      continue;
    const text = await readFile(path.join(out, file), "utf8");
    assert.ok(!text.includes("_staff"), `${file} names the staff page`);
  }
});

// Words that only the staff checks write: none may reach parents.
const STAFF_MARKERS = [
  "_staff",
  "Staff checks",
  "Medical reviews due",
  "Reading grade",
  "Within target",
  "Flesch",
  "Fernández-Huerta",
  "Fernandez-Huerta",
  "INFLESZ",
  "fernandez-huerta",
  "flesch-kincaid",
];

test("a production build holds nothing of the staff checks: no page, no stylesheet, no word of them in any file", async () => {
  const { out, result } = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  assert.ok(!existsSync(path.join(out, "_staff")));
  const files = await allFiles(out);
  assert.ok(files.length > 50, `a real build: ${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    const text = (await readFile(path.join(out, file))).toString("latin1") + (await readFile(path.join(out, file), "utf8"));
    for (const marker of STAFF_MARKERS) if (text.includes(marker)) found.push(`${file}: ${marker}`);
  }
  assert.deepEqual(found, []);
  // The demo's draft written above the target stays out too, as every draft does.
  assert.ok(!existsSync(path.join(out, "blog/winter-colds")));
});

test("production loads measure no reading level at all; preview loads measure every post", async () => {
  const production = await loadSite({ root: DEMO, mode: "production", clock: fixedClock(NOW_ISO) });
  const preview = await loadSite({ root: DEMO, mode: "preview", clock: fixedClock(NOW_ISO) });
  const posts = (site: typeof preview) => site.langs.flatMap((l) => site.byLang[l]!.posts);
  assert.deepEqual(
    posts(production)
      .filter((p) => "reading" in p)
      .map((p) => p.file),
    [],
  );
  assert.deepEqual(
    posts(preview)
      .filter((p) => !p.reading)
      .map((p) => p.file),
    [],
  );
});

test("npm run check prints each post's grade and the warnings, and still passes", async () => {
  const r = await check();
  assert.equal(r.code, 0, r.stderr);
  const [summary, ...rest] = r.stdout.trimEnd().split("\n");
  assert.match(summary!, /^No problems in content\/ \(\d+ files checked/);
  assert.deepEqual(rest, [
    "",
    "Reading grade of each post (target: grade 8 or below):",
    " 4.5  content/blog/2025-03-18-newborn-first-week.md",
    " 6.8  content/blog/2025-06-10-sun-safety.es.md",
    " 4.2  content/blog/2025-06-10-sun-safety.md",
    " 4.7  content/blog/2025-08-05-school-sports-physicals.md",
    " 4.8  content/blog/2025-09-16-vaccine-schedule.md",
    " 4.3  content/blog/2025-10-07-car-seat-basics.md",
    " 4.4  content/blog/2025-11-04-family-media-plan.md",
    " 6.5  content/blog/2026-01-13-fever-when-to-call.es.md",
    " 4.4  content/blog/2026-01-13-fever-when-to-call.md",
    " 6.5  content/blog/2026-02-03-welcome-priya-natarajan.md",
    " 3.8  content/blog/2026-03-10-sleep-and-teens.md",
    " 4.5  content/blog/2026-04-14-picky-eaters-easy-lunches.md",
    " 7.4  content/blog/2026-09-22-saturday-flu-clinics.es.md",
    " 5.3  content/blog/2026-09-22-saturday-flu-clinics.md",
    " 5.3  content/blog/2026-10-20-vaccine-questions-video.md",
    " 8.5  content/blog/2026-11-24-winter-colds.md (draft): above 8",
    "",
    "2 warnings (the site still builds):",
    "content/blog/2026-11-24-winter-colds.md (draft): reading grade 8.5 (Flesch–Kincaid) is above the practice's target of grade 8; shorter sentences and everyday words bring it down",
    "content/blog/2025-03-18-newborn-first-week.md: reviewed: the medical review by Dr. Maya Okafor on 2025-03-14 was due again on 2026-03-14 (every 12 months); have it reviewed, then update reviewed",
  ]);
  assert.equal(r.stderr, "");
});

const ok = { description: "A perfectly ordinary summary of this post for parents." };
// 58 words, 3 sentences, 135 syllables: 0.39 × 58/3 + 11.8 × 135/58 − 15.59 = 19.4
const HARD =
  "Over-the-counter cough and cold preparations are not recommended for children younger than four years of age, because controlled clinical studies have not demonstrated meaningful efficacy in this population. Serious adverse events, including accidental overdose, have been documented when multiple combination products containing identical active ingredients are administered concurrently. Symptomatic management with supportive measures remains the preferred therapeutic approach.";
const EASY =
  "Give your child plenty of water. Most colds get better in a week or two. Call us if the fever lasts more than three days. Honey can calm a cough in kids over one year old. Never give honey to a baby.";

async function withSettings(settings: string, files: Record<string, string>): Promise<string> {
  const dir = await makeContent(files);
  const yamlFile = path.join(dir, "_data/practice.yaml");
  await writeFile(yamlFile, `${await readFile(yamlFile, "utf8")}\n${settings}\n`);
  return path.relative(DEMO, dir).split(path.sep).join("/");
}

test("practice.yaml sets the target and the review age; a page's stale review is listed too", async () => {
  const dir = await withSettings("readingGrade: 1\nreviewEveryMonths: 6", {
    "blog/easy.md": post({ ...ok, title: "Easy", date: "2026-01-01", reviewedBy: "maya-okafor", reviewed: "2026-05-25" }, EASY),
    "blog/hard.md": post({ ...ok, title: "Hard", date: "2026-01-01", reviewedBy: "maya-okafor", reviewed: "2026-05-26" }, HARD),
    "pages/croup.md":
      '---\ntitle: Croup\ndescription: What to do when your child has a barking cough at night.\nreviewedBy: daniel-reyes\nreviewed: "2025-01-10"\n---\nBody.\n',
  });
  const r = await check(dir);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split("\n");
  const file = (name: string) => `${dir}/${name}`;
  assert.deepEqual(
    lines.slice(
      lines.indexOf("Reading grade of each post (target: grade 1 or below):") + 1,
      lines.indexOf("Reading grade of each post (target: grade 1 or below):") + 3,
    ),
    [` 2.0  ${file("blog/easy.md")}: above 1`, `19.4  ${file("blog/hard.md")}: above 1`],
  );
  const warnings = lines.slice(lines.indexOf("4 warnings (the site still builds):") + 1).filter(Boolean);
  assert.deepEqual(warnings, [
    `${file("blog/easy.md")}: reading grade 2.0 (Flesch–Kincaid) is above the practice's target of grade 1; shorter sentences and everyday words bring it down`,
    `${file("blog/hard.md")}: reading grade 19.4 (Flesch–Kincaid) is above the practice's target of grade 1; shorter sentences and everyday words bring it down`,
    `${file("pages/croup.md")}: reviewed: the medical review by Dr. Daniel Reyes on 2025-01-10 was due again on 2025-07-10 (every 6 months); have it reviewed, then update reviewed`,
    `${file("blog/easy.md")}: reviewed: the medical review by Dr. Maya Okafor on 2026-05-25 was due again on 2026-11-25 (every 6 months); have it reviewed, then update reviewed`,
  ]);
});

test("a target or review age that is no whole number in range is a problem in practice.yaml", async () => {
  const dir = await withSettings('readingGrade: 0\nreviewEveryMonths: "twelve"', {});
  const r = await check(dir);
  assert.equal(r.code, 1);
  const lines = r.stderr
    .trim()
    .split("\n")
    .map((l) => l.replace(/^.*_data\/practice\.yaml: /, ""));
  assert.deepEqual(lines.slice(1).sort(), ["readingGrade: expected a number of at least 1", "reviewEveryMonths: expected a whole number"]);
});
