// The preview's social kit in real Chromium: WCAG 2.0/2.1 A and AA by axe at phone and
// desktop widths, light and dark; no sideways scrolling at 320 px; nothing from elsewhere;
// the Copy buttons work from the keyboard, and without JavaScript the texts are still there
// to select (and no button that does nothing is shown).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "../support/axe.ts";
import type { Browser } from "playwright-core";
import { buildInto, cspViolations, recordCspViolations } from "../helpers.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser } from "../support/browser.ts";

let server: StaticServer;
let browser: Browser;
const KIT = "/_staff/social-kit/";

before(async () => {
  // The staff page's browser test builds the same preview: `npm test` makes it once.
  const { out, result } = await buildInto({ mode: "preview", sourceDateEpoch: Date.parse("2026-11-25T12:00:00Z") / 1000 });
  if (!result.ok) throw new Error(`build failed: ${result.error}`);
  server = await serveStatic(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [width, colorScheme] of [
  [320, "light"],
  [390, "light"],
  [390, "dark"],
  [1280, "light"],
  [1280, "dark"],
] as const) {
  test(`${KIT} at ${width} px, ${colorScheme}: axe finds nothing, no sideways scroll, nothing from elsewhere`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    await recordCspViolations(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const origin = new URL(server.url).origin;
    page.on("request", (r) => !r.url().startsWith(origin) && problems.push(`request: ${r.url()}`));
    page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
    await page.goto(`${server.url}${KIT}`, { waitUntil: "load" });
    assert.equal(await page.locator("h1").textContent(), "Social kit");
    assert.ok((await page.locator("article.kit-item").count()) >= 1, "the demo has events to announce");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `the page scrolls sideways by ${overflow}px`);
    // The networks announce posts to are folded away; open them so axe checks them too.
    for (const summary of await page.locator("summary").all()) await summary.click();
    const violations = await axeViolations(page);
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      [],
    );
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a Copy button, pressed from the keyboard, puts its box's text on the clipboard and says so", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  await page.goto(`${server.url}${KIT}`, { waitUntil: "load" });
  const box = page.locator("textarea[id$=-instagram]").first();
  const id = (await box.getAttribute("id"))!;
  const button = page.locator(`button[data-copy="${id}"]`);
  assert.equal(await button.isVisible(), true);
  assert.equal(await button.evaluate((b) => b.textContent?.replace(/\s+/g, " ").trim()), "Copy Text for Instagram");
  // Tab from the box reaches its button: the box is read-only but focusable, to select by hand.
  await box.focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-copy")), id);
  await page.keyboard.press("Enter");
  await page.locator(`#${id}-status`).filter({ hasText: "Copied." }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await box.inputValue());
  assert.match(await box.inputValue(), /^Saturday flu-shot clinic\n/);
  await context.close();
});

test("without JavaScript every text is there to select and no Copy button is shown", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}${KIT}`, { waitUntil: "load" });
  const boxes = await page.locator("textarea").count();
  assert.ok(boxes >= 8, `${boxes} boxes`);
  assert.equal(await page.locator("button:visible").count(), 0);
  assert.equal(await page.locator("textarea[readonly]").count(), boxes);
  await context.close();
});
