// Deterministic output: the clock (SOURCE_DATE_EPOCH) is the only "now", so two builds at
// the same instant are byte-identical and a deploy only changes what really changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { buildInto, makeContent, post, DEMO, ROOT } from "../helpers.ts";
import { compareTrees, pagesChangedBetween } from "../../lib/build/ci.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;

test("two builds of the demo with the same SOURCE_DATE_EPOCH are byte-identical, file by file", async () => {
  const first = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(first.result.ok, JSON.stringify(first.result));
  // A build of its own: under npm test the first is the run's shared build with this clock
  // (tests/helpers.ts), which the same request would return again. The cache folder named is
  // the default one, so the inputs are the same.
  const second = await buildInto({ sourceDateEpoch: NOW, cacheDir: path.join(DEMO, ".cache") });
  assert.notEqual(second.out, first.out, "two builds, not one read twice");
  assert.ok(second.result.ok, JSON.stringify(second.result));
  const diff = await compareTrees(first.out, second.out);
  assert.deepEqual(
    { changed: diff.changed, added: diff.added, removed: diff.removed },
    { changed: [], added: [], removed: [] },
    "files that differ between the two builds",
  );
  assert.ok(diff.same > 100, `only ${diff.same} files compared`);

  // The clock really is the input: a day later, dated pages move on (and the statement's date).
  const later = await buildInto({ sourceDateEpoch: NOW + 86400 });
  assert.ok(later.result.ok);
  const moved = await compareTrees(first.out, later.out);
  for (const file of ["index.html", "accessibility/index.html"])
    assert.ok(moved.changed.includes(file), `${file} did not change a day later`);
});

test("npm run build (compiled ahead, scripts/build.mjs) writes exactly the site the TypeScript build writes", async () => {
  const { execFile } = await import("node:child_process");
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  // The demo plus enough posts that both builds read content on two threads (lib/content/parallel.ts).
  const extra = Object.fromEntries(
    Array.from({ length: 320 }, (_, i) => [
      `blog/2024-0${(i % 9) + 1}-1${i % 10}-extra-${i}.md`,
      post(
        {
          title: `Extra post ${i}`,
          date: `2024-0${(i % 9) + 1}-1${i % 10}`,
          description: "A generated post so the build reads content on two threads.",
          tags: [`topic ${i % 7}`],
        },
        `Some **text** for post ${i}, with [a link](/new-patients/).\n\n- one\n- two`,
      ),
    ]),
  );
  const content = await makeContent(extra, { withDemo: true });
  const contentDir = path.relative(DEMO, content);
  const typescript = await buildInto({ sourceDateEpoch: NOW, contentDir });
  assert.ok(typescript.result.ok, JSON.stringify(typescript.result));
  const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-compiled-")), "_site");
  const env = {
    ...process.env,
    PRACTICE_ROOT: DEMO,
    SOURCE_DATE_EPOCH: String(NOW),
    PRACTICE_OUT: out,
    PRACTICE_CONTENT: contentDir,
    PRACTICE_MODE: "",
    PATH_PREFIX: "",
  };
  for (const k of ["PRACTICE_MODE", "PATH_PREFIX"] as const) delete env[k];
  const printed = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, env }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
  assert.match(printed, /Built \d+ files/);
  const diff = await compareTrees(typescript.out, out);
  assert.deepEqual({ changed: diff.changed, added: diff.added, removed: diff.removed }, { changed: [], added: [], removed: [] });
  assert.ok(diff.same > 400, `only ${diff.same} files compared`);
});

test("no code that runs at build time reads the system clock except lib/build/clock.ts", async () => {
  const offenders: string[] = [];
  const CLOCK_READS = /\bDate\.now\(|new Date\(\s*\)|DateTime\.(now|local|utc)\(\s*\)|performance\.timeOrigin/;
  for (const dir of ["lib", "layouts"]) {
    for (const f of await readdir(path.join(ROOT, dir), { recursive: true })) {
      if (!/\.tsx?$/.test(f)) continue;
      const file = `${dir}/${f.split(path.sep).join("/")}`;
      if (file === "lib/build/clock.ts") continue;
      const lines = (await readFile(path.join(ROOT, file), "utf8")).split("\n");
      lines.forEach(
        (line, i) => CLOCK_READS.test(line) && !line.trim().startsWith("//") && offenders.push(`${file}:${i + 1}: ${line.trim()}`),
      );
    }
  }
  assert.deepEqual(offenders, [], "read the time from the build's clock (site.now / lib/build/clock.ts) instead");
});

test("CI finds the pages a content push changed by building before and after with one clock", async () => {
  const before = await makeContent({
    "blog/flu.md": post({ title: "Flu shots", date: "2024-03-01", description: "Flu shots every Saturday in October at both offices." }),
  });
  const after = await makeContent({
    "blog/flu.md": post(
      { title: "Flu shots", date: "2024-03-01", description: "Flu shots every Saturday in October at both offices." },
      "Now also on Sundays.",
    ),
  });
  const pages = await pagesChangedBetween({ root: DEMO, before, after, sourceDateEpoch: NOW });
  assert.ok(pages, "both contents build");
  assert.deepEqual(pages, ["/blog/flu/"], "only the edited post's page changed (its listing shows the description, which stayed)");

  const broken = await makeContent({ "blog/flu.md": "---\ntitle: Flu\n---\n" });
  assert.equal(
    await pagesChangedBetween({ root: DEMO, before: broken, after, sourceDateEpoch: NOW }),
    undefined,
    "old content that no longer builds: every page is checked",
  );
});
