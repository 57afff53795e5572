// `npm run check`: the build's validation without a build: same messages, all at once,
// a non-zero exit on any problem, nothing written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildInto, makeContent, post, DEMO, runCheck } from "../helpers.ts";
import { formatProblem, type Problem } from "../../lib/content/problems.ts";

const check = (contentDir?: string) => runCheck(contentDir ?? "");

// How fast it is belongs to `npm run bench`, not to a timed test on a shared machine.
test("npm run check passes the demo content", async () => {
  const r = await check();
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^No problems in content\/ \(\d+ files checked/);
});

test("npm run check lists the build's own messages, all at once, exits 1 and writes nothing", async () => {
  const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
  const dir = await makeContent({
    "blog/flu.md": post({ ...ok, title: "Flu", date: "2024-02-30" }),
    "blog/typo.md": "---\ntitel: Typo\ndate: 2024-03-01\n---\nBody\n",
    "blog/who.md": post({ ...ok, title: "Who", author: "dr-nobody" }),
    "pages/x.md": "---\ntitle: X\ndescription: short\n---\n",
  });
  const before = await readdir(path.dirname(dir), { recursive: true });
  const r = await check(dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(await readdir(path.dirname(dir), { recursive: true }), before, "check writes nothing");

  const { result } = await buildInto({ contentDir: dir });
  assert.ok(!result.ok && result.problems);
  const lines = result.problems.map((p: Problem) => formatProblem(p));
  assert.equal(lines.length, 5, lines.join("\n"));
  assert.match(r.stderr, new RegExp(`^Check failed: ${lines.length} problems in the content\\.`));
  for (const line of lines) assert.ok(r.stderr.includes(line), `check is missing the build's line:\n${line}\nin:\n${r.stderr}`);
});

test("npm run check reads content/_data/redirects.txt: every kind of good line passes, as in the build; bad ones are named by line", async () => {
  const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
  const good = [
    "# Old addresses",
    "/2019/10/flu/  /blog/flu/  301",
    "/  p=12  /blog/flu/  301",
    "/  s=:q  /search/?q=:q  302",
    "/old/*  /blog/  301",
    "/npp/  /assets/notice-of-privacy-practices.pdf  301",
    "/forms/consent.pdf  /uploads/forms/consent.pdf  301!",
    "/rss/  /feed.xml  301",
    "/icon.png  /apple-touch-icon.png  301",
    "/map/  https://www.openstreetmap.org/  302  external",
    "/es/gripe/  /es/blog/  301",
    "",
  ].join("\n");
  const dir = await makeContent({
    "blog/2024-03-01-flu.md": post({ ...ok, title: "Flu" }),
    "uploads/forms/consent.pdf": "%PDF-1.4\n",
    "_data/redirects.txt": good,
  });
  const pass = await check(dir);
  assert.equal(pass.code, 0, pass.stderr);
  assert.match(pass.stdout, /^No problems in .*\(\d+ files checked/m);
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, result.ok ? "" : result.error);
  assert.match(await readFile(path.join(out, "_redirects"), "utf8"), /^\/forms\/consent\.pdf {2}\/uploads\/forms\/consent\.pdf {2}301!$/m);

  const file = path.relative(DEMO, path.join(dir, "_data/redirects.txt")).split(path.sep).join("/");
  await writeFile(
    path.join(dir, "_data/redirects.txt"),
    `${good}/flu/ /blog/flu/ 301 extra\n/rss/  /feed.json\n/x/  /assets/nope.pdf\n/y/  /uploads/nope.pdf\n`,
  );
  const fail = await check(dir);
  assert.equal(fail.code, 1);
  const lines = fail.stderr.trim().split("\n");
  assert.equal(lines[0], "Check failed: 4 problems in the content.");
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(";")[0]),
    [
      `${file}:12: the new address must be a path on this site ("/blog/flu/") or a web address ("https://…")`,
      `${file}:13: the old address /rss/ is already redirected on line 8`,
      `${file}:14: the new address /assets/nope.pdf is no page or file of this site`,
      `${file}:15: the new address /uploads/nope.pdf is no page or file of this site`,
    ],
  );
});
