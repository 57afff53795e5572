// What a first visit to a built page transfers, gzip-compressed, images and video left
// out: the HTML, its stylesheet and the first-party scripts it loads (following module
// imports). Used by the budget tests and printed by `npm run bench`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "node-html-parser";

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** First-party CSS and JS a page loads, following module imports. */
function assetBytes(siteDir: string, html: string): { css: number; js: number } {
  const doc = parse(html);
  const file = (url: string) => readFileSync(path.join(siteDir, url.split("?")[0]!));
  const css = doc.querySelectorAll('link[rel="stylesheet"]').reduce((n, l) => n + gz(file(l.getAttribute("href")!)), 0);
  const seen = new Set<string>();
  const visit = (url: string): number => {
    if (seen.has(url)) return 0;
    seen.add(url);
    const source = file(url);
    // Static imports always load; live.js loads the open-now rules only on pages that show them.
    const wanted = [...source.toString().matchAll(/from\s+"(\.\/[^"]+)"/g)].map((m) => m[1]!);
    if (html.includes("data-open-status")) wanted.push(...[...source.toString().matchAll(/import\("(\.\/[^"]+)"\)/g)].map((m) => m[1]!));
    const imports = wanted.map((u) => path.posix.join(path.posix.dirname(url), u));
    return gz(source) + imports.reduce((n, u) => n + visit(u), 0);
  };
  const js = doc.querySelectorAll("script[src]").reduce((n, s) => n + visit(s.getAttribute("src")!), 0);
  return { css, js };
}

/** `strip`: selectors whose contents do not count (a post's body and comments). */
export function pageWeight(siteDir: string, html: string, strip: string[] = []): PageWeight {
  let shell = html;
  if (strip.length) {
    const doc = parse(html);
    for (const selector of strip) for (const el of doc.querySelectorAll(selector)) el.set_content("");
    // Comments repeated in the structured data count as comments too.
    for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const data = JSON.parse(el.text) as Record<string, unknown>;
      delete data.comment;
      el.set_content(JSON.stringify(data));
    }
    shell = doc.toString();
  }
  const { css, js } = assetBytes(siteDir, html);
  const h = gz(shell);
  return { html: h, css, js, total: h + css + js };
}

/** The budgets of issue #12, by page type: file, what is left out, and the limits in bytes. */
export const BUDGETS = [
  { name: "home", file: "index.html", strip: [], total: 14 * 1024 },
  { name: "blog index", file: "blog/index.html", strip: [], total: 14 * 1024 },
  { name: "events", file: "events/index.html", strip: [], total: 14 * 1024 },
  { name: "team", file: "about/index.html", strip: [], total: 14 * 1024 },
  { name: "Spanish home", file: "es/index.html", strip: [], total: 14 * 1024 },
  {
    name: "post (outside body and comments)",
    file: "blog/sleep-and-teens/index.html",
    strip: [".prose", ".comments", ".post__image"],
    total: 10 * 1024,
  },
  {
    name: "post with video (outside body)",
    file: "blog/vaccine-questions-video/index.html",
    strip: [".prose", ".comments", ".post__image"],
    total: 10 * 1024,
  },
  {
    name: "post with comments (outside body)",
    file: "blog/sun-safety/index.html",
    strip: [".prose", ".comments", ".post__image"],
    total: 10 * 1024,
  },
] as const;

export const JS_BUDGET = 5 * 1024;
