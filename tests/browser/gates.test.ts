// Quality gates for EVERY built page, in real Chromium, served with the site's own
// _headers: axe-core WCAG 2.0/2.1 A+AA at phone and desktop widths, no request to any
// other origin, no cookies, no console errors, no CSP violations, reflow at 320 px,
// visible focus on every interactive element, reduced motion respected. And in the dark
// scheme (prefers-color-scheme: dark): axe at phone width on every page, and at desktop
// width too on the pages parents open first. Large text: tests/browser/reflow.test.ts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { DEMO, htmlFiles, cspViolations, recordCspViolations, serveBuiltSite, SITE_ROOT, type BuiltSite } from "../helpers.ts";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844, scheme: "light" },
  { name: "desktop", width: 1280, height: 800, scheme: "light" },
  { name: "phone, dark", width: 390, height: 844, scheme: "dark" },
  { name: "desktop, dark", width: 1280, height: 800, scheme: "dark" },
] as const;

/** The pages checked in dark at desktop width as well (every page is, at phone width). */
const DARK_DESKTOP = ["/", "/es/", "/blog/", "/contact/", "/events/", "/hours-locations/", "/providers/maya-okafor/", "/blog/newborn-first-week/", "/blog/sun-safety/"];

/** Space-separated site paths; unset or "all" checks every page. */
const ONLY = process.env.GATES_PAGES && process.env.GATES_PAGES.trim() !== "all" ? process.env.GATES_PAGES.trim().split(/\s+/) : undefined;

let site: BuiltSite;
let browser: Browser;
let server: BuiltSite["server"];
let pages: string[] = [];
const contexts = new Map<string, BrowserContext>();

before(async () => {
  site = await serveBuiltSite({ root: SITE_ROOT });
  ({ browser, server } = site);
  pages = (await htmlFiles(site.out)).map((f) => "/" + f.replace(/index\.html$/, ""));
  // CI after a content-only push: GATES_PAGES lists the pages that push changed (scripts/ci.ts).
  if (ONLY) {
    const missing = ONLY.filter((p) => !pages.includes(p));
    assert.deepEqual(missing, [], `GATES_PAGES names pages the build does not have`);
    pages = ONLY;
  }
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, reducedMotion: "reduce", colorScheme: vp.scheme });
    // Record CSP violations the page reports, as a host's report endpoint would.
    await recordCspViolations(context);
    contexts.set(vp.name, context);
  }
});

after(() => site?.close());

interface Visit {
  page: Page;
  problems: string[];
}

async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(server.url).origin;
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("request", (r) => !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`third-party request: ${r.url()}`));
  const response = await page.goto(server.url + path, { waitUntil: "load" });
  const expected = path === "/404.html" ? 200 : 200;
  if (response?.status() !== expected) problems.push(`HTTP ${response?.status()}`);
  return { page, problems };
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")} — ${n.html.slice(0, 160)}`));
}

test("the gates cover every page of the site", () => {
  if (ONLY) return assert.ok(pages.length > 0, "GATES_PAGES: no pages");
  // The demo has dozens of pages; a practice's own site (npm run verify) may have a handful.
  const minimum = SITE_ROOT === DEMO ? 30 : 1;
  assert.ok(pages.length >= minimum, `only ${pages.length} pages found`);
});

// Pages are checked a few at a time: most of the time goes to Chromium's renderers running
// axe, and each page has its own tab, listeners and problem list.
const AT_ONCE = 3;

test("every page passes the gates", { concurrency: AT_ONCE }, async (t) => {
  const checks: Promise<void>[] = [];
  for (const path of pages) {
    checks.push(t.test(path, async () => {
      const problems: string[] = [];
      for (const vp of VIEWPORTS) {
        if (vp.name === "desktop, dark" && !DARK_DESKTOP.includes(path)) continue;
        const context = contexts.get(vp.name)!;
        const { page, problems: p } = await visit(context, path);
        const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        p.push(...describeViolations(axe.violations));
        const csp = await cspViolations(page);
        p.push(...csp.map((c) => `CSP violation: ${c}`));
        if ((await context.cookies()).length) p.push("cookies were set");
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (!lang) p.push("<html> has no lang");
        // In dark only the colours differ (axe above); layout, focus and motion are checked in light.
        if (vp.name === "phone") {
          await page.setViewportSize({ width: 320, height: 640 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) p.push(`reflow: scrolls sideways by ${overflow}px at 320 px`);
          await page.setViewportSize({ width: vp.width, height: vp.height });
        } else if (vp.name === "desktop") {
          p.push(...(await focusProblems(page)));
          const moving = await page.evaluate(() => [
            ...document.getAnimations().map((a) => `animation on ${(a.effect as KeyframeEffect | null)?.target?.tagName}`),
            ...[...document.querySelectorAll("*")]
              .filter((el) => parseFloat(getComputedStyle(el).transitionDuration) > 0.01 || parseFloat(getComputedStyle(el).animationDuration) > 0.01)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className} transition ${getComputedStyle(el).transitionDuration}`),
          ]);
          if (moving.length) p.push(`reduced motion: still moving: ${moving.join(", ")}`);
        }
        problems.push(...p.map((x) => `[${vp.name}] ${x}`));
        await page.close();
      }
      assert.deepEqual(problems, [], `${path}:\n${problems.join("\n")}`);
    }));
  }
  await Promise.all(checks);
});

/** Tabs to the page, then focuses each interactive element and checks a visible focus indicator. */
async function focusProblems(page: Page): Promise<string[]> {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const bad: string[] = [];
    const focusable = document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])");
    for (const el of focusable) {
      el.focus();
      if (document.activeElement !== el) continue;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== "none" && s.boxShadow !== "");
      if (!visible) bad.push(`focus not visible on ${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    return bad;
  });
}
