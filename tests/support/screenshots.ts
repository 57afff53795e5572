// npm run screenshots: PNGs of key pages at phone and desktop widths for review.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { serveStatic } from "./static-server.ts";
import { launchBrowser } from "./browser.ts";

const out = path.resolve(process.argv[2] ?? "screenshots");
const pages = (process.env.PAGES ?? "/,/blog/,/blog/sleep-and-teens/,/about/,/hours-locations/").split(",");
const widths = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];

await mkdir(out, { recursive: true });
const server = await serveStatic("_site");
const browser = await launchBrowser();
try {
  for (const w of widths) {
    const context = await browser.newContext({ viewport: { width: w.width, height: w.height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(server.url + p);
      const name = (p.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "home") + `-${w.name}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: process.env.FULL !== "0" });
      console.log(path.join(out, name));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
