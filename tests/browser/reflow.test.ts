// Reflow and large text on EVERY page (WCAG 1.4.10, 1.4.4): nothing scrolls sideways at
// 320 px, nor at a phone's 390 px with text at 200 % (the root font size stands in for the
// browser's text size, which can't be scripted; every size in site.css is rem or em). When a
// page does scroll, the message names the elements that stick out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { htmlFiles, serveBuiltSite, SITE_ROOT, type BuiltSite } from "../helpers.ts";
import { reflowLooks, sidewaysScroll, type Look } from "../support/reflow.ts";

const ONLY = process.env.GATES_PAGES && process.env.GATES_PAGES.trim() !== "all" ? process.env.GATES_PAGES.trim().split(/\s+/) : undefined;

let site: BuiltSite;
let pages: string[] = [];
const looks: Look[] = [];

before(async () => {
  site = await serveBuiltSite({ root: SITE_ROOT });
  pages = ONLY ?? (await htmlFiles(site.out)).map((f) => "/" + f.replace(/index\.html$/, ""));
  looks.push(...(await reflowLooks(site.browser)));
});

after(() => site?.close());

test("no page scrolls sideways at 320 px, or at 390 px with text at 200 %", { concurrency: 4 }, async (t) => {
  assert.ok(pages.length > 0);
  await Promise.all(pages.map((path) => t.test(path, async () => {
    const problems: string[] = [];
    for (const look of looks) {
      const page = await look.context.newPage();
      await page.goto(site.server.url + path, { waitUntil: "load" });
      const found = await sidewaysScroll(page);
      if (found) problems.push(`${look.name}: ${found}`);
      await page.close();
    }
    assert.deepEqual(problems, [], `${path}:\n${problems.join("\n")}`);
  })));
});
