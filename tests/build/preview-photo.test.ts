// The live preview (`npm start`): a new photo does not hold up the save's pages. The save's
// own rebuild writes every page at once, the new photo's post with a quick stand-in (one
// small WebP, no metadata: a phone photo's GPS position never reaches even the preview); the
// photo is encoded in the background, and the rebuild its finished encoding sets off shows
// the real picture. `npm run build` never publishes a stand-in. (Timings: `npm run bench`.)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { DEMO, buildInto, makeContent, post } from "../helpers.ts";
import type { PreviewSession } from "../support/preview-session.ts";
import { previewOfDemo } from "../support/preview-posts.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const desc = "A plain-language post for parents, written for the preview photo test.";
const alpha = (extra: Record<string, unknown> = {}) =>
  post({ title: "Alpha post about naps", date: "2026-01-05", description: desc, tags: ["sleep"], ...extra }, "Naps matter.");
const bravo = (body: string) => post({ title: "Bravo post about snacks", date: "2026-02-05", description: desc, tags: ["food"] }, body);

let session: PreviewSession | undefined;
after(() => session?.close());

test(
  "a new photo in the preview: the save's pages are written at once with a stand-in, then the real picture",
  { timeout: 240_000 },
  async () => {
    const content = await makeContent({ "blog/2026-01-05-alpha.md": alpha(), "blog/2026-02-05-bravo.md": bravo("Fruit and cheese.") });
    // A cache of its own: the photo is new to it.
    const cacheDir = await mkdtemp(path.join(tmpdir(), "pp-preview-photo-cache-"));
    const started = await previewOfDemo(content, { sourceDateEpoch: NOW, cacheDir });
    session = started.session;
    const out = started.out;

    // A phone-sized photo with a camera's metadata, added to one post; another post edited in the same save.
    await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: "#777777", noise: { type: "gaussian", mean: 120, sigma: 40 } },
    })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: "SECRET-GPS-PLACE" } })
      .toFile(path.join(content, "blog/nap-photo.jpg"));
    await writeFile(
      path.join(content, "blog/2026-01-05-alpha.md"),
      alpha({ image: "./nap-photo.jpg", imageAlt: "A toddler asleep on a blanket" }),
    );
    await writeFile(path.join(content, "blog/2026-02-05-bravo.md"), bravo("Fruit, cheese and yogurt."));

    await session.waitForFile("blog/bravo/index.html", (t) => t.includes("Fruit, cheese and yogurt."), 60_000);
    const first = await session.waitForFile("blog/alpha/index.html", (t) => t.includes("A toddler asleep on a blanket"), 60_000);
    assert.ok(first >= 0);
    const page = await readFile(path.join(out, "blog/alpha/index.html"), "utf8");
    const standIn = /src="\/img\/(pending-[0-9a-f]+\.webp)"/.exec(page);
    assert.ok(standIn, `the save's build shows a stand-in, not waiting for the encoder:\n${/<img[^>]*toddler[^>]*>/.exec(page)?.[0]}`);
    // Linked into the output once the build's pages are written.
    await session.waitForFile(`img/${standIn[1]}`, (t) => t.length > 0, 60_000);
    const standInFile = await readFile(path.join(out, "img", standIn[1]!));
    const meta = await sharp(standInFile).metadata();
    assert.equal(meta.format, "webp");
    assert.ok(meta.width! <= 800, `the stand-in is small: ${meta.width} px`);
    assert.equal(meta.exif, undefined, "the stand-in carries no EXIF");
    assert.ok(!standInFile.includes("SECRET-GPS-PLACE"), "nothing of the camera's metadata");

    // The background encoding ends in a rebuild that shows the real picture.
    await session.waitForFile(
      "blog/alpha/index.html",
      (t) => /<picture>[^]*\.avif[^]*A toddler asleep on a blanket/.test(t) && !t.includes("pending-"),
      180_000,
    );

    // The social card's crop, made beside the encoding, is published by then too.
    const card = /property="og:image" content="[^"]*\/img\/(og-[0-9a-f]+\.jpg)"/.exec(
      await readFile(path.join(out, "blog/alpha/index.html"), "utf8"),
    );
    assert.ok(card, "the post's card is its photo's crop");
    await session.waitForFile(`img/${card[1]}`, (t) => t.length > 0, 60_000);

    // npm run build encodes before it writes: no stand-in is ever published.
    const built = await buildInto({ contentDir: path.relative(DEMO, content), sourceDateEpoch: NOW });
    assert.ok(built.result.ok, JSON.stringify(built.result));
    const html = await readFile(path.join(built.out, "blog/alpha/index.html"), "utf8");
    assert.match(html, /<picture>[^]*\.avif/);
    assert.ok(!(await readdir(path.join(built.out, "img"))).some((f) => f.startsWith("pending-")), "no stand-in in the built site");
  },
);
