// Inline elements of a post as Markdown, for the converter walking it (html.ts): line
// breaks, emphasis, struck text, code; pictures and links through inline.ts.
import type { HTMLElement } from "node-html-parser";
import { collapse, wrap } from "./markdown-text.ts";
import { imageMarkdown, linkMarkdown, type InlineHost } from "./inline.ts";
import { BLOCK } from "./block-elements.ts";

/** An element's inline Markdown (its anchors are added by the walker). */
export function inlineMarkdown(host: InlineHost, n: HTMLElement, tag: string): string {
  switch (tag) {
    case "br":
      return "\\\n";
    case "strong":
    case "b":
      return wrap("**", host.inlineChildren(n));
    case "em":
    case "i":
    case "cite":
      return wrap("*", host.inlineChildren(n));
    case "del":
    case "s":
    case "strike":
      return wrap("~~", host.inlineChildren(n));
    case "code":
    case "kbd":
    case "tt": {
      const text = collapse(n.text);
      if (!text.trim()) return text;
      const ticks = "`".repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return `${ticks}${/^`|`$/.test(text) ? ` ${text} ` : text}${ticks}`;
    }
    case "img":
      return imageMarkdown(host, n);
    case "a":
      return linkMarkdown(host, n);
    default:
      if (BLOCK.has(tag)) return ` ${host.inlineChildren(n)} `;
      return host.inlineChildren(n);
  }
}
