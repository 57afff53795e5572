// Which widths a photo is encoded at for each use: only those a browser can pick for the
// use's `sizes` attribute (lib/outputs/image-widths.ts widestUseful), never fewer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { widestUseful, WIDTHS } from "../../lib/outputs/image-widths.ts";
import { SIZES } from "../../lib/content/pictures.ts";

test("a thumbnail or avatar (7rem at most) needs 480 px at 3 device pixels per CSS pixel, not 1600", () => {
  assert.equal(widestUseful(SIZES.thumb), 480);
  assert.equal(widestUseful(SIZES.avatar), 480);
});

test("a team portrait (16rem, 40vw on phones) needs 800 px: 40% of a 639 px phone at 3x is 767 px", () => {
  assert.equal(widestUseful(SIZES.portrait), 800);
});

test("photos across the column keep every width (a 2x desktop at 42rem needs 1344 px)", () => {
  assert.equal(widestUseful(SIZES.body), 1600);
  assert.equal(widestUseful(SIZES.hero), 1600);
  assert.equal(widestUseful(SIZES.homeHero), 1600);
});

test("a sizes attribute it cannot read, or one that grows with the viewport, keeps every width", () => {
  assert.equal(widestUseful("100vw"), WIDTHS.at(-1));
  assert.equal(widestUseful("(min-width: 40rem) 50vw, 100vw"), WIDTHS.at(-1));
  assert.equal(widestUseful("(max-width: 30rem) 100vw, 20rem"), WIDTHS.at(-1));
});

test("each width it keeps is one of WIDTHS, and it never drops a width a 3x phone could use", () => {
  assert.equal(widestUseful("5rem"), 480);
  assert.equal(widestUseful("10rem"), 480);
  assert.equal(widestUseful("11rem"), 800); // 176 px × 3 = 528 px
  assert.equal(widestUseful("17rem"), 1200); // 272 px × 3 = 816 px
});
