// Images through sharp: responsive pictures, no metadata, orientation applied, cached,
// alt text required, and nothing half-written when an image is bad.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import sharp from "sharp";
import { parse } from "node-html-parser";
import { buildInto, DEMO, makeContent, post, read, ROOT } from "../helpers.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
let cache = "";
// A 1×1 animated GIF with two frames (red, then blue), written out byte by byte.
const TWO_FRAME_GIF = Buffer.from(
  "47494638396101000100800000" +
    "ff00000000ff" +
    "21ff0b4e45545343415045322e300301000000" +
    "21f904000a000000" +
    "2c000000000100010000" +
    "0202440100" +
    "21f904000a000000" +
    "2c000000000100010000" +
    "02024c0100" +
    "3b",
  "hex",
);
let fixture = "";

async function phonePhoto(file: string, width: number, height: number, orientation: number) {
  await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .jpeg({ quality: 80 })
    .withMetadata({
      orientation,
      exif: {
        IFD0: { Make: "PhoneMaker", Model: "Pocket 9" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "45/1 31/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "122/1 40/1 0/1" },
      },
    })
    .toFile(file);
}

before(async () => {
  cache = await mkdtemp(path.join(tmpdir(), "pp-cache-"));
  fixture = await makeContent({
    "blog/photos.md": post(
      { ...ok, title: "Photos", image: "./hero.jpg", imageAlt: "Our waiting room" },
      "![A sideways phone photo](./sideways.jpg)\n\n![decorative](/assets/logo.svg)\n\n![A remote chart](https://example.org/chart.png)\n\n![A spinning sun](./spin.gif)",
    ),
  });
  const dir = path.join(fixture, "blog");
  await phonePhoto(path.join(dir, "hero.jpg"), 2000, 1200, 1);
  // Stored 400×200 but tagged "rotate 90°": it should come out 200 wide, 400 tall.
  await phonePhoto(path.join(dir, "sideways.jpg"), 400, 200, 6);
  await writeFile(path.join(dir, "spin.gif"), TWO_FRAME_GIF);
});

async function build() {
  return buildInto({ contentDir: fixture, cacheDir: cache });
}

test("pictures with AVIF and WebP, width/height, lazy except the first large image, no metadata, orientation applied", async () => {
  const { out, result } = await build();
  assert.ok(result.ok, JSON.stringify(result));
  const doc = parse(await read(out, "blog/photos/index.html"));
  const pictures = doc.querySelectorAll("picture");
  const hero = pictures[0]!;
  assert.deepEqual(
    hero.querySelectorAll("source").map((s) => s.getAttribute("type")),
    ["image/avif", "image/webp"],
  );
  const heroImg = hero.querySelector("img")!;
  assert.deepEqual([heroImg.getAttribute("width"), heroImg.getAttribute("height")], ["1600", "960"]);
  assert.equal(heroImg.getAttribute("fetchpriority"), "high");
  assert.equal(heroImg.getAttribute("alt"), "Our waiting room");
  const sideways = pictures[1]!.querySelector("img")!;
  assert.equal(sideways.getAttribute("loading"), "lazy");
  assert.equal(sideways.getAttribute("decoding"), "async");
  assert.deepEqual([sideways.getAttribute("width"), sideways.getAttribute("height")], ["200", "400"], "EXIF orientation applied");
  // Every width really is that width, and no output carries EXIF or GPS data.
  for (const source of [...hero.querySelectorAll("source"), heroImg]) {
    for (const entry of (source.getAttribute("srcset") ?? "").split(", ").filter(Boolean)) {
      const [url, w] = entry.split(" ");
      const meta = await sharp(path.join(out, url!)).metadata();
      assert.equal(`${meta.width}w`, w, url);
      assert.equal(meta.exif, undefined, `${url} still has EXIF`);
    }
  }
  const rotated = await sharp(path.join(out, sideways.getAttribute("src")!)).metadata();
  assert.deepEqual([rotated.width, rotated.height, rotated.exif], [200, 400, undefined]);
  // Decorative images get an empty alt; a remote image is a link, never loaded.
  const svg = doc.querySelectorAll("img").find((i) => i.getAttribute("src")!.endsWith(".svg"))!;
  assert.equal(svg.getAttribute("alt"), "");
  assert.equal(doc.querySelectorAll("img").filter((i) => i.getAttribute("src")!.startsWith("http")).length, 0);
  assert.ok(
    doc.querySelectorAll("a").some((a) => a.getAttribute("href") === "https://example.org/chart.png"),
    "remote image becomes a link",
  );
  // The animated GIF stays animated (as animated WebP).
  const spin = doc.querySelectorAll("picture").at(-1)!.querySelector('source[type="image/webp"]')!.getAttribute("srcset")!.split(" ")[0]!;
  assert.equal((await sharp(path.join(out, spin), { animated: true }).metadata()).pages, 2, "animation kept");
  // A 1200×630 social crop of the post image.
  const og = doc.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
  assert.match(og, /\/img\/og-[0-9a-f]+\.jpg$/);
  const card = await sharp(path.join(out, new URL(og).pathname)).metadata();
  assert.deepEqual([card.width, card.height, card.exif], [1200, 630, undefined]);
});

test("a second build with unchanged images encodes nothing", async () => {
  await build();
  const snapshot = async () => {
    const dir = path.join(cache, "img");
    const files = await readdir(dir);
    return Object.fromEntries(
      await Promise.all(files.map(async (f): Promise<[string, number]> => [f, (await stat(path.join(dir, f))).mtimeMs])),
    );
  };
  const before = await snapshot();
  assert.ok(Object.keys(before).length > 10, `only ${Object.keys(before).length} cached files`);
  const again = await build();
  assert.ok(again.result.ok, JSON.stringify(again.result));
  const after = await snapshot();
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), "image files were added: an unchanged image was encoded again");
  assert.deepEqual(after, before, "cache files were rewritten");
});

test("an encoded file a killed build left empty is encoded again, never published empty", async () => {
  await build();
  const dir = path.join(cache, "img");
  const avif = (await readdir(dir)).filter((f) => f.endsWith(".avif"));
  assert.ok(avif.length > 0);
  // A build killed mid-encode: the file exists but holds nothing, and no record of the photo was finished.
  await writeFile(path.join(dir, avif[0]!), "");
  await rm(path.join(dir, "meta"), { recursive: true, force: true });
  // The next build is a new process, as after a kill (this one remembers what it encoded).
  const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-out-")), "_site");
  await promisify(execFile)(process.execPath, ["scripts/build.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PRACTICE_ROOT: DEMO, PRACTICE_CONTENT: fixture, PRACTICE_OUT: out, PRACTICE_CACHE: cache },
  });
  assert.ok((await stat(path.join(dir, avif[0]!))).size > 0, `${avif[0]} is still empty in the cache`);
  const published = path.join(out, "img", avif[0]!);
  assert.ok((await stat(published)).size > 0, `${avif[0]} was published empty`);
});

test("missing alt text, a missing file and an unreadable image fail the build naming the file", async () => {
  const dir = await makeContent({
    "blog/noalt.md": post({ ...ok, title: "No alt" }, "![](./photo.jpg)"),
    "blog/missing.md": post({ ...ok, title: "Missing" }, "![A photo](./nowhere.jpg)"),
    "blog/hero.md": post({ ...ok, title: "Hero", image: "./gone.jpg", imageAlt: "Gone" }),
    "blog/nohero.md": post({ ...ok, title: "No hero alt", image: "./x.jpg" }),
    "blog/broken.md": post({ ...ok, title: "Broken" }, "![A broken file](./broken.jpg)"),
    "blog/broken.jpg": "this is not a JPEG",
  });
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const lines = (result as { problems: readonly { file: string; field?: string; message: string }[] }).problems.map(
    (p) => `${path.basename(p.file)}: ${p.field}: ${p.message}`,
  );
  assert.ok(
    lines.some((l) => l.startsWith('noalt.md: body: image "./photo.jpg" has no alt text')),
    lines.join("\n"),
  );
  assert.ok(lines.includes('missing.md: body: image "./nowhere.jpg" does not exist'), lines.join("\n"));
  assert.ok(lines.includes('hero.md: image: image "./gone.jpg" does not exist'), lines.join("\n"));
  assert.ok(
    lines.some((l) => l.startsWith('nohero.md: imageAlt: image "./x.jpg" has no alt text')),
    lines.join("\n"),
  );
  assert.ok(
    lines.some((l) => l.startsWith('broken.md: body: image "./broken.jpg" could not be read')),
    lines.join("\n"),
  );
});

test("a 6000×4000 phone photo and a PNG screenshot build within memory", async () => {
  const dir = await makeContent({
    "blog/big.md": post({ ...ok, title: "Big" }, "![A very large photo](./big.jpg)\n\n![A screenshot](./shot.png)"),
  });
  // 24 megapixels (what decoding and resizing hold in memory) in a file of a phone photo's
  // size (about 3 MB): random noise enlarged from 300×200, so it varies smoothly as a photo
  // does. Noise at full size (a 16 MB file) is much slower to make and to encode, and
  // exercises no other code.
  const blotches = await sharp({
    create: { width: 300, height: 200, channels: 3, background: "#7aa", noise: { type: "gaussian", mean: 128, sigma: 40 } },
  })
    .raw()
    .toBuffer();
  await sharp(blotches, { raw: { width: 300, height: 200, channels: 3 } })
    .resize(6000, 4000, { kernel: "cubic" })
    .jpeg({ quality: 90 })
    .toFile(path.join(dir, "blog/big.jpg"));
  await sharp({ create: { width: 1440, height: 900, channels: 4, background: "#ffffff" } })
    .png()
    .toFile(path.join(dir, "blog/shot.png"));
  // Its own cache: the photo is random noise, new each run, so the demo's cache would gain a set of encodes every run.
  const { out, result } = await buildInto({ contentDir: dir, cacheDir: await mkdtemp(path.join(tmpdir(), "pp-cache-")) });
  assert.ok(result.ok, JSON.stringify(result));
  const imgs = parse(await read(out, "blog/big/index.html")).querySelectorAll("picture img");
  assert.deepEqual(
    imgs.map((i) => i.getAttribute("width")),
    ["1600", "1200"],
  );
});

test("icons and the web app manifest come from the practice logo", async () => {
  const { out, result } = await buildInto();
  assert.ok(result.ok);
  assert.match(await read(out, "favicon.svg"), /^<svg/);
  for (const [file, size] of [
    ["icon-192.png", 192],
    ["icon-512.png", 512],
    ["apple-touch-icon.png", 180],
  ] as const) {
    const meta = await sharp(path.join(out, file)).metadata();
    assert.deepEqual([meta.width, meta.height, meta.format], [size, size, "png"], file);
  }
  const manifest = JSON.parse(await read(out, "manifest.webmanifest")) as { name: string; icons: { sizes: string }[] };
  assert.equal(manifest.name, "Juniper Hill Pediatrics");
  assert.deepEqual(
    manifest.icons.map((i) => i.sizes),
    ["192x192", "512x512", "512x512"],
  );
  const head = parse(await read(out, "index.html")).querySelector("head")!;
  assert.ok(head.querySelector('link[rel="manifest"][href="/manifest.webmanifest"]'));
  assert.ok(head.querySelector('link[rel="apple-touch-icon"][href="/apple-touch-icon.png"]'));
  void ROOT;
});
