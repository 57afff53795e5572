// npm run screenshots: PNGs of key pages for review, as parents see them: at phone and
// desktop widths, with text at 200 %, and with the system set to dark; plus one contact
// sheet (contact-sheet.png) of every first screen side by side.
//   PAGES=/,/blog/        the pages (comma-separated)
//   SITE=dir              the built site to serve (default _site)
//   FULL=0                first screens only (default: full pages too)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { serveStatic } from "./static-server.ts";
import { launchBrowser } from "./browser.ts";
import { textSizeScript } from "./text-size.ts";

const out = path.resolve(process.argv[2] ?? "screenshots");
const pages = (process.env.PAGES ?? "/,/blog/newborn-first-week/,/blog/,/contact/,/providers/maya-okafor/,/es/").split(",");
const widths = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];
/** How the page is seen: as it comes, with text at 200 % (browser text size), in dark mode. */
const looks = [
  { name: "", rootSize: "", scheme: "light" as const },
  { name: "-text200", rootSize: "200%", scheme: "light" as const },
  { name: "-dark", rootSize: "", scheme: "dark" as const },
];

await mkdir(out, { recursive: true });
const server = await serveStatic(process.env.SITE ?? "_site");
const browser = await launchBrowser();
const sheet: { page: string; look: string; width: string; file: string }[] = [];
try {
  for (const w of widths) {
    for (const look of looks) {
      const context = await browser.newContext({
        viewport: { width: w.width, height: w.height },
        deviceScaleFactor: 1,
        colorScheme: look.scheme,
      });
      if (look.rootSize) await context.addInitScript({ content: textSizeScript(look.rootSize) });
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(server.url + p, { waitUntil: "load" });
        const base = (p.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "home") + `-${w.name}${look.name}`;
        const first = path.join(out, `${base}-first.png`);
        await page.screenshot({ path: first });
        sheet.push({ page: p, look: look.name.slice(1) || "as is", width: w.name, file: first });
        if (process.env.FULL !== "0") {
          await page.screenshot({ path: path.join(out, `${base}.png`), fullPage: true });
          console.log(path.join(out, `${base}.png`));
        }
      }
      await context.close();
    }
  }
  // The contact sheet: every first screen, one row per page.
  const rows = pages.map((p) => {
    const cells = sheet
      .filter((s) => s.page === p)
      .map(
        (s) => `<figure><img src="${path.basename(s.file)}" class="${s.width}"><figcaption>${s.width} · ${s.look}</figcaption></figure>`,
      );
    return `<section><h2>${p}</h2><div>${cells.join("")}</div></section>`;
  });
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{font:14px system-ui;margin:8px;background:#ddd}h2{margin:4px 0;font-size:14px}
    div{display:flex;gap:8px;align-items:flex-start}figure{margin:0}figcaption{font-size:12px}
    img{display:block;border:1px solid #888}img.phone{width:195px}img.desktop{width:400px}
  </style>${rows.join("")}`;
  await writeFile(path.join(out, "contact-sheet.html"), html);
  const context = await browser.newContext({ viewport: { width: 1880, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto("file://" + path.join(out, "contact-sheet.html"));
  await page.screenshot({ path: path.join(out, "contact-sheet.png"), fullPage: true });
  console.log(path.join(out, "contact-sheet.png"));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
