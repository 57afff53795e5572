// A page built days ago must still be right: live.js recomputes "open now" in the
// practice's zone, hides events that are over and alerts that expired. The browser's
// clock is moved with Playwright's clock API; the visitor's own time zone is set far away.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { serveBuiltSite, type BuiltSite } from "../helpers.ts";

let site: BuiltSite;
let browser: Browser;
let server: BuiltSite["server"];

before(async () => {
  // Built on Wednesday 25 November 2026 at 10:00 in Oregon.
  site = await serveBuiltSite({ sourceDateEpoch: Date.parse("2026-11-25T18:00:00Z") / 1000 });
  ({ browser, server } = site);
});

after(() => site?.close());

async function openAt(path: string, instant: string) {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(instant));
  // live.js awaits a second module (hours-core.js) before it rewrites the open-now text, and a
  // module's top-level await does not hold up the load event: wait for the network to settle.
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  return { page, context };
}

test("open-now text follows the practice's clock, not the build's or the visitor's", async () => {
  // Thanksgiving morning in Oregon (closed 26-27 November); the next opening is Saturday.
  const { page, context } = await openAt("/", "2026-11-26T17:00:00Z");
  const statuses = await page.locator(".glance .open-status").allTextContents();
  assert.equal(statuses[0], "Closed · opens Saturday at 9:00 AM");
  await context.close();
  const later = await openAt("/hours-locations/", "2026-11-30T17:00:00Z"); // Monday 09:00 in Oregon
  assert.equal(await later.page.locator(".open-status").first().textContent(), "Open now · closes at 12:00 PM");
  await later.context.close();
});

test("[[hours-today]] in a page's text is kept current the same way, in the page's language", async () => {
  // Monday 30 November, 18:00 in Oregon: the main office has closed for the day.
  const { page, context } = await openAt("/contact/", "2026-12-01T02:00:00Z");
  assert.equal(await page.locator(".prose .open-status").textContent(), "Closed · opens tomorrow at 8:00 AM");
  await context.close();
  const es = await openAt("/es/contact/", "2026-11-30T17:00:00Z");
  assert.match((await es.page.locator(".prose .open-status").textContent()) ?? "", /^Abierto ahora/);
  await es.context.close();
});

test("events that are over disappear from 'Coming up'; expired alerts are hidden", async () => {
  const { page, context } = await openAt("/events/", "2026-12-08T20:00:00Z");
  // The 5 December clinic is over by 8 December; the cancelled 12 December one is still listed.
  const times = await page
    .locator(".event-list")
    .first()
    .locator(".event-card:visible time:first-child")
    .evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
  assert.deepEqual(times, ["2026-12-12T09:00:00-08:00", "2027-01-16T10:00:00-08:00", "2027-06-12"]);
  assert.equal(await page.locator(".alerts .alert:visible").count(), 0);
  await context.close();
  const fresh = await openAt("/events/", "2026-11-25T20:00:00Z");
  assert.equal(await fresh.page.locator(".event-list").first().locator(".event-card:visible").count(), 4);
  assert.equal(await fresh.page.locator(".alerts .alert:visible").count(), 1);
  await fresh.context.close();
});

test("without JavaScript the built text is there and nothing is hidden", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "/");
  assert.match((await page.locator(".glance .open-status").first().textContent()) ?? "", /^Open now · closes at 12:00 PM$/);
  await context.close();
});
