// What staff see in the browser when a preview build failed: a banner on top of every
// (last good) page, and a page of its own at /_problems/ that needs no JavaScript. Only
// the preview server (lib/preview/server.ts) serves these; `npm run build` never writes them.
import { HINT, PROBLEMS_PATH, type Failure } from "./status.ts";

export const CSS_PATH = `${PROBLEMS_PATH}problems.css`;
/** Marks the banner and the problems page, so neither is annotated twice. */
export const BANNER_ID = "pp-problems";
const PAGE_MARK = `<meta name="practice-press" content="problems">`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const plural = (n: number) => `${n} problem${n === 1 ? "" : "s"}`;

function list(failure: Failure): string {
  return `<ul class="pp-problems__list">${failure.lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`;
}

/** The banner put first in each page's body while the last build failed. Staff text, so English whatever the page's language. */
export function banner(failure: Failure, prefix = ""): string {
  return [
    `<section id="${BANNER_ID}" class="pp-problems" lang="en" dir="ltr" aria-labelledby="${BANNER_ID}-title">`,
    `<h2 id="${BANNER_ID}-title">Preview not updated: ${plural(failure.lines.length)}</h2>`,
    `<p>This page is its last good version. Fix ${failure.lines.length === 1 ? "this" : "these"} and save: the preview rebuilds. <a href="${esc(prefix + PROBLEMS_PATH)}">The problems on a page of their own</a></p>`,
    list(failure),
    failure.unexpected ? `<p>${esc(HINT)}</p>` : "",
    `</section>`,
  ].join("");
}

/** A page from the preview folder, with the banner and its stylesheet (same origin, so the pages' own CSP allows it). */
export function annotate(html: string, failure: Failure, prefix = ""): string {
  if (html.includes(PAGE_MARK) || html.includes(`id="${BANNER_ID}"`)) return html;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  const withBanner = html.slice(0, at) + banner(failure, prefix) + html.slice(at);
  const link = `<link rel="stylesheet" href="${esc(prefix + CSS_PATH)}">`;
  return withBanner.includes("</head>") ? withBanner.replace("</head>", `${link}</head>`) : withBanner;
}

/** Whether a file in the preview folder is one of these problem pages rather than a page of the site. */
export function isProblemsPage(html: string): boolean {
  return html.includes(PAGE_MARK);
}

/** The page at /_problems/: the whole list, or word that the last build succeeded. */
export function problemsPage(failure: Failure | undefined, prefix = ""): string {
  const title = failure ? `Preview not updated: ${plural(failure.lines.length)}` : "Preview up to date";
  const main = failure
    ? [
        `<h1>The preview was not updated</h1>`,
        `<p>The last build stopped on ${plural(failure.lines.length)}, listed below as the terminal lists them. The pages show their last good version meanwhile. Fix ${failure.lines.length === 1 ? "it" : "them"} and save: the preview rebuilds, and the pages come back.</p>`,
        `<h2>Problems</h2>`,
        list(failure),
        failure.unexpected ? `<p>${esc(HINT)}</p>` : "",
      ]
    : [`<h1>The preview is up to date</h1>`, `<p>The last build found no problems.</p>`];
  return [
    `<!doctype html>`,
    `<html lang="en" dir="ltr">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="robots" content="noindex">`,
    PAGE_MARK,
    `<title>${title}</title>`,
    `<link rel="stylesheet" href="${esc(prefix + CSS_PATH)}">`,
    `</head>`,
    `<body class="pp-problems-page">`,
    `<main>`,
    ...main,
    `<p><a href="${esc(prefix)}/">The home page</a></p>`,
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

// `all: revert` keeps the site's own stylesheet from restyling the banner; the colours
// are dark on white (at least 7:1) so the text passes WCAG AAA contrast.
export const PROBLEMS_CSS = `
.pp-problems, .pp-problems * { all: revert; }
.pp-problems { display: block; box-sizing: border-box; margin: 0; padding: 1rem 1.25rem; background: #fff; color: #1a1a1a; border-top: 0.5rem solid #a4161a; border-bottom: 0.25rem solid #a4161a; font: 1rem/1.5 system-ui, sans-serif; }
.pp-problems h2 { margin: 0 0 0.5rem; font-size: 1.25rem; color: #a4161a; }
.pp-problems p { margin: 0.5rem 0; }
.pp-problems-page { margin: 0 auto; padding: 1rem 1.25rem; max-width: 60rem; background: #fff; color: #1a1a1a; font: 1rem/1.5 system-ui, sans-serif; }
.pp-problems-page h1 { color: #a4161a; font-size: 1.75rem; }
.pp-problems__list { margin: 0.5rem 0; padding-left: 1.5rem; }
.pp-problems__list li { margin: 0.25rem 0; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.pp-problems a, .pp-problems-page a { color: #0b4f9c; text-decoration: underline; }
.pp-problems a:focus-visible, .pp-problems-page a:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
`;
