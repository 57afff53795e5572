// Measures the WordPress importer's hand-written HTML → Markdown converter
// (lib/import/wordpress/html.ts) against turndown with its GFM plugin and custom rules for
// WordPress blocks, on every post, page and comment of the import fixtures and on a set of
// hostile snippets. The evidence for docs/developers/import-converter.md.
//
// turndown is not a dependency of the project (it lost the comparison): install it outside
// the repository and point TURNDOWN_DIR at that folder, e.g.
//   mkdir /tmp/td && cd /tmp/td && npm install turndown@7.2.5 turndown-plugin-gfm@1.0.2
//   TURNDOWN_DIR=/tmp/td node --import tsx bench/import-converter.ts
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   turndown is not a dependency: it is loaded from TURNDOWN_DIR for this measurement only, untyped. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "node-html-parser";
import { parseWxr } from "../lib/import/wordpress/wxr.ts";
import { htmlToMarkdown, expandShortcodes, autop } from "../lib/import/wordpress/html.ts";
import { rewriteEmbeds } from "../lib/import/wordpress/embeds.ts";
import { parseVideoUrl } from "../lib/video/parse.ts";
import { renderMarkdown } from "../lib/markdown/index.ts";

const dir = process.env.TURNDOWN_DIR;
if (!dir) {
  console.error(
    "Set TURNDOWN_DIR to a folder where turndown@7.2.5 and turndown-plugin-gfm@1.0.2 are installed (see the top of this file).",
  );
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(dir), "package.json"));
const TurndownService = require("turndown");
const { gfm } = require("turndown-plugin-gfm");

const REMOVE = [
  "script",
  "style",
  "noscript",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "object",
  "embed",
  "applet",
  "svg",
  "canvas",
  "template",
  "link",
  "meta",
  "base",
  "frame",
  "frameset",
  "math",
  "head",
  "title",
  "source",
  "track",
  "map",
  "area",
  "dialog",
  "video",
  "audio",
];

/** turndown as a practice would configure it for WordPress: GFM tables and strikethrough, and rules for the blocks. */
function turndown(): (html: string) => string {
  const td = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*", hr: "***" });
  td.use(gfm);
  td.remove(REMOVE);
  td.addRule("video-frames", {
    filter: "iframe",
    replacement: (_c: string, node: { getAttribute(n: string): string | null }) => {
      const src = node.getAttribute("src") ?? "";
      const video = parseVideoUrl(src.startsWith("//") ? `https:${src}` : src);
      return video ? `\n\n${video.watchUrl}\n\n` : "";
    },
  });
  td.addRule("embed-block", {
    filter: (node: { nodeName: string; getAttribute(n: string): string | null }) =>
      node.nodeName === "FIGURE" && /wp-block-embed/.test(node.getAttribute("class") ?? ""),
    replacement: (content: string, node: { textContent: string }) => {
      const url = node.textContent.trim().split(/\s+/)[0] ?? "";
      const video = parseVideoUrl(url);
      return `\n\n${video ? video.watchUrl : url}\n\n`;
    },
  });
  td.addRule("file-button", {
    filter: (node: { nodeName: string; getAttribute(n: string): string | null }) =>
      node.nodeName === "A" && /wp-block-file__button/.test(node.getAttribute("class") ?? ""),
    replacement: () => "",
  });
  // Only web, mail and phone links: anything else keeps its text.
  td.addRule("safe-links", {
    filter: (node: { nodeName: string; getAttribute(n: string): string | null }) =>
      node.nodeName === "A" &&
      !!node.getAttribute("href") &&
      !/^(https?:|mailto:|tel:|\/|#)/i.test((node.getAttribute("href") ?? "").trim()),
    replacement: (content: string) => content,
  });
  return (html) => td.turndown(html);
}

/** What a reader gets: the rendered page's text and its structure, counted. */
function reading(markdown: string): { text: string; shape: Record<string, number> } {
  const html = renderMarkdown(markdown).html;
  const root = parse(html);
  const shape: Record<string, number> = {};
  for (const tag of ["a", "img", "table", "th", "td", "h2", "h3", "li", "blockquote", "pre", "strong", "em", "del"]) {
    const n = root.querySelectorAll(tag).length;
    if (n) shape[tag] = n;
  }
  const images = (html.match(/pp[0-9a-f]{24}\d+|<img\b/g) ?? []).length;
  if (images) shape.img = images;
  return { text: root.text.replace(/\s+/g, " ").trim(), shape };
}

const td = turndown();
const FIXTURES = path.join(import.meta.dirname, "../tests/fixtures/wordpress");
let items = 0;
let sameText = 0;
let sameShape = 0;
const diffs: string[] = [];
for (const file of ["export.xml", "maple.xml", "birch-multisite.xml"]) {
  const wxr = parseWxr(readFileSync(path.join(FIXTURES, file), "utf8"), file);
  const sources = wxr.items
    .filter((i) => i.type === "post" || i.type === "page")
    .flatMap((i) => [
      { where: `${file} ${i.type} ${i.id}`, html: i.content, comment: false },
      ...i.comments.map((c) => ({ where: `${file} comment ${c.id}`, html: c.content, comment: true })),
    ]);
  for (const s of sources) {
    if (!s.html.trim()) continue;
    items++;
    const html = s.comment ? autop(s.html) : rewriteEmbeds(s.html).html;
    const ours = htmlToMarkdown(html, { comment: s.comment }).markdown;
    // turndown knows neither shortcodes nor the classic editor's blank-line paragraphs: the same steps go first.
    const blocky = /<!--\s*wp:/.test(html);
    const pre = blocky ? expandShortcodes(html, {}, new Set()) : autop(expandShortcodes(html, {}, new Set()));
    const theirs = td(pre);
    const a = reading(ours);
    const b = reading(theirs);
    if (a.text === b.text) sameText++;
    if (JSON.stringify(a.shape) === JSON.stringify(b.shape)) sameShape++;
    if (a.text !== b.text || JSON.stringify(a.shape) !== JSON.stringify(b.shape)) {
      diffs.push(
        `--- ${s.where}\n  ours:     ${JSON.stringify(a.shape)} ${a.text.slice(0, 160)}\n  turndown: ${JSON.stringify(b.shape)} ${b.text.slice(0, 160)}\n  md ours:     ${JSON.stringify(ours.slice(0, 300))}\n  md turndown: ${JSON.stringify(theirs.slice(0, 300))}`,
      );
    }
  }
}
console.log(`Fixtures: ${items} posts, pages and comments; same rendered text ${sameText}/${items}, same structure ${sameShape}/${items}`);
if (process.argv.includes("--diffs")) console.log(diffs.join("\n"));

// Hostile snippets: what each converter's Markdown carries, and what the site's renderer (which sanitises again) makes of it.
const HOSTILE: [string, string][] = [
  ["script", `<p>Hi</p><script>alert(1)</script>`],
  ["script as text", `<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`],
  ["event handler", `<p><img src="https://x.example/a.jpg" alt="a" onerror="alert(1)"></p>`],
  ["javascript: link", `<p><a href="javascript:alert(1)">click</a></p>`],
  ["javascript: link, entity-encoded", `<p><a href="jav&#x61;script:alert(1)">click</a></p>`],
  ["data: link", `<p><a href="data:text/html,<script>alert(1)</script>">click</a></p>`],
  ["iframe", `<iframe src="https://evil.example/"></iframe>`],
  ["style", `<style>body{display:none}</style><p>x</p>`],
  ["form", `<form action="https://evil.example/"><input name="dob"><button>Send</button></form>`],
  ["svg onload", `<svg onload="alert(1)"><circle r="1"/></svg>`],
  ["markdown-looking text", `<p>[click](javascript:alert(1)) and ![x](https://evil.example/t.gif) &lt;img src=x onerror=alert(1)&gt;</p>`],
  ["raw html in text", `<p>&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;</p>`],
  ["object", `<object data="https://evil.example/x.swf"></object>`],
  ["tracking pixel", `<p><img src="https://tracker.example/p.gif" alt=""></p>`],
];
/** Markup that would run, load or send anything: such elements, event handlers, script URLs, another site's picture. */
function live(html: string): boolean {
  const root = parse(html);
  if (root.querySelector("script, iframe, object, embed, form, style, svg")) return true;
  return root
    .querySelectorAll("*")
    .some((el) =>
      Object.entries(el.attributes).some(
        ([k, v]) =>
          /^on/i.test(k) ||
          (/^(href|src|srcset|action|formaction)$/i.test(k) &&
            /^\s*(javascript|data|vbscript):|^(https?:)?\/\//i.test(v) &&
            !(k === "href" && /^https?:/i.test(v))),
      ),
    );
}
const raw = (md: string) => /<[a-z!/]/i.test(md.replace(/\\</g, ""));
console.log("\nHostile snippets: | case | ours: Markdown has raw HTML / page live | turndown: Markdown has raw HTML / page live |");
for (const [name, html] of HOSTILE) {
  const ours = htmlToMarkdown(html).markdown;
  const theirs = td(html);
  const row = (md: string) => `${raw(md) ? "raw HTML" : "-"} / ${live(renderMarkdown(md).html) ? "LIVE" : "inert"}`;
  console.log(
    `| ${name} | ${row(ours)} | ${row(theirs)} |  ours=${JSON.stringify(ours.trim()).slice(0, 90)} turndown=${JSON.stringify(theirs.trim()).slice(0, 90)}`,
  );
}

// Speed, on the largest fixture, a hundred times.
const big = parseWxr(readFileSync(path.join(FIXTURES, "export.xml"), "utf8"), "export.xml")
  .items.map((i) => i.content)
  .filter(Boolean);
for (const [name, f] of [
  ["ours", (h: string) => htmlToMarkdown(h).markdown],
  ["turndown", (h: string) => td(autop(expandShortcodes(h, {}, new Set())))],
] as const) {
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) for (const h of big) f(h);
  console.log(`${name}: ${((performance.now() - t0) / 100).toFixed(1)} ms for export.xml's ${big.length} items`);
}
