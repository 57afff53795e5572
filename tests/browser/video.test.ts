// Videos: nothing from the video host until a parent presses Play; then exactly the
// privacy-enhanced player. Keyboard users can play it; without JavaScript it is a link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext } from "playwright-core";
import { serveBuiltSite, type BuiltSite } from "../helpers.ts";

let site: BuiltSite;
let browser: Browser;
let server: BuiltSite["server"];
const POST = "/blog/vaccine-questions-video/";

before(async () => {
  site = await serveBuiltSite();
  ({ browser, server } = site);
});

after(() => site?.close());

async function open(context: BrowserContext) {
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  // No network here: answer the player with a stub page, and record that it was asked for.
  await context.route(/^https:\/\//, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>player</title>" }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(server.url + POST);
  return { page, requests, errors };
}

const foreign = (urls: string[]) => urls.filter((u) => !u.startsWith(new URL(server.url).origin));

test("on load: a Play button, a first-party poster, and no request to the video host", async () => {
  const context = await browser.newContext();
  const { page, requests, errors } = await open(context);
  const button = page.getByRole("button", { name: "Play video: Dr. Okafor answers five vaccine worries" });
  assert.equal(await button.count(), 1);
  assert.deepEqual(foreign(requests), []);
  const box = await page.locator(".video__frame").boundingBox();
  assert.ok(box && Math.abs(box.width / box.height - 16 / 9) < 0.02, "fixed 16:9 frame");
  await button.click();
  const frame = page.locator("iframe.video__iframe");
  await frame.waitFor();
  assert.equal(await frame.getAttribute("title"), "Dr. Okafor answers five vaccine worries");
  assert.equal(await frame.getAttribute("src"), "https://www.youtube-nocookie.com/embed/JHPvacc2026?autoplay=1");
  const after = foreign(requests);
  assert.ok(after.length >= 1 && after.every((u) => u.startsWith("https://www.youtube-nocookie.com/embed/JHPvacc2026")), after.join("\n"));
  const frameBox = await frame.boundingBox();
  assert.deepEqual(
    [Math.round(frameBox!.width), Math.round(frameBox!.height)],
    [Math.round(box.width), Math.round(box.height)],
    "no layout shift",
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard: Tab reaches the Play button and Enter starts the player", async () => {
  const context = await browser.newContext();
  const { page } = await open(context);
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.getAttribute("aria-label")?.startsWith("Play video:") ?? false);
  }
  assert.ok(reached, "Tab never reached the Play button");
  await page.keyboard.press("Enter");
  await page.locator("iframe.video__iframe").waitFor();
  await context.close();
});

test("without JavaScript the facade is a plain link to the video", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, requests } = await open(context);
  const link = page.getByRole("link", { name: "Watch on YouTube: Dr. Okafor answers five vaccine worries" });
  assert.equal(await link.getAttribute("href"), "https://www.youtube.com/watch?v=JHPvacc2026");
  assert.deepEqual(foreign(requests), []);
  await context.close();
});
