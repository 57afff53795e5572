// The build session (lib/build/session.ts): a build keeps its state to itself, so two builds
// in one process at the same time write exactly what each writes alone; and the caches a
// session keeps between loads (the preview's rebuilds) let go of a deleted file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type BuildRequest } from "../../lib/build/build.ts";
import { compareTrees } from "../../lib/build/ci.ts";
import { writeSearchIndex } from "../../lib/outputs/search/index.ts";
import { loadSite } from "../../lib/content/load.ts";
import { createContentCaches } from "../../lib/content/caches.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { DEMO, makeContent, post } from "../helpers.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const desc = "A plain-language post for parents, written for the build session test.";

async function otherPractice(): Promise<string> {
  const content = await makeContent({
    "blog/2026-05-01-birch-news.md": post(
      { title: "News from Birch Lane", date: "2026-05-01", description: desc, tags: ["birch-only"] },
      "We moved our flu clinic to Saturdays.",
    ),
  });
  const yaml = path.join(content, "_data/practice.yaml");
  await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^name: .*$/m, "name: Birch Lane Children's Clinic"));
  return content;
}

test("two builds of different content at the same time each write exactly what they write alone", { timeout: 300_000 }, async () => {
  const other = await otherPractice();
  const tmp = await mkdtemp(path.join(tmpdir(), "pp-session-"));
  // Different content, prefix, clock and mode: anything one build left in a shared place would show in the other.
  const requests: BuildRequest[] = [
    { root: DEMO, sourceDateEpoch: NOW, prefix: "/juniper" },
    {
      root: DEMO,
      contentDir: other,
      sourceDateEpoch: NOW + 40 * 86400,
      prefix: "/birch",
      mode: "preview",
      cacheDir: path.join(tmp, "cache-birch"),
    },
  ];
  const into = (label: string, i: number) => path.join(tmp, `${label}-${i}`, "_site");
  try {
    // Alone first (one after the other): this also fills the image caches the two runs share.
    for (const [i, req] of requests.entries()) {
      const alone = await build({ ...req, out: into("alone", i) });
      assert.ok(alone.ok, JSON.stringify(alone));
    }
    const together = await Promise.all(requests.map((req, i) => build({ ...req, out: into("together", i) })));
    for (const r of together) assert.ok(r.ok, JSON.stringify(r));

    for (const i of requests.keys()) {
      const diff = await compareTrees(into("alone", i), into("together", i));
      assert.deepEqual(
        { changed: diff.changed, added: diff.added, removed: diff.removed },
        { changed: [], added: [], removed: [] },
        `build ${i}: files that differ from the build run alone`,
      );
      assert.ok(diff.same > 30, `build ${i}: only ${diff.same} files compared`);
    }
    // And the two really are different sites.
    const home = (i: number) => readFile(path.join(into("together", i), "index.html"), "utf8");
    const [demo, birch] = [await home(0), await home(1)];
    assert.match(demo, /Juniper Hill Pediatrics/);
    assert.doesNotMatch(demo, /Birch Lane/);
    assert.match(demo, /href="\/juniper\/blog\/"/);
    assert.match(birch, /Birch Lane Children&#39;s Clinic|Birch Lane Children's Clinic/);
    assert.doesNotMatch(birch, /Juniper Hill Pediatrics/);
    assert.match(birch, /href="\/birch\/blog\/"/);

    // The search bundles above came from the caches; Pagefind itself, run for both sites at
    // once: its helper process is shared by the whole Node process, and one index finishing
    // must not stop the other's.
    const indexed = async (site: string) => {
      const html = (await readdir(site, { recursive: true })).filter((f) => f.endsWith(".html"));
      const marked = await Promise.all(
        html.map(async (f) => ((await readFile(path.join(site, f), "utf8")).includes("data-pagefind-body") ? f : undefined)),
      );
      return marked.filter((f) => f !== undefined).sort();
    };
    const runs = await Promise.all(
      requests.map(async (_req, i) =>
        writeSearchIndex(into("alone", i), [{ name: "current", dir: "again", files: await indexed(into("alone", i)) }]),
      ),
    );
    for (const [i, run] of runs.entries()) {
      assert.deepEqual(run.built, ["current"], `build ${i}: indexed by Pagefind`);
      assert.ok(run.files > 2, `build ${i}: only ${run.files} pages indexed`);
      assert.ok(existsSync(path.join(into("alone", i), "again", "pagefind-entry.json")), `build ${i}: bundle written`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(path.dirname(other), { recursive: true, force: true });
  }
});

test("a session's caches keep the files a load read and drop a deleted file's entries", async () => {
  const content = await makeContent({
    "blog/2026-03-01-stays.md": post(
      { title: "This post stays", date: "2026-03-01", description: desc, tags: ["kept-tag"] },
      "A body that stays.",
    ),
    "blog/2026-04-01-goes.md": post(
      { title: "This post goes", date: "2026-04-01", description: desc, tags: ["gone-tag"] },
      "A body that goes.",
    ),
  });
  const stays = path.join(content, "blog/2026-03-01-stays.md");
  const goes = path.join(content, "blog/2026-04-01-goes.md");
  const caches = createContentCaches();
  const load = () => loadSite({ root: DEMO, contentDir: content, mode: "preview", clock: fixedClock("2026-11-25T12:00:00Z"), caches });
  try {
    await load();
    for (const file of [stays, goes]) {
      assert.ok(caches.reads.has(file), `${path.basename(file)} read and kept`);
      assert.ok(caches.renders.has(file), `${path.basename(file)} rendered and kept`);
      assert.ok(caches.readingLevels.has(file), `${path.basename(file)} measured and kept`);
    }
    assert.ok(caches.slugs.has("kept-tag") && caches.slugs.has("gone-tag"));
    const read = caches.reads.get(stays);

    await rm(goes);
    const site = await load();
    assert.deepEqual(
      site.byLang[site.defaultLang]!.posts.map((p) => p.title),
      ["This post stays"],
    );
    assert.equal(caches.reads.get(stays), read, "the unchanged post was not parsed again");
    for (const cache of [caches.reads, caches.renders, caches.readingLevels]) {
      assert.equal(cache.has(goes), false, "the deleted post's entry is gone");
      assert.equal(cache.has(stays), true);
    }
    assert.equal(caches.slugs.has("gone-tag"), false, "a tag no post has any more is gone");
    assert.equal(caches.slugs.has("kept-tag"), true);
  } finally {
    await rm(path.dirname(content), { recursive: true, force: true });
  }
});
