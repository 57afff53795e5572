// Reflow (WCAG 1.4.10) and large text (1.4.4), as every browser test checks them: the two
// looks (320 px; a phone's 390 px with text at 200 %), and what sticks out when a page
// scrolls sideways. Both are applied to a page already loaded at phone width (Chromium lays
// it out again before it answers scrollWidth), so a gate loads each page once for every
// check: tests/browser/gates.test.ts (the site) and tests/browser/wordpress-gates.test.ts
// (imported sites).
import type { Page } from "playwright-core";
import { textSizeScript } from "./text-size.ts";

export const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 640 };

/**
 * Sideways scrolling at 320 px and at 390 px with text at 200 % (the root font size stands
 * in for the browser's text size), one line per look that scrolls, naming what sticks out.
 * The page is left as it was: at phone width, normal text.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const look of [
    { name: "at 320 px", viewport: NARROW },
    { name: "at 390 px with text at 200 %", viewport: PHONE, rootSize: "200%" },
  ]) {
    await page.setViewportSize(look.viewport);
    if (look.rootSize) await page.evaluate(textSizeScript(look.rootSize));
    const found = await sidewaysScroll(page);
    if (look.rootSize) await page.evaluate(() => document.documentElement.style.removeProperty("font-size"));
    if (found) problems.push(`reflow ${look.name}: ${found}`);
  }
  await page.setViewportSize(PHONE);
  return problems;
}

/** Undefined when the loaded page fits its width; else by how much it scrolls and the first elements sticking out. */
export function sidewaysScroll(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    if (over <= 0) return undefined;
    const out = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getBoundingClientRect().width > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).trim().replace(/\s+/g, ".") : ""}`);
    return `scrolls sideways by ${over}px (sticking out: ${out.join(", ")})`;
  });
}
