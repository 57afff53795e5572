// The one Markdown renderer. Content is data, never code: Markdown is not run through
// a template engine, and raw HTML an author types is cut down to a safe allowlist.
import { randomBytes } from "node:crypto";
import MarkdownIt from "markdown-it";
import { sanitizeHtml } from "./sanitize.ts";
import { headingOutline } from "./heading-outline.ts";
import { explicitAnchors } from "./anchors.ts";
import { rootLinks } from "./root-links.ts";
import { tableAlign } from "./table-align.ts";
import { videoEmbeds, type VideoEnv } from "./video.ts";
import { clip, markdownImages, type ImageEnv, type MarkdownImage } from "./images.ts";
import { rawImages } from "./raw-images.ts";
import { practiceFacts, type FactEnv, type FactRef } from "./facts.ts";
import { neutralizeUrls, refusedUrls } from "./url-policy.ts";
import { t, type Lang } from "../i18n/index.ts";

export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  md.use(headingOutline)
    .use(explicitAnchors)
    .use(rootLinks)
    .use(tableAlign)
    .use(videoEmbeds)
    .use(markdownImages)
    .use(rawImages)
    .use(practiceFacts);
  return md;
}

const md = createMarkdown();

export interface Rendered {
  html: string;
  /** Plain-text words, for reading time. */
  words: number;
  /** Problems an author must fix (e.g. a malformed video line), without the file name. */
  problems: string[];
  /** Origins of video players the page can load after a click. */
  videoHosts: string[];
  /** Local images, each standing in the HTML as its marker until replaced by a <picture>. */
  images: MarkdownImage[];
  /** Practice facts ([[phone]]), each standing as its marker until lib/content/facts.ts fills it in. */
  facts: FactRef[];
}

export interface RenderOptions {
  prefix?: string;
  lang?: Lang;
  exists?: (sitePath: string) => boolean;
}

// Marks where a generated embed or picture goes, so the HTML allowlist never sees (or
// strips) it. Random per process: an author cannot type a marker to splice markup into
// an attribute or a code block.
const EMBED_MARKER = `pp${randomBytes(12).toString("hex")}`;

export function renderMarkdown(source: string, opts: RenderOptions = {}): Rendered {
  const env: VideoEnv & ImageEnv & FactEnv = {
    prefix: opts.prefix,
    lang: opts.lang,
    exists: opts.exists,
    problems: [],
    embeds: [],
    embedMarker: EMBED_MARKER,
  };
  const tokens = md.parse(source, env as Record<string, unknown>);
  let hasRawHtml = false;
  let words = 0;
  for (const token of tokens) {
    if (token.type === "html_block") hasRawHtml = true;
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "html_inline") hasRawHtml = true;
        if (child.type === "text") words += countWords(child.content);
      }
    }
  }
  const rendered = md.renderer.render(tokens, md.options, env as Record<string, unknown>);
  // markdown-it's own output is safe; only author-typed HTML needs the allowlist.
  const safe = hasRawHtml ? sanitizeHtml(rendered) : rendered;
  let html = env.embeds!.length
    ? safe.replace(new RegExp(`<p>${EMBED_MARKER}(\\d+)</p>`, "g"), (_m, n: string) => env.embeds![Number(n)] ?? "")
    : safe;
  html = focusablePre(html, opts.lang ?? "en");
  // The one URL policy, once more over the finished HTML: whatever a plugin built from content obeys it too.
  const refused = refusedUrls(html);
  if (refused.length) {
    for (const url of new Set(refused))
      env.problems!.push(
        `the address ${JSON.stringify(clip(url))} is not allowed in a page; link to a page on this site (/new-patients/), an https:// address, mailto: or tel:`,
      );
    html = neutralizeUrls(html);
  }
  return {
    html,
    words,
    problems: env.problems!,
    videoHosts: [...(env.videoHosts ?? [])],
    images: env.images ?? [],
    facts: env.facts ?? [],
  };
}

/**
 * A code block that is wider than the screen scrolls sideways (lib/public/css/site.css), and a
 * region that scrolls must be reachable by keyboard and named for screen readers (WCAG 2.1.1,
 * axe scrollable-region-focusable). Fenced, indented and author-typed <pre> alike: the allowlist
 * never lets an author's own tabindex, role or aria-label through, so nothing is doubled.
 */
function focusablePre(html: string, lang: Lang): string {
  if (!html.includes("<pre")) return html;
  const name = t(lang, "markdown.pre").replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return html.replace(/<pre(?=[\s>])/g, `<pre tabindex="0" role="region" aria-label="${name}"`);
}

function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}’'-]+/gu);
  return m ? m.length : 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}
