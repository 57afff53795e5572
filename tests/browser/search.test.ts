// Site search in real Chromium, served with the site's own _headers: a parent types
// "fever" into the header box on any page and the when-to-call page comes first,
// with no CSP violation, no console error and no request to another site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations } from "../support/axe.ts";
import { cspViolations, recordCspViolations, buildInto, serveBuiltSite, type BuiltSite } from "../helpers.ts";
import { serveStatic } from "../support/static-server.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
let site: BuiltSite;
let browser: Browser;
let server: BuiltSite["server"];

before(async () => {
  site = await serveBuiltSite({ sourceDateEpoch: NOW });
  ({ browser, server } = site);
});

after(() => site?.close());

async function watched(context: BrowserContext, origin: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  await recordCspViolations(context);
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("request", (r) => {
    requests.push(r.url());
    if (!r.url().startsWith(origin)) problems.push(`third-party request: ${r.url()}`);
  });
  return { page, problems, requests };
}

async function results(page: Page): Promise<{ status: string; links: string[] }> {
  await page.waitForSelector(".search-result a", { timeout: 15000 });
  return page.evaluate(() => ({
    status: document.querySelector(".search__status")!.textContent ?? "",
    links: [...document.querySelectorAll(".search-result__title a")].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  }));
}

test('typing "fever" in the header box ranks the when-to-call page first', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const origin = new URL(server.url).origin;
  const { page, problems, requests } = await watched(context, origin);
  await page.goto(server.url + "/blog/sleep-and-teens/");
  assert.ok(!requests.some((r) => r.includes("/pagefind/")), "no search files load outside the search page");
  await page.getByRole("searchbox", { name: "Search this site" }).fill("fever");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=fever$/);
  const found = await results(page);
  assert.equal(found.links[0], "/when-to-call/", found.links.join("\n"));
  assert.ok(found.links.includes("/blog/fever-when-to-call/"), "the fever post is found too");
  assert.match(found.status, /^\d+ results for “fever”$/);
  // Title and excerpt, with the match marked.
  const first = page.locator(".search-result").first();
  assert.equal(await first.locator("h2 a").textContent(), "When to call / after hours");
  assert.match((await first.locator("mark").first().textContent()) ?? "", /fever/i);
  assert.ok(
    requests.some((r) => r.includes("/pagefind/wasm.")),
    "Pagefind's WebAssembly ran from the site itself",
  );

  // The results state passes the same gates as every page.
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
  );
  problems.push(...(await cspViolations(page)).map((c) => `CSP violation: ${c}`));
  assert.deepEqual(problems, []);

  // Searching again from the page's own box replaces the results and the address.
  await page.getByRole("searchbox", { name: "Search this site" }).fill("insurance");
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForFunction(() => /“insurance”/.test(document.querySelector(".search__status")?.textContent ?? ""));
  assert.equal((await results(page)).links[0], "/insurance-billing/");
  assert.match(page.url(), /\?q=insurance$/);
  await page.getByRole("searchbox", { name: "Search this site" }).fill("zzzxqv");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /No results/.test(document.querySelector(".search__status")?.textContent ?? ""));
  assert.equal(await page.locator(".search__results").isHidden(), true);
  await context.close();
});

test("posts from earlier years (the archive bundle) are found with this year's, in one list", async () => {
  const context = await browser.newContext();
  const { page, problems, requests } = await watched(context, new URL(server.url).origin);
  await page.goto(server.url + "/search/?q=sunscreen");
  const found = await results(page);
  assert.ok(found.links.includes("/blog/sun-safety/"), `a 2025 post: ${found.links.join(" ")}`);
  assert.ok(
    requests.some((r) => r.includes("/pagefind/archive/pagefind-entry.json")),
    "the archive bundle was merged",
  );
  await page.getByRole("searchbox", { name: "Search this site" }).fill("fever");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /“fever”/.test(document.querySelector(".search__status")?.textContent ?? ""));
  const fever = await results(page);
  // One ranked list from both bundles: the 2026 post and a 2025 post that mentions fever.
  assert.ok(fever.links.includes("/blog/fever-when-to-call/") && fever.links.includes("/blog/vaccine-schedule/"), fever.links.join(" "));
  assert.equal(fever.links[0], "/when-to-call/");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the search page is only allowed WebAssembly: the same script elsewhere is blocked by the CSP", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "/blog/");
  const blocked = await page.evaluate(async () => {
    try {
      const pf = (await import(String("/pagefind/pagefind.js"))) as {
        options(o: object): Promise<void>;
        search(q: string): Promise<unknown>;
      };
      await pf.options({ noWorker: true });
      await pf.search("fever");
      return "ran";
    } catch (e) {
      return String(e);
    }
  });
  assert.match(blocked, /Content Security Policy|CompileError|WASM/i);
  await context.close();
});

test("without JavaScript the search page offers topics, the blog and every page instead of a dead box", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "/search/?q=fever");
  assert.equal(await page.locator("main form").isHidden(), true, "no box that cannot search");
  assert.ok(await page.getByText("Search needs JavaScript").isVisible());
  const links = await page.locator(".search__browse a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of ["/blog/tags/", "/blog/", "/new-patients/", "/contact/"])
    assert.ok(links.includes(href), `${href} missing from ${links.join(" ")}`);
  await page.getByRole("link", { name: "All blog topics" }).click();
  await page.waitForURL(/\/blog\/tags\/$/);
  await context.close();
});

test("under a path prefix, results link inside the prefix", async () => {
  const { out, result } = await buildInto({ prefix: "/clinic", sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  const prefixed = await serveStatic(out, { prefix: "/clinic" });
  try {
    const context = await browser.newContext();
    const { page, problems } = await watched(context, new URL(prefixed.url).origin);
    await page.goto(prefixed.url + "/search/?q=fever");
    const found = await results(page);
    assert.equal(found.links[0], "/clinic/when-to-call/");
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await prefixed.close();
  }
});
