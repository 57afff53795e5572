// The one Markdown renderer. Content is data, never code: Markdown is not run through
// a template engine, and raw HTML an author types is cut down to a safe allowlist.
import MarkdownIt from "markdown-it";
import { sanitizeHtml } from "./sanitize.ts";
import { headingOutline } from "./heading-outline.ts";
import { rootLinks } from "./root-links.ts";
import { tableAlign } from "./table-align.ts";

export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  md.use(headingOutline).use(rootLinks).use(tableAlign);
  return md;
}

const md = createMarkdown();

export interface Rendered {
  html: string;
  /** Plain-text words, for reading time. */
  words: number;
}

export function renderMarkdown(source: string, opts: { prefix?: string } = {}): Rendered {
  const env = { prefix: opts.prefix };
  const tokens = md.parse(source, env);
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
  const html = md.renderer.render(tokens, md.options, env);
  // markdown-it's own output is safe; only author-typed HTML needs the allowlist.
  return { html: hasRawHtml ? sanitizeHtml(html) : html, words };
}

function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}’'-]+/gu);
  return m ? m.length : 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}
