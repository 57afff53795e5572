// `npm run check`: the build's validation without a build: same messages, all at once,
// a non-zero exit on any problem, nothing written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { buildInto, makeContent, post, ROOT } from "../helpers.ts";
import { formatProblem, type Problem } from "../../lib/content/problems.ts";

const run = promisify(execFile);

async function check(contentDir?: string) {
  const env = { ...process.env, PRACTICE_CONTENT: contentDir ?? "" };
  try {
    const r = await run(process.execPath, ["--import", "tsx", "scripts/check.ts"], { cwd: ROOT, env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("npm run check passes the demo content quickly", async () => {
  const started = performance.now();
  const r = await check();
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^No problems in content\/ \(\d+ files checked/);
  assert.ok(performance.now() - started < 5000, "under a few seconds, process start included");
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
  assert.equal(lines.length, 6, lines.join("\n"));
  assert.match(r.stderr, new RegExp(`^Check failed: ${lines.length} problems in the content\\.`));
  for (const line of lines) assert.ok(r.stderr.includes(line), `check is missing the build's line:\n${line}\nin:\n${r.stderr}`);
});
