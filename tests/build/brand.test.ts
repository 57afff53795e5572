// practice.yaml `brand` and `logo` make the site the practice's: the palette in the
// published stylesheet (its address versioned with it), the theme colour, the logo in the
// header and on the social card; a colour parents could not read is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { reportFailure } from "../../lib/build/build.ts";
import { buildInto, makeContent, read } from "../helpers.ts";

/** The demo's practice.yaml with these lines added to its `brand` (which has the home page photo only). */
async function withBrand(lines: string): Promise<string> {
  const dir = await makeContent({});
  const yaml = path.join(dir, "_data/practice.yaml");
  const text = await readFile(yaml, "utf8");
  assert.match(text, /^brand:\n  hero:/m);
  await writeFile(yaml, text.replace(/^brand:\n/m, `brand:\n${lines}\n`));
  return dir;
}

test("a brand colour becomes the site's palette, theme colour and social card; the logo is in the header", async () => {
  const { out, result } = await buildInto({ contentDir: await withBrand('  color: "#7a2e8f"') });
  assert.ok(result.ok, result.ok ? "" : reportFailure(result));
  const home = await read(out, "index.html");
  assert.match(home, /<meta name="theme-color" content="#7a2e8f">/);
  const css = /<link rel="stylesheet" href="(\/assets\/css\/site\.css\?v=[0-9a-f]+-[0-9a-f]{8})">/.exec(home);
  assert.ok(css, "the stylesheet's address carries the palette's version");
  assert.match(await read(out, "assets/css/site.css"), /:root\{--brand:#7a2e8f;--brand-dark:#5c236b;/);
  assert.match(home, /<img class="brand__mark brand__logo" src="\/assets\/logo\.svg" alt="" width="36" height="36">/);
  assert.match(await read(out, "manifest.webmanifest"), /"theme_color": "#7a2e8f"/);
  // The social card's background is the brand colour.
  const { data } = await sharp(path.join(out, "assets/social-card.png"))
    .extract({ left: 600, top: 20, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  assert.deepEqual([...data.subarray(0, 3)], [0x7a, 0x2e, 0x8f]);
});

test("without brand colours (the demo's brand has a photo only) the stylesheet is the product's own", async () => {
  const { out, result } = await buildInto({ contentDir: await makeContent({}) });
  assert.ok(result.ok);
  assert.doesNotMatch(await read(out, "assets/css/site.css"), /:root\{--brand:#[0-9a-f]{6};--brand-dark/);
  assert.match(await read(out, "index.html"), /<meta name="theme-color" content="#0b6e69">/);
});

test("a colour parents could not read is refused, with the nearest shade that passes", async () => {
  const { result } = await buildInto({ contentDir: await withBrand('  color: "#f5c518"\n  accent: "#ffcc00"') });
  assert.equal(result.ok, false);
  const report = reportFailure(result);
  assert.match(
    report,
    /practice\.yaml: brand\.color: "#f5c518" can't be read on the page: white text on the brand colour \(buttons\) has a contrast of 1\.6:1 \(WCAG AA needs 4\.5:1\); the nearest shade that passes is "#896e0d"/,
  );
  assert.match(report, /practice\.yaml: brand\.accent: "#ffcc00" can't be read on the page/);
});
