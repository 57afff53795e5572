// Imported WordPress sites pass the same browser gates as the demo: every page of a build
// of every import fixture (export.xml, maple.xml, birch-multisite.xml, imported as
// tests/build/wordpress-sites.test.ts does), with the site's own headers: axe WCAG 2.0/2.1
// A+AA at phone width in the light and dark schemes, no request to another origin, no
// console error, no CSP violation; and reflow: nothing scrolls sideways at 320 px, nor at
// 390 px with text at 200 % (tests/support/reflow.ts, as for the demo). One browser for all,
// and, as in tests/browser/gates.test.ts, one load of each page for every check: the dark
// scheme is switched with page.emulateMedia (CSS only), 320 px and large text are applied to
// the loaded page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, ConsoleMessage, Page, Request } from "playwright-core";
import { axeViolations, preloadAxe } from "../support/axe.ts";
import { buildInto, htmlFiles, makeContent, DEMO, ROOT, cspViolations, recordCspViolations } from "../helpers.ts";
import { importWordPress } from "../../lib/import/wordpress/run.ts";
import { parseRedirects } from "../../lib/content/redirects.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { PHONE, reflowProblems } from "../support/reflow.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/wordpress");
/** Each fixture as a practice would import it (the options tests/build/wordpress-sites.test.ts uses). */
const IMPORTS = [
  { file: "export.xml", media: "uploads" },
  { file: "maple.xml", media: "uploads", categoryBase: "topics", tagBase: "keyword" },
  { file: "birch-multisite.xml", media: "uploads-birch" },
];

interface Imported {
  file: string;
  out: string;
  server: StaticServer;
  pages: string[];
}
let browser: Browser;
const sites: Imported[] = [];
/** The export.xml site, for the tests that follow a link on it. */
let site: { out: string; server: StaticServer; browser: Browser };

before(async () => {
  const received = await readFile(path.join(DEMO, "content/pages/comment-received.md"), "utf8");
  for (const { file, media, ...bases } of IMPORTS) {
    const content = await makeContent({ "pages/comment-received.md": received });
    const imported = await importWordPress({
      exportFile: path.join(FIXTURES, file),
      contentDir: content,
      mediaDir: path.join(FIXTURES, media),
      root: DEMO,
      ...bases,
    });
    assert.deepEqual(imported.problems, [], `${file} imports without a problem`);
    const { out, result } = await buildInto({ contentDir: content, sourceDateEpoch: 1790000000 });
    if (!result.ok) throw new Error(`${file}: build failed: ${result.error}`);
    const pages = (await htmlFiles(out)).map((f) => "/" + f.replace(/index\.html$/, ""));
    sites.push({ file, out, server: await serveStatic(out), pages });
  }
  browser = await launchBrowser();
  site = { out: sites[0]!.out, server: sites[0]!.server, browser };
});

after(async () => {
  await browser?.close();
  await Promise.all(sites.map((s) => s.server.close()));
});

test("every page of every imported site passes axe (light and dark) and reflows at 320 px and with 200 % text", async () => {
  for (const s of sites) assert.ok(s.pages.length >= 8, `${s.file}: only ${s.pages.length} pages`);
  const context = await browser.newContext({ viewport: PHONE, colorScheme: "light", reducedMotion: "reduce" });
  await recordCspViolations(context);
  await preloadAxe(context);
  const problems: string[] = [];
  // A few tabs, each going from page to page (axe already in every document: see gates.test.ts):
  // the time goes to Chromium's renderers running axe.
  const queue = sites.flatMap((s) => s.pages.map((p) => ({ s, p })));
  const checked = queue.length;
  const checkPage = async (page: Page, { s, p }: { s: Imported; p: string }) => {
    const where = `${s.file} ${p}`;
    const origin = new URL(s.server.url).origin;
    const onConsole = (m: ConsoleMessage) => m.type() === "error" && problems.push(`${where}: console: ${m.text()}`);
    const onError = (e: Error) => problems.push(`${where}: script error: ${e.message}`);
    const onRequest = (r: Request) =>
      !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`${where}: request to ${r.url()}`);
    page.on("console", onConsole);
    page.on("pageerror", onError);
    page.on("request", onRequest);
    await page.goto(s.server.url + p, { waitUntil: "load" });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const v of await axeViolations(page))
        for (const n of v.nodes) problems.push(`${where} (390 px, ${scheme}): axe ${v.id}: ${n.target.join(" ")}`);
    }
    await page.emulateMedia({ colorScheme: "light" });
    for (const r of await reflowProblems(page)) problems.push(`${where}: ${r}`);
    for (const c of await cspViolations(page)) problems.push(`${where}: CSP ${c}`);
    page.off("console", onConsole);
    page.off("pageerror", onError);
    page.off("request", onRequest);
  };
  const worker = async () => {
    const page = await context.newPage();
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await checkPage(page, item);
    await page.close();
  };
  await Promise.all([worker(), worker(), worker()]);
  await context.close();
  assert.ok(checked >= 30, `only ${checked} pages checked`);
  assert.deepEqual(problems.sort(), []);
});

test("a linked PDF is served from the imported site, and an old anchor link lands on its heading", async () => {
  const pdf = await fetch(`${site.server.url}/uploads/2024/10/flu-consent-form.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  assert.equal(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
    "%PDF-",
  );

  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/blog/flu-shots-2024/`);
  await page.getByRole("link", { name: "which SPF to use" }).click();
  await page.waitForURL(/\/blog\/sun-safety\/#spf$/);
  const top = await page.evaluate(() => document.getElementById("spf")!.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 100, `the heading is at the top of the screen (${top}px)`);
  await context.close();
});

test("an old WordPress comment link (/2024/10/flu-shots-2024/#comment-502) lands on that comment, after the redirect and from another post", async () => {
  // The static test server applies no _redirects: answer the old address as Netlify would, with the built rule.
  const { rules } = parseRedirects(await readFile(path.join(site.out, "_redirects"), "utf8"));
  const rule = rules.find((r) => r.from === "/2024/10/flu-shots-2024/" && r.query === undefined)!;
  assert.equal(rule.to, "/blog/flu-shots-2024/");
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.route(`${site.server.url}/2024/10/flu-shots-2024/`, (route) =>
    route.fulfill({ status: rule.status, headers: { location: rule.to } }),
  );
  await page.goto(`${site.server.url}/2024/10/flu-shots-2024/#comment-502`);
  await page.waitForURL(/\/blog\/flu-shots-2024\/#comment-502$/);
  const landed = () =>
    page.evaluate(() => {
      const target = document.querySelector(":target");
      return {
        text: target?.textContent ?? "",
        top: target ? target.getBoundingClientRect().top : NaN,
        item: target?.closest("li.comment")?.id ?? "",
      };
    });
  const old = await landed();
  assert.match(old.text, /No appointment needed, Rachel/, "the comment is the :target");
  assert.ok(Math.abs(old.top) < 100, `the comment is at the top of the screen (${old.top}px)`);
  assert.match(old.item, /^comment-2024-10-02-[0-9a-f]{8}$/);

  // The same comment from the sun safety post's link: its new address.
  await page.goto(`${site.server.url}/blog/sun-safety/`);
  await page.getByRole("link", { name: "Dr. Okafor’s answer" }).click();
  await page.waitForURL(new RegExp(`/blog/flu-shots-2024/#${old.item}$`));
  const fresh = await landed();
  assert.match(fresh.text, /No appointment needed, Rachel/);
  assert.ok(Math.abs(fresh.top) < 100, `the comment is at the top of the screen (${fresh.top}px)`);
  await context.close();
});
