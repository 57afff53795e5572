// The quick way the gates run axe (tests/support/axe.ts: violations only, axe.run in the page)
// finds exactly what axe's default run finds (every result type, runPartial per frame and
// finishRun in a blank tab): on a page with known faults, in the page and in a same-origin
// frame, in light and in dark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { launchBrowser } from "../support/browser.ts";
import { axeViolations, WCAG, type Violations } from "../support/axe.ts";

const FAULTY = `<!doctype html><html><head><title>Faults</title>
<style>.faint{color:#bbb;background:#fff} @media (prefers-color-scheme: dark){.dark-only{color:#222;background:#000}}</style></head>
<body><main><h1>Faults</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p class="faint">Faint text on white.</p><p class="dark-only">Dim text in the dark.</p>
<input type="text"><a href="#x"></a><button></button>
<ul><div>not a list item</div></ul>
<iframe src="/frame.html" title="A frame"></iframe></main></body></html>`;
const FRAME = `<!doctype html><html lang="en"><head><title>Frame</title></head><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="checkbox"></body></html>`;

let browser: Browser;
before(async () => void (browser = await launchBrowser()));
after(() => browser?.close());

const summary = (v: Violations) => v.flatMap((r) => r.nodes.map((n) => `${r.id} ${r.impact} ${JSON.stringify(n.target)}`)).sort();

for (const scheme of ["light", "dark"] as const) {
  test(`the gates' axe run finds what axe's default run finds (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    await context.route("http://faults.test/**", (route) =>
      route.fulfill({ contentType: "text/html", body: route.request().url().endsWith("/frame.html") ? FRAME : FAULTY }),
    );
    const page: Page = await context.newPage();
    await page.goto("http://faults.test/");
    const full = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    const quick = await axeViolations(page);
    // Outside the frame the two agree exactly; inside it, axe's default run may miss what
    // legacy mode finds (it does with this page), never the other way round.
    const inPage = (s: string[]) => s.filter((x) => !x.includes('"iframe"'));
    assert.deepEqual(inPage(summary(quick)), inPage(summary(full.violations)));
    for (const v of summary(full.violations)) assert.ok(summary(quick).includes(v), `the quick run misses ${v}`);
    const found = summary(quick).join("\n");
    for (const rule of ["image-alt", "color-contrast", "label", "link-name", "button-name", "list", "html-has-lang"])
      assert.match(found, new RegExp(`^${rule} `, "m"));
    assert.match(found, /"iframe","img"/, "a fault inside the frame is found");
    assert.equal(/Dim text/.test(JSON.stringify(quick)), scheme === "dark", "the dark-only fault only in the dark");
    // Again on the same page, where axe is already loaded: the same result.
    assert.deepEqual(summary(await axeViolations(page)), summary(quick));
    await context.close();
  });
}
