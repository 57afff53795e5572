// The live preview (`npm start`): after staff save a post, the preview server rebuilds
// and every page that shows the post agrees: the post, the blog index, its tag page,
// its neighbours' previous/next links and both feeds. A broken save changes nothing
// and says what to fix; fixing it resumes. (Timings live in `npm run bench`.)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { makeContent } from "../helpers.ts";
import type { PreviewSession } from "../support/preview-session.ts";
import { fivePostFiles, postFile, postSource, previewOfDemo } from "../support/preview-posts.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const desc = "A plain-language post for parents, written for the live preview test.";
const file = postFile;
const source = postSource(desc);

let session: PreviewSession | undefined;
after(() => session?.close());

test(
  "a save in the preview updates the post, the blog index, the tag page, the neighbours and the feeds",
  { timeout: 240_000 },
  async () => {
    const content = await makeContent(fivePostFiles(desc));
    const started = await previewOfDemo(content, { sourceDateEpoch: NOW });
    session = started.session;
    const out = started.out;
    const page = async (f: string) => parse(await readFile(path.join(out, f), "utf8"));
    const text = (f: string) => readFile(path.join(out, f), "utf8");
    // A save, then every page named in `until` shows what it must: the build counted by
    // waitForBuilds can be one that started before the save (a watcher event of the last
    // save), with the save's own build still writing, so each page gets until then.
    const save = async (name: string, body: string, until: Record<string, (text: string) => boolean> = {}) => {
      const n = session!.builds();
      await writeFile(path.join(content, name), body);
      await session!.waitForBuilds(n);
      for (const [f, ok] of Object.entries(until)) await session!.waitForFile(f, ok, 60_000);
    };
    const charlie = file("2026-03-05", "charlie");

    // A body edit.
    const fluids = (t: string) => t.includes("advice on fluids and rest");
    await save(charlie, source("2026-03-05", "Charlie post about fevers", "Now with advice on fluids and rest."), {
      "blog/charlie/index.html": fluids,
      "feed.json": fluids,
    });
    assert.match(await text("blog/charlie/index.html"), /advice on fluids and rest/);
    assert.match(await text("feed.json"), /advice on fluids and rest/);

    // A title edit reaches every page that names the post.
    const prevnextIn = (html: string) =>
      parse(html)
        .querySelectorAll(".prevnext a")
        .map((a) => a.text)
        .join("\n");
    const retitled = (t: string) => t.includes("Fevers: when to call us") && !t.includes("Charlie post about fevers");
    await save(
      charlie,
      source("2026-03-05", "Fevers: when to call us", "Now with advice on fluids and rest."),
      Object.fromEntries(
        [
          "blog/charlie/index.html",
          "blog/index.html",
          "blog/tags/wellness/index.html",
          "feed.xml",
          "feed.json",
          "blog/bravo/index.html",
          "blog/delta/index.html",
        ].map((f) => [f, retitled]),
      ),
    );
    assert.equal((await page("blog/charlie/index.html")).querySelector("h1")?.text.trim(), "Fevers: when to call us");
    for (const f of ["blog/index.html", "blog/tags/wellness/index.html", "feed.xml", "feed.json"]) {
      const t = await text(f);
      assert.ok(t.includes("Fevers: when to call us"), `${f} shows the new title`);
      assert.ok(!t.includes("Charlie post about fevers"), `${f} no longer shows the old title`);
    }
    const prevnext = async (key: string) =>
      Object.fromEntries(
        (await page(`blog/${key}/index.html`))
          .querySelectorAll(".prevnext a")
          .map((a) => [a.getAttribute("rel") ?? "", a.querySelector(".prevnext__title")!.text.trim()]),
      );
    assert.deepEqual(await prevnext("bravo"), { prev: "Alpha post about naps", next: "Fevers: when to call us" });
    assert.deepEqual(await prevnext("delta"), { prev: "Fevers: when to call us", next: "Echo post about sunscreen" });

    // A date edit moves the post: it is now the newest, and its old neighbours meet.
    await writeFile(path.join(content, charlie), "");
    const { rm } = await import("node:fs/promises");
    await rm(path.join(content, charlie));
    await save(file("2026-06-05", "charlie"), source("2026-06-05", "Fevers: when to call us", "Now with advice on fluids and rest."), {
      "blog/bravo/index.html": (t) => prevnextIn(t).includes("Delta post about car seats"),
      "blog/charlie/index.html": (t) => prevnextIn(t).includes("Echo post about sunscreen"),
      "feed.json": (t) => (JSON.parse(t) as { items: { title: string }[] }).items[0]?.title === "Fevers: when to call us",
      "blog/index.html": (t) => t.indexOf("Fevers: when to call us") < t.indexOf("Echo post about sunscreen"),
    });
    const first = (await page("blog/index.html")).querySelector("main h2 a, main h3 a");
    assert.equal(first?.text.trim(), "Fevers: when to call us", "the blog index lists the moved post first");
    assert.deepEqual(await prevnext("bravo"), { prev: "Alpha post about naps", next: "Delta post about car seats" });
    assert.deepEqual(await prevnext("charlie"), { prev: "Echo post about sunscreen" });
    const feed = JSON.parse(await text("feed.json")) as { items: { title: string }[] };
    assert.equal(feed.items[0]?.title, "Fevers: when to call us");

    // A broken save: the preview keeps the last good pages and names the file and field.
    const before = await text("blog/charlie/index.html");
    const logged = session.log().length;
    await writeFile(
      path.join(content, file("2026-06-05", "charlie")),
      source("2026-02-30", "Fevers: when to call us", "Now with a typo in the date."),
    );
    for (let waited = 0; !/date/.test(session.log().slice(logged)) && waited < 30_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    assert.match(session.log().slice(logged), /blog\/2026-06-05-charlie\.md(:\d+)?: date: /);
    assert.equal(await text("blog/charlie/index.html"), before, "the last good page stays");
    // The failed build may still be finishing (its closing log line can come after this save), so wait for the page itself.
    await writeFile(
      path.join(content, file("2026-06-05", "charlie")),
      source("2026-06-05", "Fevers: when to call us", "Fixed and saved again."),
    );
    await session.waitForFile("blog/charlie/index.html", (t) => /Fixed and saved again/.test(t));
  },
);
