// Bad and odd content: one clear message per problem, all at once, nothing half-written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import { build, reportFailure } from "../../lib/build/build.ts";
import { buildInto, makeContent, post, read, DEMO } from "../helpers.ts";
import { checkLinks } from "../support/link-check.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };

test("every problem is reported at once, naming file and field", async () => {
  const dir = await makeContent({
    "blog/2024-02-30-flu.md": post({ ...ok, title: "Flu", date: "2024-02-30" }),
    "blog/typo.md": "---\ntitel: Typo\ndate: 2024-03-01\n---\nBody\n",
    "blog/broken.md": '---\ntitle: "Unclosed\ndate: 2024-03-01\n---\n',
    "blog/who.md": post({ ...ok, title: "Who", author: "dr-nobody" }),
    "blog/2024-01-01-same.md": post({ ...ok, title: "One" }),
    "blog/same.md": post({ ...ok, title: "Two" }),
    "pages/blog.md": "---\ntitle: Blog page\ndescription: A page that collides with the built-in blog index.\n---\n",
  });
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const report = reportFailure(result);
  const rel = (f: string) => path.relative(DEMO, path.join(dir, f));
  for (const line of [
    `${rel("blog/2024-02-30-flu.md")}:2: date: February 2024 has only 29 days; check the day, got "2024-02-30"`,
    `${rel("blog/typo.md")}:2: titel: unknown field; did you mean "title"?`,
    `${rel("blog/typo.md")}: description: is required`,
    `${rel("blog/broken.md")}:2: the quote that starts the title in "title: \\"Unclosed" is never closed; add " at the end of the line`,
    `${rel("blog/who.md")}: author: no provider with the slug "dr-nobody"`,
    `${rel("blog/same.md")}: claims the address /blog/same/, which ${rel("blog/2024-01-01-same.md")} already uses`,
    `${rel("pages/blog.md")}: claims the address /blog/, which the built-in blog page already uses`,
  ])
    assert.ok(report.includes(line), `expected line:\n${line}\nin:\n${report}`);
  assert.match(report, /^Build failed: 7 problems/);
});

test("a failed build leaves the previous site untouched", async () => {
  const { out, result } = await buildInto({ contentDir: await makeContent({ "blog/a.md": post({ ...ok, title: "A good post" }) }) });
  assert.ok(result.ok);
  const before = await read(out, "blog/a/index.html");
  const bad = await makeContent({ "blog/a.md": post({ ...ok, title: "A good post", date: "2024-13-01" }) });
  const again = await build({ root: DEMO, out, contentDir: bad });
  assert.equal(again.ok, false);
  assert.equal(await read(out, "blog/a/index.html"), before);
  assert.deepEqual((await import("node:fs")).readdirSync(path.dirname(out)), ["_site"], "no staging folders left behind");
});

test("broken practice.yaml is reported with the content problems", async () => {
  const dir = await makeContent({ "blog/x.md": post({ ...ok, title: "X", date: "2024-02-31" }) });
  const yaml = await readFile(path.join(dir, "_data/practice.yaml"), "utf8");
  await writeFile(
    path.join(dir, "_data/practice.yaml"),
    yaml.replace(/^timezone: .*$/m, "timezone: Mars/Base").replace(/^phone: .*$/m, ""),
  );
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const lines = (result as { problems: readonly { field?: string; file: string }[] }).problems.map(
    (p) => `${path.basename(p.file)} ${p.field}`,
  );
  assert.deepEqual(lines.sort(), ["practice.yaml phone", "practice.yaml timezone", "x.md date"]);
});

test("hostile titles render as text everywhere: page, title tag, listings, feeds", async () => {
  const title = `<script>alert("x")</script> & "quotes" <b>bold</b>`;
  const { out, result } = await buildInto({
    contentDir: await makeContent({ "blog/evil.md": post({ ...ok, title, description: `${title} in the summary too` }) }),
  });
  assert.ok(result.ok, JSON.stringify(result));
  for (const file of ["blog/evil/index.html", "blog/index.html", "index.html", "feed.xml"]) {
    const html = await read(out, file);
    assert.doesNotMatch(html, /<script>alert/, file);
    assert.doesNotMatch(html, /<b>bold<\/b>/, file);
  }
  assert.match(
    await read(out, "blog/evil/index.html"),
    /<h1>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &quot;quotes&quot; &lt;b&gt;bold&lt;\/b&gt;<\/h1>/,
  );
  assert.equal((JSON.parse(await read(out, "feed.json")) as { items: { title: string }[] }).items[0]?.title, title);
});

test("odd input builds: emoji, right-to-left text, very long words; a 300-character tag fails clearly", async () => {
  const { out, result } = await buildInto({
    contentDir: await makeContent({
      "blog/odd.md": post(
        { ...ok, title: "Fiebre 🤒 y حرارة — ¿qué hacer?", tags: ["🩺 checkups", "صحة", "Ünïcödé"] },
        `${"Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(8)}\n\nשלום עולם`,
      ),
    }),
  });
  assert.ok(result.ok, JSON.stringify(result));
  const html = await read(out, "blog/odd/index.html");
  assert.match(html, /Fiebre 🤒 y حرارة/);
  assert.ok(existsSync(path.join(out, "blog/tags/checkups/index.html")));
  assert.ok(existsSync(path.join(out, "blog/tags/uenicoede/index.html")));

  const long = await buildInto({
    contentDir: await makeContent({ "blog/long.md": post({ ...ok, title: "Long tag", tags: ["x".repeat(300)] }) }),
  });
  assert.equal(long.result.ok, false);
  assert.match(
    (long.result as { error: string }).error,
    /long\.md:\d+: tags\[0\]: has 300 characters; at most 40 fit, so shorten it by 260/,
  );
  const emoji = await buildInto({
    contentDir: await makeContent({ "blog/emoji.md": post({ ...ok, title: "Only emoji tag", tags: ["🩺"] }) }),
  });
  assert.match((emoji.result as { error: string }).error, /emoji\.md: tags: tag "🩺" has no letters or digits/);
});

test("a post dated in the future stays out of production until its time; preview shows it", async () => {
  const dir = await makeContent({ "blog/soon.md": post({ ...ok, title: "Coming soon", date: "2026-12-01T08:00" }) });
  const now = Date.parse("2026-12-01T15:59:00Z") / 1000; // 07:59 in Los Angeles
  const early = await buildInto({ contentDir: dir, sourceDateEpoch: now });
  assert.ok(early.result.ok, JSON.stringify(early.result));
  assert.ok(!existsSync(path.join(early.out, "blog/soon/index.html")));
  const later = await buildInto({ contentDir: dir, sourceDateEpoch: now + 120 });
  assert.ok(later.result.ok, JSON.stringify(later.result));
  assert.ok(existsSync(path.join(later.out, "blog/soon/index.html")));
  const preview = await buildInto({ contentDir: dir, sourceDateEpoch: now, mode: "preview" });
  assert.match(await read(preview.out, "blog/soon/index.html"), /Draft — not published/);
});

test("a build under a path prefix has no broken links", async () => {
  const { out, result } = await buildInto({ prefix: "/clinic" });
  assert.ok(result.ok);
  const report = await checkLinks(out, { prefix: "/clinic" });
  assert.deepEqual(report.broken, []);
  assert.ok(report.checked > 500);
  // Every page is checked, the trust pages and the footer's notice link included.
  for (const file of ["privacy/index.html", "accessibility/index.html", "assets/notice-of-privacy-practices.pdf"])
    assert.ok(existsSync(path.join(out, file)), file);
  assert.match(await read(out, "privacy/index.html"), /href="\/clinic\/assets\/notice-of-privacy-practices\.pdf"/);
});

test("a path prefix is applied to every internal link", async () => {
  const { out, result } = await buildInto({
    contentDir: await makeContent({ "blog/a.md": post({ ...ok, title: "A" }, "See [new patients](/new-patients/).") }),
    prefix: "/clinic",
  });
  assert.ok(result.ok);
  const html = await read(out, "blog/a/index.html");
  const hrefs = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
  assert.ok(hrefs.length > 5);
  for (const h of hrefs) assert.match(h, /^\/clinic\//, h);
  assert.match(html, /<link rel="canonical" href="https:\/\/www\.juniperhillpeds\.example\/clinic\/blog\/a\/">/);
});

test("a malformed video line fails the build naming the file", async () => {
  const dir = await makeContent({ "blog/v.md": post({ ...ok, title: "Video" }, 'https://youtu.be/dQw4w9WgXcQ\n{title="x" colour="red"}') });
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  assert.match(
    (result as { error: string }).error,
    /v\.md: body: video attribute "colour" is not one of title, caption, transcript, poster/,
  );
});
