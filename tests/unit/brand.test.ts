// The practice's colours: every pair the palette draws passes WCAG AA, and a colour that
// can't is refused with the nearest shade that can.
import { test } from "node:test";
import assert from "node:assert/strict";
import { brandProblems, contrast, derivePalette, failures, nearestPassing, pairs, paletteCss } from "../../lib/brand.ts";

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
      message: '"#f5c518" can\'t be read on the page: white text on the brand colour (buttons) has a contrast of 1.6:1 (WCAG AA needs 4.5:1); the nearest shade that passes is "#896e0d"',
    },
  ]);
  assert.deepEqual(failures(derivePalette("#896e0d")), []);
  const [accent] = brandProblems({ color: "#0b6e69", accent: "#ffcc00" });
  assert.equal(accent?.field, "brand.accent");
  assert.match(accent!.message, /accent text on the page has a contrast of 1\.4:1 .*nearest shade that passes is "#[0-9a-f]{6}"/);
  assert.equal(nearestPassing("#ffffff", () => false), undefined);
});

test("the palette reaches the stylesheet as custom properties", () => {
  assert.equal(
    paletteCss(derivePalette("#7a2e8f")),
    ":root{--brand:#7a2e8f;--brand-dark:#5c236b;--brand-soft:#efe6f2;--strip:#2d1d3f;--accent:#b4451f;--deep:#201a31;--deep-text:#f4eef6;--deep-link:#decbe3;--deep-muted:#d7c0dd}\n",
  );
});
