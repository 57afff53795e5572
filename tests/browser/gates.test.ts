// Quality gates for EVERY built page, in real Chromium, served with the site's own
// _headers: axe-core WCAG 2.0/2.1 A+AA at phone and desktop widths, no request to any
// other origin, no cookies, no console errors, no CSP violations (served as a host that joins
// header values, the stricter way), visible focus on every
// interactive element, reduced motion respected. In the dark scheme
// (prefers-color-scheme: dark): axe at phone width on every page, and at desktop width too on
// the pages parents open first. Reflow and large text (WCAG 1.4.10, 1.4.4): nothing scrolls
// sideways at 320 px, nor at a phone's 390 px with text at 200 % (the root font size stands
// in for the browser's text size, which can't be scripted; every size in site.css is rem or
// em); when a page does, the message names the elements that stick out.
//
// Each page is loaded once per width and every check runs on that load: the dark scheme is
// switched with page.emulateMedia (the site's scheme is CSS only: `prefers-color-scheme` media
// queries, which Chromium re-evaluates at once), and 320 px and large text are applied to the
// loaded page (Chromium lays it out again before it answers scrollWidth). A few tabs go from
// page to page, each with axe already in every document it loads (preloadAxe): a new tab per
// page cost a new renderer process, where axe was compiled and warmed up again every time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { BrowserContext, ConsoleMessage, Page, Request } from "playwright-core";
import { DEMO, htmlFiles, cspViolations, recordCspViolations, serveBuiltSite, SITE_ROOT, type BuiltSite } from "../helpers.ts";
import { axeViolations, describeViolations, preloadAxe } from "../support/axe.ts";
import { PHONE, reflowProblems } from "../support/reflow.ts";

const DESKTOP = { width: 1280, height: 800 };

/** The pages checked in dark at desktop width as well (every page is, at phone width). */
const DARK_DESKTOP = [
  "/",
  "/es/",
  "/blog/",
  "/contact/",
  "/events/",
  "/hours-locations/",
  "/providers/maya-okafor/",
  "/blog/newborn-first-week/",
  "/blog/sun-safety/",
];

/** Space-separated site paths; unset or "all" checks every page. */
const ONLY = process.env.GATES_PAGES && process.env.GATES_PAGES.trim() !== "all" ? process.env.GATES_PAGES.trim().split(/\s+/) : undefined;

let site: BuiltSite;
let pages: string[] = [];
let context: BrowserContext;

before(async () => {
  // Served as a host that joins the values of a header several rules set (Cloudflare Pages):
  // every policy that matches a page then applies, so a page that passes here passes where the
  // later rule wins too (tests/browser/host-merge.test.ts).
  site = await serveBuiltSite({ root: SITE_ROOT }, { merge: "join" });
  pages = (await htmlFiles(site.out)).map((f) => "/" + f.replace(/index\.html$/, ""));
  // CI after a content-only push: GATES_PAGES lists the pages that push changed (scripts/ci.ts).
  if (ONLY) {
    const missing = ONLY.filter((p) => !pages.includes(p));
    assert.deepEqual(missing, [], `GATES_PAGES names pages the build does not have`);
    pages = ONLY;
  }
  // One context for every page (each page sets its own viewport): cookies any page sets show up here.
  context = await site.browser.newContext({ viewport: PHONE, reducedMotion: "reduce", colorScheme: "light" });
  // Record CSP violations the page reports, as a host's report endpoint would.
  await recordCspViolations(context);
  await preloadAxe(context);
});

/** Tabs not in use: a page's checks take one (or open one) and give it back. */
const idle: Page[] = [];

after(() => site?.close());

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
  await Promise.all(
    pages.map((path) =>
      t.test(path, async () => {
        const page = idle.pop() ?? (await context.newPage());
        const problems: string[] = [];
        let look = "phone";
        const origin = new URL(site.server.url).origin;
        const onConsole = (m: ConsoleMessage) => m.type() === "error" && problems.push(`[${look}] console error: ${m.text()}`);
        const onError = (e: Error) => problems.push(`[${look}] script error: ${e.message}`);
        const onRequest = (r: Request) =>
          !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`[${look}] third-party request: ${r.url()}`);
        page.on("console", onConsole);
        page.on("pageerror", onError);
        page.on("request", onRequest);
        const note = async (name: string, found: string[] | Promise<string[]>) =>
          problems.push(...(await found).map((x) => `[${name}] ${x}`));

        // Phone width, light: a fresh load (the tab may come from another page's checks).
        await page.setViewportSize(PHONE);
        await page.emulateMedia({ colorScheme: "light" });
        const response = await page.goto(site.server.url + path, { waitUntil: "load" });
        if (response?.status() !== 200) problems.push(`[phone] HTTP ${response?.status()}`);
        await note("phone", common(page));
        await note("phone", reflowProblems(page));
        look = "phone, dark";
        await page.emulateMedia({ colorScheme: "dark" });
        await note(look, axeProblems(page));

        // Desktop width: a fresh load again, in light, so nothing from the phone checks carries over.
        look = "desktop";
        await page.emulateMedia({ colorScheme: "light" });
        await page.setViewportSize(DESKTOP);
        const again = await page.reload({ waitUntil: "load" });
        if (again?.status() !== 200) problems.push(`[desktop] HTTP ${again?.status()}`);
        await note(look, common(page));
        if (DARK_DESKTOP.includes(path)) {
          look = "desktop, dark";
          await page.emulateMedia({ colorScheme: "dark" });
          await note(look, axeProblems(page));
          await page.emulateMedia({ colorScheme: "light" });
          look = "desktop";
        }
        await note(look, focusProblems(page));
        await note(look, motionProblems(page));
        page.off("console", onConsole);
        page.off("pageerror", onError);
        page.off("request", onRequest);
        idle.push(page);
        assert.deepEqual(problems, [], `${path}:\n${problems.join("\n")}`);
      }),
    ),
  );
});

async function axeProblems(page: Page): Promise<string[]> {
  return describeViolations(await axeViolations(page));
}

/** axe, CSP violations, cookies and lang: checked at each width. */
async function common(page: Page): Promise<string[]> {
  const p = await axeProblems(page);
  p.push(...(await cspViolations(page)).map((c) => `CSP violation: ${c}`));
  if ((await context.cookies()).length) p.push("cookies were set");
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (!lang) p.push("<html> has no lang");
  return p;
}

/** Tabs to the page, then focuses each interactive element and checks a visible focus indicator. */
async function focusProblems(page: Page): Promise<string[]> {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const bad: string[] = [];
    const focusable = document.querySelectorAll<HTMLElement>(
      "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])",
    );
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

/** With prefers-reduced-motion: no animation, no transition longer than 10 ms. */
async function motionProblems(page: Page): Promise<string[]> {
  const moving = await page.evaluate(() => [
    ...document.getAnimations().map((a) => `animation on ${(a.effect as KeyframeEffect | null)?.target?.tagName}`),
    ...[...document.querySelectorAll("*")]
      .filter(
        (el) => parseFloat(getComputedStyle(el).transitionDuration) > 0.01 || parseFloat(getComputedStyle(el).animationDuration) > 0.01,
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} transition ${getComputedStyle(el).transitionDuration}`),
  ]);
  return moving.length ? [`reduced motion: still moving: ${moving.join(", ")}`] : [];
}
