// Hostile comments in real Chromium, served with the site's own _headers: nothing runs,
// nothing is requested from elsewhere, the policy is not violated, the page passes axe,
// and at 320 px nothing scrolls sideways. The form works without any script.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { axeViolations } from "../support/axe.ts";
import { makeContent, post, cspViolations, recordCspViolations, serveBuiltSite, type BuiltSite } from "../helpers.ts";
import { HOSTILE_BODIES, HOSTILE_NAMES } from "../fixtures/hostile-comments.ts";

let site: BuiltSite;
let browser: Browser;
let server: BuiltSite["server"];

before(async () => {
  const files: Record<string, string> = {
    "blog/2026-01-10-flu.md": post({
      title: "Flu",
      date: "2026-01-10",
      description: "A perfectly ordinary summary of this post for parents.",
      comments: "open",
    }),
  };
  HOSTILE_BODIES.forEach((body, i) => {
    const name = HOSTILE_NAMES[i % HOSTILE_NAMES.length]!;
    // Replies too, so the nested (narrower) levels are tested at 320 px.
    const replyTo = i > 0 && i % 3 !== 0 ? `replyTo: "2026-01-11-b${i - 1}"\n` : "";
    files[`comments/flu/2026-01-11-b${i}.md`] =
      `---\nauthor: ${JSON.stringify(name)}\ndate: "2026-01-11T09:${String(i).padStart(2, "0")}"\n${replyTo}---\n${body}\n`;
  });
  const dir = await makeContent(files);
  const yamlFile = path.join(dir, "_data/practice.yaml");
  const yaml = (await readFile(yamlFile, "utf8")).replace(/^commentForm:\n(  .*\n)+/m, "");
  await writeFile(yamlFile, `${yaml}\ncommentForm:\n  endpoint: https://forms.example.com/f/abc\n`);
  site = await serveBuiltSite({ contentDir: dir });
  ({ browser, server } = site);
});

after(() => site?.close());

test("a post with hostile comments: no script runs, no request leaves, no policy violation, axe passes, no sideways scroll at 320 px", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await recordCspViolations(context);
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(server.url).origin;
  page.on("request", (r) => !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`request: ${r.url()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("dialog", (d) => problems.push(`dialog: ${d.message()}`));
  await page.goto(server.url + "/blog/flu/", { waitUntil: "load" });
  // Clicking every comment link must not run anything either (javascript: links are text).
  for (const link of await page.locator(".comment__body a").all())
    assert.match((await link.getAttribute("href")) ?? "", /^(https?:|mailto:)/);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined, "no payload ran");
  assert.equal(await page.locator("#comments li.comment").count(), HOSTILE_BODIES.length);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, `scrolls sideways by ${overflow}px at 320 px`);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("#comments *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => el.className || el.tagName),
  );
  assert.deepEqual(wide, [], "every part of every comment fits the screen");
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the comment form works without JavaScript: a plain POST to the endpoint, allowed by the policy, honeypot hidden", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url + "/blog/flu/");
  assert.equal(await page.locator('input[name="website"]').isVisible(), false);
  await page.fill("#comment-name", "Ana");
  await page.fill("#comment-body", "Thank you!");
  // Intercept the POST the browser makes, as the form service would receive it.
  let posted: { url: string; body: string | null } | undefined;
  await page.route("https://forms.example.com/**", async (route) => {
    posted = { url: route.request().url(), body: route.request().postData() };
    await route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Thanks</title><p>Thanks" });
  });
  await Promise.all([page.waitForURL("https://forms.example.com/**"), page.click(".comment-form button[type=submit]")]);
  assert.equal(posted?.url, "https://forms.example.com/f/abc");
  const fields = new URLSearchParams(posted.body ?? "");
  assert.equal(fields.get("name"), "Ana");
  assert.equal(fields.get("comment"), "Thank you!");
  assert.equal(fields.get("post"), "flu");
  assert.equal(fields.get("website"), "");
  await context.close();
});
