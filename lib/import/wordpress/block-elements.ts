// Block elements of a post as Markdown blocks, for the converter walking it (html.ts):
// paragraphs, quotes, code, rules, figures and embed blocks, frames, audio and video.
// Headings stay in the walker (they carry the anchors); lists and tables: lists-tables.ts.
import type { HTMLElement } from "node-html-parser";
import { parseVideoUrl } from "../../video/parse.ts";
import { URL_ONLY, collapse } from "./markdown-text.ts";
import { listMarkdown, tableMarkdown, type BlockHost } from "./lists-tables.ts";
import type { ConvertOptions } from "./convert-types.ts";

/** Elements that make blocks of their own (or, inside a line, a space around them). */
export const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "table",
  "figure",
  "figcaption",
  "hr",
  "iframe",
  "dl",
  "dt",
  "dd",
  "address",
  "center",
  "video",
  "audio",
  "details",
  "summary",
  "hgroup",
]);
/** Elements removed with what is inside them (and noted for the report). */
export const DROP = new Set([
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
]);

/** What block elements need from the converter. */
export interface BlockElementHost extends BlockHost {
  readonly opts: ConvertOptions;
  note(s: string): void;
}

/** An element's Markdown blocks (its anchors are attached by the walker). */
export function blockMarkdown(host: BlockElementHost, el: HTMLElement, tag: string): string[] {
  switch (tag) {
    case "p":
    case "address":
    case "center":
    case "summary":
    case "dt":
    case "figcaption": {
      const inner = host.blocks(el.childNodes);
      if (tag === "figcaption")
        return inner.length
          ? [
              `*${inner
                .join(" ")
                .replace(/^\*+|\*+$/g, "")
                .trim()}*`,
            ]
          : [];
      if (tag === "dt") return inner.map((b) => `**${b}**`);
      return inner;
    }
    case "ul":
    case "ol":
      return [listMarkdown(host, el, tag === "ol")];
    case "li":
      return host.blocks(el.childNodes);
    case "blockquote": {
      const inner = host.blocks(el.childNodes).join("\n\n");
      return inner
        ? [
            inner
              .split("\n")
              .map((l) => (l ? `> ${l}` : ">"))
              .join("\n"),
          ]
        : [];
    }
    case "pre": {
      const text = el.text.replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
      if (!text.trim()) return [];
      const fence = "`".repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return [`${fence}\n${text}\n${fence}`];
    }
    case "hr":
      return ["***"];
    case "table":
      return tableMarkdown(host, el);
    case "figure": {
      const cls = el.getAttribute("class") ?? "";
      if (/wp-block-embed/.test(cls)) {
        const url =
          collapse(el.querySelector(".wp-block-embed__wrapper")?.text ?? el.text)
            .trim()
            .split(" ")[0] ?? "";
        const video = parseVideoUrl(url);
        if (video) return [video.watchUrl];
        if (URL_ONLY.test(url)) return [host.opts.link ? host.opts.link(url) : url];
        host.note("an embed block with no address was removed");
        return [];
      }
      return host.blocks(el.childNodes);
    }
    case "iframe": {
      const src = el.getAttribute("src") ?? el.getAttribute("data-src") ?? "";
      const video = parseVideoUrl(src.startsWith("//") ? `https:${src}` : src);
      if (video) return [video.watchUrl];
      let site = src;
      try {
        site = new URL(src.startsWith("//") ? `https:${src}` : src).hostname;
      } catch {
        /* keep the raw text */
      }
      host.note(`an embedded frame from ${site || "an unknown address"} was removed (only YouTube and Vimeo are kept)`);
      return [];
    }
    case "video":
    case "audio": {
      const src = el.getAttribute("src") ?? el.querySelector("source")?.getAttribute("src") ?? "";
      host.note(`a <${tag}> file was left out${src ? ` (${src})` : ""}: upload it under /assets/ and add it by hand`);
      return [];
    }
    default:
      return host.blocks(el.childNodes);
  }
}
