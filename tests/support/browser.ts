// Launches Debian's Chromium through playwright-core; fails with the install command
// when it is missing, never silently skips.
//
// The tests drive Chromium's headless shell (Debian's chromium-headless-shell: the same
// Blink and V8 as the chromium package, built for headless use; the build Playwright itself
// runs for headless tests). Full Chromium in headless mode runs the whole desktop browser
// around each page, and the browser tier used about a third more CPU with it.
// Lighthouse (npm run audit) keeps full Chromium, which is what it supports.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
export const INSTALL_HINT = "sudo apt-get install -y chromium-headless-shell fonts-liberation   (or run: npm run test:setup)";
/** Full Chromium, for Lighthouse. */
export const FULL_CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
export const FULL_INSTALL_HINT = "sudo apt-get install -y chromium fonts-liberation";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: ${INSTALL_HINT}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}
