// The live preview (`npm start`) rewrites only the pages a save changed: a page that comes
// out as the last build wrote it keeps its file (and its time), and after the save every
// page is exactly what a fresh build of the same content writes. (Timings: `npm run bench`.)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO, makeContent } from "../helpers.ts";
import type { PreviewSession } from "../support/preview-session.ts";
import { fivePostFiles, postFile, postSource, previewOfDemo } from "../support/preview-posts.ts";
import { build } from "../../lib/build/build.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const desc = "A plain-language post for parents, written for the preview writes test.";
const file = postFile;
const source = postSource(desc);
/** The pages the routes write (the stylesheet, copied assets and search bundles are written differently by `npm run build`). */
const isPage = (f: string) => /\.(html|xml|json|ics|txt)$/.test(f) && !/^(assets|img|pagefind|_staff|admin|_search)\//.test(f);

async function files(dir: string): Promise<Map<string, { text: string; mtime: number }>> {
  const found = new Map<string, { text: string; mtime: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, abs).split(path.sep).join("/");
    if (!isPage(rel)) continue;
    found.set(rel, { text: await readFile(abs, "utf8"), mtime: (await stat(abs)).mtimeMs });
  }
  return found;
}

let session: PreviewSession | undefined;
after(() => session?.close());

test(
  "a save rewrites the pages it changed, leaves the others' files alone, and every page matches a fresh build",
  { timeout: 240_000 },
  async () => {
    const content = await makeContent(fivePostFiles(desc));
    const cacheDir = path.join(DEMO, ".cache");
    const started = await previewOfDemo(content, { sourceDateEpoch: NOW, cacheDir });
    session = started.session;
    const out = started.out;
    const before = await files(out);

    // A title edit: the post, its neighbours, the blog index, the tag page and the feeds change; the rest does not.
    const n = session.builds();
    await writeFile(path.join(content, file("2026-03-05", "charlie")), source("2026-03-05", "Fevers: when to call us"));
    await session.waitForBuilds(n);
    const now = await files(out);

    const rewritten = [...now].filter(([f, { mtime }]) => before.get(f)?.mtime !== mtime).map(([f]) => f);
    for (const f of [
      "blog/charlie/index.html",
      "blog/bravo/index.html",
      "blog/delta/index.html",
      "blog/index.html",
      "feed.xml",
      "feed.json",
    ])
      assert.ok(rewritten.includes(f), `${f} was rewritten`);
    for (const [f, { text, mtime }] of now) {
      const was = before.get(f);
      if (was && was.text === text) assert.equal(mtime, was.mtime, `${f} came out the same and was not written again`);
    }
    assert.ok(now.size - rewritten.length > 10, `most pages were left alone (${rewritten.length} of ${now.size} rewritten)`);

    // The preview's pages are the ones a fresh build of the same content in preview mode writes.
    const fresh = path.join(await mkdtemp(path.join(tmpdir(), "pp-fresh-")), "_site");
    const result = await build({ root: DEMO, contentDir: content, out: fresh, mode: "preview", sourceDateEpoch: NOW, cacheDir });
    assert.ok(result.ok, JSON.stringify(result));
    const built = await files(fresh);
    assert.ok(built.size > 20, `the fresh build wrote ${built.size} pages`);
    for (const [f, { text }] of built) assert.equal(now.get(f)?.text, text, `${f} in the preview is what a fresh build writes`);
  },
);
