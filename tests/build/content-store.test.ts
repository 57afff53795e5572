// The content caches kept on disk between builds (lib/content/stored.ts): a second build
// reuses what the first parsed and rendered, writes exactly the same site, and never shows
// a stale page: an edited file, a file that is gone, a poster that appeared, a damaged
// store and another version of the code all give what a build from nothing gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { buildInto, makeContent, post, DEMO } from "../helpers.ts";
import { compareTrees } from "../../lib/build/ci.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const desc = "A plain-language post for parents, written for the content store test.";

async function storeOf(cacheDir: string): Promise<string> {
  const names = (await readdir(path.join(cacheDir, "content"))).filter((n) => n.endsWith(".v8"));
  assert.equal(names.length, 1, `one store in ${cacheDir}/content: ${names.join(", ")}`);
  return path.join(cacheDir, "content", names[0]!);
}

/** The cache of the builds from nothing: its encoded photos are kept (they are not what this file tests), its content store never. */
let freshCache: string | undefined;

async function sameAsFresh(root: string, out: string, label: string): Promise<void> {
  freshCache ??= await mkdtemp(path.join(tmpdir(), "pp-store-fresh-"));
  await rm(path.join(freshCache, "content"), { recursive: true, force: true });
  const fresh = await buildInto({ root, sourceDateEpoch: NOW, cacheDir: freshCache });
  assert.ok(fresh.result.ok, JSON.stringify(fresh.result));
  const diff = await compareTrees(fresh.out, out);
  assert.deepEqual({ changed: diff.changed, added: diff.added, removed: diff.removed }, { changed: [], added: [], removed: [] }, label);
  assert.ok(diff.same > 20, `${label}: only ${diff.same} files compared`);
}

test(
  "a build reuses the stored content, and every kind of change gives the site a build from nothing gives",
  { timeout: 240_000 },
  async () => {
    const files = {
      "blog/2026-01-05-naps.md": post(
        { title: "Naps for toddlers", date: "2026-01-05", description: desc, tags: ["sleep"], comments: "closed" },
        "Most toddlers nap **once** a day.",
      ),
      "blog/2026-02-05-snacks.md": post(
        { title: "Healthy snacks", date: "2026-02-05", description: desc, tags: ["food"] },
        "Fruit, yogurt and cheese.",
      ),
      "comments/naps/2026-01-06-aa11bb22.md": '---\nauthor: "Sam P."\ndate: "2026-01-06T09:30"\n---\nDoes a *short* nap count?\n',
    };
    // A project of its own, so a file can appear in its assets/.
    const root = await mkdtemp(path.join(tmpdir(), "pp-store-root-"));
    await cp(path.join(DEMO, "assets"), path.join(root, "assets"), { recursive: true });
    await cp(await makeContent(files), path.join(root, "content"), { recursive: true });
    const content = path.join(root, "content");
    const cacheDir = await mkdtemp(path.join(tmpdir(), "pp-store-"));
    const build = () => buildInto({ root, sourceDateEpoch: NOW, cacheDir });

    const first = await build();
    assert.ok(first.result.ok, JSON.stringify(first.result));
    const store = await storeOf(cacheDir);

    // The store is really read: a marker put into a stored body shows on the next build's page.
    const stored = v8.deserialize(await readFile(store)) as { renders: [string, { result: { html: string } }][] };
    const naps = stored.renders.find(([abs]) => abs.endsWith("2026-01-05-naps.md"));
    assert.ok(naps, "the naps post's rendered body is stored");
    naps[1].result.html = naps[1].result.html.replace("once", "once STORED-MARKER");
    await writeFile(store, v8.serialize(stored));
    const reused = await build();
    assert.ok(reused.result.ok);
    assert.match(await readFile(path.join(reused.out, "blog/naps/index.html"), "utf8"), /STORED-MARKER/);

    // An edited file is read again: the marker goes, the new words come.
    await writeFile(path.join(content, "blog/2026-01-05-naps.md"), files["blog/2026-01-05-naps.md"].replace("**once**", "**twice**"));
    const edited = await build();
    assert.ok(edited.result.ok);
    const page = await readFile(path.join(edited.out, "blog/naps/index.html"), "utf8");
    assert.doesNotMatch(page, /STORED-MARKER/);
    assert.match(page, /<strong>twice<\/strong>/);
    await sameAsFresh(root, edited.out, "after an edit");

    // A visitor's comment is stored rendered, and an edited one is rendered again.
    const comments = (v8.deserialize(await readFile(store)) as { comments: [string, { html: string }][] }).comments;
    assert.ok(
      comments.some(([abs, c]) => abs.endsWith("2026-01-06-aa11bb22.md") && c.html.includes("<em>short</em>")),
      "the comment's HTML is stored",
    );
    await writeFile(
      path.join(content, "comments/naps/2026-01-06-aa11bb22.md"),
      files["comments/naps/2026-01-06-aa11bb22.md"].replace("*short*", "**long**"),
    );
    const commented = await build();
    assert.ok(commented.result.ok);
    assert.match(await readFile(path.join(commented.out, "blog/naps/index.html"), "utf8"), /<strong>long<\/strong>/);
    await sameAsFresh(root, commented.out, "after a comment was edited");

    // A body that names a video's poster: stored while the file is missing (a problem), then
    // the file appears, and the stored result (with its problem) must not be reused.
    await writeFile(
      path.join(content, "blog/2026-03-05-video.md"),
      post(
        { title: "A video", date: "2026-03-05", description: desc, tags: ["sleep"] },
        'Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n{title="Naps" poster="/assets/video/store-poster.jpg"}',
      ),
    );
    const missing = await build();
    assert.ok(
      !missing.result.ok && JSON.stringify(missing.result).includes("store-poster.jpg does not exist"),
      JSON.stringify(missing.result),
    );
    await mkdir(path.join(root, "assets/video"), { recursive: true });
    await cp(path.join(DEMO, "assets/hero.jpg"), path.join(root, "assets/video/store-poster.jpg"));
    const appeared = await build();
    assert.ok(appeared.result.ok, `with the poster the build passes: ${JSON.stringify(appeared.result)}`);
    await sameAsFresh(root, appeared.out, "after a poster appeared");

    // A file that is gone leaves the site and the store.
    await rm(path.join(content, "blog/2026-02-05-snacks.md"));
    await rm(path.join(content, "blog/2026-03-05-video.md"));
    const removed = await build();
    assert.ok(removed.result.ok);
    const after = v8.deserialize(await readFile(store)) as { reads: [string][] };
    assert.ok(!after.reads.some(([abs]) => abs.endsWith("snacks.md")), "the deleted post's entry is gone from the store");
    await sameAsFresh(root, removed.out, "after a deletion");

    // A damaged store (a killed build, a full disk) is a cold cache, not a failed build.
    await writeFile(store, Buffer.from("not a store at all"));
    const damaged = await build();
    assert.ok(damaged.result.ok, JSON.stringify(damaged.result));
    await sameAsFresh(root, damaged.out, "after a damaged store");
  },
);
