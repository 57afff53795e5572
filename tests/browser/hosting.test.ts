// GitHub Pages (and buckets) ignore _headers. Served that way, in real Chromium, the pages'
// own <meta> policy must still block inline script and keep the page address from being
// sent on, while the site (search included) works without a single CSP violation.
// A build for a host that applies _headers carries the same <meta> policy (it narrows the
// site-wide header to each page's own); the control, that page with its <meta> tags removed
// on the way to the browser, shows the test would notice a missing policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { parse, stringify } from "yaml";
import { launchBrowser } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { buildInto, makeContent, post, cspViolations, recordCspViolations } from "../helpers.ts";

const PREFIX = "/juniper-site";
let browser: Browser;
const servers: Record<"pages" | "control", StaticServer | undefined> = { pages: undefined, control: undefined };

async function builtFor(host: string, prefix: string): Promise<StaticServer> {
  const dir = await makeContent({
    "blog/fever.md": post(
      { title: "Fever in babies", date: "2024-03-01", description: "When a fever in a baby means you should call us right away." },
      "A fever is a temperature of 100.4 °F or higher.",
    ),
  });
  const file = path.join(dir, "_data/practice.yaml");
  const practice = parse(await readFile(file, "utf8")) as Record<string, unknown>;
  practice.hosting = { host };
  await writeFile(file, stringify(practice));
  const { out, result } = await buildInto({ contentDir: dir, prefix });
  assert.ok(result.ok, JSON.stringify(result));
  await rm(path.join(out, "_headers")); // served as a host that ignores it would
  return serveStatic(out, { prefix });
}

before(async () => {
  servers.pages = await builtFor("github-pages", PREFIX);
  servers.control = await builtFor("netlify", "");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers.pages?.close();
  await servers.control?.close();
});

async function open(
  server: StaticServer,
  sitePath: string,
  opts: { stripPolicy?: boolean } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  if (opts.stripPolicy) {
    await context.route("**/*", async (route) => {
      try {
        if (route.request().resourceType() !== "document") return await route.continue();
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>|<meta name="referrer"[^>]*>/g, "");
        await route.fulfill({ response, body });
      } catch {
        // the page closed while this request was in flight
      }
    });
  }
  await recordCspViolations(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  const origin = new URL(server.url).origin;
  page.on(
    "request",
    (r) => !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`third-party request: ${r.url()}`),
  );
  const response = await page.goto(server.url + sitePath);
  assert.equal(response?.status(), 200, sitePath);
  assert.equal(response?.headers()["content-security-policy"], undefined, "served without the header policy");
  return { page, problems };
}

const injectInline = (page: Page) =>
  page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 'ran'";
    document.head.append(s);
    return (window as unknown as { __inline?: string }).__inline ?? "blocked";
  });

test("without _headers, the pages' own policy blocks inline script; without it, the script would run", async () => {
  const { page, problems } = await open(servers.pages!, "/");
  assert.equal(await injectInline(page), "blocked");
  const violations = await cspViolations(page);
  assert.ok(
    violations.some((v) => v.startsWith("script-src")),
    violations.join("\n"),
  );
  assert.deepEqual(
    problems.filter((p) => !/Content Security Policy/.test(p)),
    [],
  );
  await page.context().close();

  const netlify = await open(servers.control!, "/");
  assert.equal(await injectInline(netlify.page), "blocked", "a build for a host that applies _headers carries the page's policy too");
  await netlify.page.context().close();

  const control = await open(servers.control!, "/", { stripPolicy: true });
  assert.equal(await injectInline(control.page), "ran", "control: without the <meta> policy the script runs");
  await control.page.context().close();
});

test("the page address is not sent on: following a link gives no referrer", async () => {
  for (const [name, server, stripPolicy, expectEmpty] of [
    ["pages", servers.pages!, false, true],
    ["netlify", servers.control!, false, true],
    ["control", servers.control!, true, false],
  ] as const) {
    const { page } = await open(server, "/", { stripPolicy });
    await page.locator('footer a[href$="/privacy/"]').click();
    await page.waitForURL(/\/privacy\/$/);
    const referrer = await page.evaluate(() => document.referrer);
    assert.equal(referrer === "", expectEmpty, `${name}: referrer ${JSON.stringify(referrer)}`);
    await page.context().close();
  }
});

test("every kind of page works under the <meta> policy: no violations, no errors, search finds a post", async () => {
  for (const sitePath of ["/", "/blog/fever/", "/privacy/", "/accessibility/", "/blog/"]) {
    const { page, problems } = await open(servers.pages!, sitePath);
    const violations = await cspViolations(page);
    assert.deepEqual([...problems, ...violations], [], sitePath);
    await page.context().close();
  }
  const { page, problems } = await open(servers.pages!, "/search/?q=fever");
  await page.waitForSelector(".search-result a", { timeout: 15000 });
  const links = await page.evaluate(() =>
    [...document.querySelectorAll(".search-result a")].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  assert.ok(links.includes(`${PREFIX}/blog/fever/`), links.join(", "));
  const violations = await cspViolations(page);
  assert.deepEqual([...problems, ...violations], []);
  await page.context().close();
});
