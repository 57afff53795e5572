// The practice's colours: every pair the palette draws passes WCAG AA, and a colour that
// can't is refused with the nearest shade that can.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  brandProblems,
  contrast,
  darkVars,
  DEFAULT_BRAND,
  derivePalette,
  failures,
  nearestPassing,
  pairs,
  paletteCss,
} from "../../lib/model/brand.ts";
import { ROOT } from "../helpers.ts";

test("contrast follows WCAG 2.1's formula", () => {
  assert.equal(contrast("#000000", "#ffffff").toFixed(2), "21.00");
  assert.equal(contrast("#ffffff", "#ffffff").toFixed(2), "1.00");
  assert.equal(contrast("#ffffff", "#0b6e69").toFixed(2), "6.09");
  assert.equal(contrast("#767676", "#ffffff").toFixed(2), "4.54");
});

test("brand colours a practice might pick make palettes whose every pair passes AA", () => {
  for (const colour of ["#0b6e69", "#7a2e8f", "#1873cc", "#2f5d1e", "#c0392b", "#000000", "#4b0082", "#8b4513"]) {
    assert.deepEqual(failures(derivePalette(colour)), [], colour);
    for (const p of pairs(derivePalette(colour))) assert.ok(contrast(p.fg, p.bg) >= 4.5, `${colour}: ${p.what}`);
  }
});

test("a colour too light for white text is refused with the nearest shade that passes", () => {
  assert.deepEqual(brandProblems({ color: "#f5c518" }), [
    {
      field: "brand.color",
      message:
        '"#f5c518" can\'t be read on the page: white text on the brand colour (buttons) has a contrast of 1.6:1 (WCAG AA needs 4.5:1); the nearest shade that passes is "#896e0d"',
    },
  ]);
  assert.deepEqual(failures(derivePalette("#896e0d")), []);
  const [accent] = brandProblems({ color: "#0b6e69", accent: "#ffcc00" });
  assert.equal(accent?.field, "brand.accent");
  assert.match(accent.message, /accent text on the page has a contrast of 1\.4:1 .*nearest shade that passes is "#[0-9a-f]{6}"/);
  assert.equal(
    nearestPassing("#ffffff", () => false),
    undefined,
  );
});

test("the palette reaches the stylesheet as custom properties, light and dark", () => {
  assert.equal(
    paletteCss(derivePalette("#7a2e8f")),
    ":root{--brand:#7a2e8f;--brand-dark:#5c236b;--brand-soft:#efe6f2;--strip:#2d1d3f;--accent:#b4451f;--deep:#201a31;--deep-text:#f4eef6;--deep-link:#decbe3;--deep-muted:#d7c0dd}\n" +
      "@media (prefers-color-scheme:dark){:root{--bg:#181522;--card:#271e32;--line:#4a4253;--ink:#f2eaf4;--muted:#bcaec0;--brand-soft:#402a4d;--brand-dark:#d2b8d9;--fill:#b68cc1;--on-fill:#181522;--accent:#cb7d62}}\n",
  );
});

test("the dark scheme is derived for any brand: dark surfaces, cards above the page, every pair AA", () => {
  const colours = [
    "#0b6e69",
    "#7a2e8f",
    "#1873cc",
    "#2f5d1e",
    "#c0392b",
    "#000000",
    "#4b0082",
    "#8b4513",
    "#896e0d",
    "#004d40",
    "#5b21b6",
    "#9d174d",
    "#1e3a8a",
    "#3f3f46",
  ];
  const lum = (hex: string) => contrast(hex, "#000000") * 0.05 - 0.05;
  for (const colour of colours) {
    const { dark } = derivePalette(colour);
    assert.ok(lum(dark.bg) < 0.02 && lum(dark.card) < 0.04, `${colour}: dark surfaces ${dark.bg} ${dark.card}`);
    assert.ok(lum(dark.card) > lum(dark.bg), `${colour}: cards stand out from the page`);
    assert.ok(contrast(dark.ink, dark.bg) >= 7, `${colour}: body text`);
    assert.notEqual(dark.muted, dark.brandDark, `${colour}: secondary text never looks like a link`);
    for (const p of pairs(derivePalette(colour)).filter((x) => x.what.includes("dark")))
      assert.ok(contrast(p.fg, p.bg) >= 4.5, `${colour}: ${p.what}`);
  }
  // Any accent a practice may pick (one that passes in light) is lightened until it passes in dark.
  for (const accent of ["#b4451f", "#7a2e8f", "#0b6e69", "#000000", "#8f1d14"]) {
    assert.deepEqual(
      failures(derivePalette("#0b6e69", accent)).filter((f) => f.includes("dark")),
      [],
      accent,
    );
  }
});

test("the stylesheet's own dark block is the default brand's dark palette", () => {
  const css = readFileSync(path.join(ROOT, "lib/public/css/site.css"), "utf8");
  const block = /@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/.exec(css)?.[1];
  assert.ok(block, "site.css has a dark :root block");
  const declared = new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  for (const [name, value] of darkVars(derivePalette(DEFAULT_BRAND).dark)) assert.equal(declared.get(name), value, name);
});
