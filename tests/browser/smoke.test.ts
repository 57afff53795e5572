// Real Chromium on the built demo: phone and desktop widths, no console errors, no
// request to any other origin, no sideways scrolling, a skip link that works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../lib/tools/browser.ts";
import { serveStatic, type StaticServer } from "../../lib/tools/static-server.ts";
import { buildInto } from "../helpers.ts";

let browser: Browser;
let server: StaticServer;

before(async () => {
  const { out, result } = await buildInto();
  assert.ok(result.ok, JSON.stringify(result));
  server = await serveStatic(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
  { name: "reflow", width: 320, height: 640 },
];

for (const path of ["/", "/blog/saturday-flu-clinics/", "/hours-locations/", "/contact/", "/about/"]) {
  for (const vp of VIEWPORTS) {
    test(`${path} at ${vp.width}px: loads cleanly, first-party only, no sideways scroll`, async () => {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
      const page = await context.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => !r.url().startsWith(new URL(server.url).origin) && foreign.push(r.url()));
      const response = await page.goto(server.url + path);
      assert.equal(response?.status(), 200);
      assert.deepEqual(errors, []);
      assert.deepEqual(foreign, []);
      assert.deepEqual(await context.cookies(), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      const stylesheetApplied = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(stylesheetApplied, "rgb(245, 248, 247)");
      await context.close();
    });
  }
}

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
