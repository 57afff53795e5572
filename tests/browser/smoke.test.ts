// Real Chromium on the built demo: behaviour a parent relies on. (gates.test.ts checks
// every page at phone and desktop widths for errors, requests, axe and reflow.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { serveBuiltSite, type BuiltSite } from "../helpers.ts";

let site: BuiltSite;
let browser: Browser;
let server: BuiltSite["server"];

before(async () => {
  site = await serveBuiltSite();
  ({ browser, server } = site);
});

after(() => site?.close());

test("the skip link is the first Tab stop, becomes visible and moves focus to main", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + "/blog/sleep-and-teens/");
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    return { text: el.textContent, top: r.top, outline: getComputedStyle(el).outlineStyle };
  });
  assert.equal(skip.text, "Skip to main content");
  assert.ok(skip.top >= 0, "skip link is on screen when focused");
  assert.notEqual(skip.outline, "none");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  await page.close();
});

test("the sick-child call links are above the fold on a phone", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + "/faq/");
  const box = await page.locator(".sick a[href^='tel:']").first().boundingBox();
  assert.ok(box && box.y + box.height < 844);
  await page.close();
});
