// An imported WordPress site passes the same browser gates as the demo: every page of a
// build of the imported fixture, at phone width, with the site's own headers: axe WCAG
// 2.0/2.1 A+AA, no request to another origin, no console error, no CSP violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { axeViolations } from "../support/axe.ts";
import { htmlFiles, makeContent, DEMO, ROOT, serveBuiltSite, type BuiltSite, cspViolations, recordCspViolations } from "../helpers.ts";
import { importWordPress } from "../../lib/wordpress/run.ts";
import { parseRedirects } from "../../lib/redirects.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/wordpress");
let site: BuiltSite;
let pages: string[] = [];

before(async () => {
  const content = await makeContent({ "pages/comment-received.md": await readFile(path.join(DEMO, "content/pages/comment-received.md"), "utf8") });
  await importWordPress({ exportFile: path.join(FIXTURES, "export.xml"), contentDir: content, mediaDir: path.join(FIXTURES, "uploads") });
  site = await serveBuiltSite({ contentDir: content, sourceDateEpoch: 1790000000 });
  pages = (await htmlFiles(site.out)).map((f) => "/" + f.replace(/index\.html$/, ""));
});

after(() => site?.close());

test("every page of the imported site passes the gates at phone width", async () => {
  assert.ok(pages.length >= 10, `only ${pages.length} pages`);
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  await recordCspViolations(context);
  const origin = new URL(site.server.url).origin;
  const problems: string[] = [];
  // A few pages at a time: the time goes to Chromium's renderers running axe.
  const queue = [...pages];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) await checkPage(p);
  };
  const checkPage = async (p: string) => {
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.push(`${p}: console: ${m.text()}`));
    page.on("request", (r) => !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`${p}: request to ${r.url()}`));
    await page.goto(site.server.url + p);
    const violations = await axeViolations(page);
    for (const v of violations) for (const n of v.nodes) problems.push(`${p}: axe ${v.id}: ${n.target.join(" ")}`);
    for (const c of await cspViolations(page)) problems.push(`${p}: CSP ${c}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${p}: scrolls sideways by ${overflow}px`);
    await page.close();
  };
  await Promise.all([worker(), worker(), worker()]);
  await context.close();
  assert.deepEqual(problems.sort(), []);
});

test("a linked PDF is served from the imported site, and an old anchor link lands on its heading", async () => {
  const pdf = await fetch(`${site.server.url}/uploads/2024/10/flu-consent-form.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");

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
  await page.route(`${site.server.url}/2024/10/flu-shots-2024/`, (route) => route.fulfill({ status: rule.status, headers: { location: rule.to } }));
  await page.goto(`${site.server.url}/2024/10/flu-shots-2024/#comment-502`);
  await page.waitForURL(/\/blog\/flu-shots-2024\/#comment-502$/);
  const landed = () =>
    page.evaluate(() => {
      const target = document.querySelector(":target");
      return { text: target?.textContent ?? "", top: target ? target.getBoundingClientRect().top : NaN, item: target?.closest("li.comment")?.id ?? "" };
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
