// The preview's staff page in real Chromium: WCAG 2.0/2.1 A and AA by axe at phone and
// desktop widths, no sideways scrolling of the page at 320 px (wide tables scroll in their
// own box), no script, nothing from elsewhere and no policy violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "../support/axe.ts";
import type { Browser } from "playwright-core";
import { buildInto, cspViolations, recordCspViolations } from "../helpers.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser } from "../support/browser.ts";

let server: StaticServer;
let browser: Browser;

before(async () => {
  const { out, result } = await buildInto({ mode: "preview", sourceDateEpoch: Date.parse("2026-11-25T12:00:00Z") / 1000 });
  if (!result.ok) throw new Error(`build failed: ${result.error}`);
  server = await serveStatic(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`/_staff/ at ${viewport.width} px: axe finds nothing, the page does not scroll sideways, no script or request elsewhere`, async () => {
    const context = await browser.newContext({ viewport });
    await recordCspViolations(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const origin = new URL(server.url).origin;
    page.on("request", (r) => !r.url().startsWith(origin) && problems.push(`request: ${r.url()}`));
    page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
    await page.goto(`${server.url}/_staff/`, { waitUntil: "load" });
    assert.equal(await page.locator("script").count(), 0);
    assert.equal(await page.locator("h1").textContent(), "Staff checks");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `the page scrolls sideways by ${overflow}px`);
    const violations = await axeViolations(page);
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      [],
    );
    // The skip link is the first stop and lands on the main content.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
