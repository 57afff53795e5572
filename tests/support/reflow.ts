// Reflow (WCAG 1.4.10) and large text (1.4.4), as every browser test checks them: the two
// looks (320 px; a phone's 390 px with text at 200 %), and what sticks out when a page
// scrolls sideways. Used by tests/browser/gates.test.ts (the site, on its one load of each
// page) and tests/browser/wordpress-gates.test.ts (imported sites).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { textSizeScript } from "./text-size.ts";

export interface Look {
  name: string;
  context: BrowserContext;
}

/** The two looks nothing may scroll sideways in. */
export async function reflowLooks(browser: Browser): Promise<Look[]> {
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const big = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await big.addInitScript({ content: textSizeScript("200%") });
  return [
    { name: "320 px", context: narrow },
    { name: "390 px, text at 200 %", context: big },
  ];
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
