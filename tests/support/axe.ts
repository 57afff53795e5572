// axe-core as every browser test runs it: the WCAG 2.0/2.1 A and AA rules, violations only.
//
// Three things make a run cheaper without changing which rules run or what a violation is:
//  - resultTypes ["violations"]: axe still evaluates every rule on every node, but builds the
//    node-by-node details (selector, HTML, messages) only for violations, not for the
//    thousands of passes, and sends only those back over the DevTools connection;
//  - legacy mode (axe.run in the page): the default runs axe.runPartial in each frame and then
//    axe.finishRun in a second, blank tab with axe injected again. The site's pages have no
//    iframes (a video loads nothing until clicked), and legacy mode still checks same-origin
//    frames (tests/browser/axe-mode.test.ts: it finds all the default run finds, in a frame more).
//  - axe's source is injected once per document (see axe() below), or is already there: a
//    context given preloadAxe() runs it in every document as an init script.
import { AxeBuilder } from "@axe-core/playwright";
import axeCore from "axe-core";
import type { BrowserContext, Frame, Page } from "playwright-core";

/** The one axe every test runs: tests/package.json's axe-core (AxeBuilder would bring its own copy otherwise). */
const AXE_SOURCE = axeCore.source;

/**
 * Runs axe's source in every document the context opens, before the page's own scripts (an
 * init script), so a check finds it there. It is cheaper than injecting it after the load:
 * V8 compiles a script it has seen before in the same renderer process from its cache, and
 * a tab that goes from page to page (tests/browser/gates.test.ts) then pays for axe once.
 * axe changes nothing on the page until it runs; the page sees one more global, `axe`.
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

/** The axe builder every test uses; `include` limits it to part of the page. */
export async function axe(page: Page, opts: { include?: string } = {}): Promise<AxeBuilder> {
  // axe's 500 kB source is evaluated once per document: a second run on the same page (dark
  // after light) finds it there, in every frame. axe.run starts each run afresh.
  const has = (f: Frame) =>
    f.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === "function").catch(() => false);
  const loaded = (await Promise.all(page.frames().map(has))).every(Boolean);
  const builder = new AxeBuilder({ page, axeSource: loaded ? "void 0" : AXE_SOURCE })
    .options({ runOnly: { type: "tag", values: WCAG }, resultTypes: ["violations"] })
    .setLegacyMode();
  if (opts.include) builder.include(opts.include);
  return builder;
}

/** The page's WCAG violations (empty when it passes). */
export async function axeViolations(page: Page, opts: { include?: string } = {}): Promise<Violations> {
  return (await (await axe(page, opts)).analyze()).violations;
}

/** One line per offending element: rule, impact, help, selector and the start of its HTML. */
export function describeViolations(violations: Violations): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")} — ${n.html.slice(0, 160)}`),
  );
}
