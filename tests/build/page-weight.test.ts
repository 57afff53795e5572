// Page-weight budgets (gzip bytes a first visit transfers, images and video excluded):
// key pages fit in one TCP initial window (14 KB); on posts, everything but the article
// body and comments stays under 10 KB. Deterministic, so asserted; `npm run bench` prints them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "node-html-parser";
import { buildInto } from "../helpers.ts";

let out = "";
before(async () => {
  const built = await buildInto({ sourceDateEpoch: Date.parse("2026-11-25T18:00:00Z") / 1000 });
  assert.ok(built.result.ok);
  out = built.out;
});

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** First-party CSS and JS a page loads, following module imports. */
function assetBytes(html: string): { css: number; js: number } {
  const doc = parse(html);
  const file = (url: string) => readFileSync(path.join(out, url.split("?")[0]!));
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

export function pageWeight(html: string, strip: string[] = []): { html: number; css: number; js: number; total: number } {
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
  const { css, js } = assetBytes(html);
  const h = gz(shell);
  return { html: h, css, js, total: h + css + js };
}

for (const [name, file] of [["home", "index.html"], ["blog index", "blog/index.html"], ["events", "events/index.html"], ["team", "about/index.html"], ["Spanish home", "es/index.html"]] as const) {
  test(`${name} page: at most 14 KB gzipped (HTML + CSS + JS)`, () => {
    const w = pageWeight(readFileSync(path.join(out, file), "utf8"));
    assert.ok(w.total <= 14 * 1024, `${file}: ${JSON.stringify(w)}`);
    assert.ok(w.js <= 5 * 1024, `${file}: JS ${w.js} bytes`);
  });
}

test("post pages: everything outside the article body, its images and comments is at most 10 KB gzipped", () => {
  for (const file of ["blog/sleep-and-teens/index.html", "blog/sun-safety/index.html", "blog/vaccine-questions-video/index.html"]) {
    const w = pageWeight(readFileSync(path.join(out, file), "utf8"), [".prose", ".comments", ".post__image"]);
    assert.ok(w.total <= 10 * 1024, `${file}: ${JSON.stringify(w)}`);
    assert.ok(w.js <= 5 * 1024, `${file}: JS ${w.js} bytes`);
  }
});

test("pages without dated content, video or sharing load no script at all", () => {
  const html = readFileSync(path.join(out, "faq/index.html"), "utf8");
  // An active alert needs live.js to hide it when it ends; the FAQ has nothing else.
  const scripts = parse(html).querySelectorAll("script[src]").map((s) => s.getAttribute("src"));
  assert.deepEqual(scripts, ["/assets/js/live.js"]);
});
