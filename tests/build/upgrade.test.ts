// A practice forks the repository and makes content/ and assets/ its own; a new version of
// Practice Press changes only the product's folders (and the demo in examples/), so taking
// it is a merge without conflicts, and the merged site builds (docs/upgrading.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { appendFile, cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO, ROOT } from "../helpers.ts";

const ID = {
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.org",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.org",
};

test(
  "a practice's own content and a new version of the product merge without conflicts, and the site builds",
  { timeout: 180_000 },
  async () => {
    const repo = path.join(await mkdtemp(path.join(tmpdir(), "pp-fork-")), "site");
    execFileSync("git", ["clone", "--quiet", ROOT, repo]);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env: { ...process.env, ...ID }, stdio: "pipe" }).toString();
    // Whatever the repository's own content/ holds (a practice's, after npm run setup), the
    // fork in this test starts from the demo, as a fresh fork of Practice Press does.
    for (const folder of ["content", "assets"]) {
      await rm(path.join(repo, folder), { recursive: true, force: true });
      await cp(path.join(DEMO, folder), path.join(repo, folder), { recursive: true });
    }
    git("add", "-A", "content", "assets");
    git("commit", "--quiet", "--allow-empty", "-m", "A fresh fork: the demo's content");
    git("checkout", "--quiet", "-b", "practice");
    const base = git("rev-parse", "HEAD").trim();

    // The practice makes the site its own: its name, one post gone, its logo.
    const yaml = path.join(repo, "content/_data/practice.yaml");
    await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^name: .*$/m, "name: Riverside Family Medicine"));
    await rm(path.join(repo, "content/blog/2026-11-24-winter-colds.md"));
    await writeFile(
      path.join(repo, "assets/logo.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#7a2e8f"/></svg>\n',
    );
    git("commit", "--quiet", "-am", "Riverside Family Medicine");

    // Meanwhile Practice Press changes the product and the demo.
    git("checkout", "--quiet", "-b", "upstream", base);
    await appendFile(path.join(repo, "lib/model/urls.ts"), "\n// A new version.\n");
    await appendFile(path.join(repo, "lib/public/css/site.css"), "\n/* A new version. */\n");
    await appendFile(path.join(repo, "examples/demo/content/pages/about.md"), "\nA new paragraph in the demo.\n");
    git("commit", "--quiet", "-am", "Practice Press: a new version");

    git("checkout", "--quiet", "practice");
    git("merge", "--quiet", "--no-edit", "upstream"); // throws on a conflict
    assert.match(await readFile(path.join(repo, "lib/model/urls.ts"), "utf8"), /A new version/);
    assert.match(await readFile(yaml, "utf8"), /^name: Riverside Family Medicine$/m);

    await symlink(path.join(ROOT, "node_modules"), path.join(repo, "node_modules"));
    const out = path.join(repo, "_site");
    await promisify(execFile)(process.execPath, ["scripts/build.mjs"], {
      cwd: repo,
      // The demo's encoded photos, shared with the other tests: the fork has the same ones.
      env: { ...process.env, PRACTICE_ROOT: "", PRACTICE_CONTENT: "", PRACTICE_OUT: out, PRACTICE_CACHE: path.join(DEMO, ".cache") },
    });
    const home = await readFile(path.join(out, "index.html"), "utf8");
    assert.match(home, /Riverside Family Medicine/);
    assert.match(await readFile(path.join(out, "assets/logo.svg"), "utf8"), /#7a2e8f/);
    assert.match(await readFile(path.join(out, "assets/css/site.css"), "utf8"), /\S/);
  },
);

test("npm run build takes a project folder relative to where it runs, and an output folder that doesn't exist yet", async () => {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-out-")), "not", "yet", "_site");
  const r = await promisify(execFile)(process.execPath, ["scripts/build.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PRACTICE_ROOT: path.relative(ROOT, DEMO),
      PRACTICE_CONTENT: "",
      PRACTICE_OUT: out,
      PRACTICE_CACHE: path.join(DEMO, ".cache"),
    },
  });
  // Its last line; a step slower than two seconds (a busy machine) is announced on lines before it.
  assert.match(r.stdout, /^Built \d+ files into [^\n]+\n$/m);
  assert.match(await readFile(path.join(out, "index.html"), "utf8"), /Juniper Hill Pediatrics/);
});
