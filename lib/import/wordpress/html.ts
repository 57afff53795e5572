// WordPress post HTML (classic editor, Gutenberg blocks, shortcodes) → clean Markdown.
// Pure: HTML and a few callbacks in, Markdown and notes for the report out.
//
// Safety: every text is escaped, so nothing the old site stored reaches the page as
// markup. Scripts, styles, forms, frames from unknown hosts, event handlers and
// javascript: links are dropped (and listed); YouTube and Vimeo frames become a bare link
// on its own line, which the site turns into its privacy facade.
//
// Anchors: the ids of the old HTML (<h2 id="dosage">, <a name="x">, a table-of-contents
// plugin's <span id>) stay, as `## Dosage {#dosage}` or `[]{#x}` (lib/markdown/anchors.ts),
// cleaned to letters, digits, "-" and "_", unique, never one the page itself uses; links
// to them (#dosage) follow.
//
// The walk over the HTML is here; beside it: shortcodes.ts, autop.ts, markdown-text.ts
// (escaping), anchor-ids.ts, block-elements.ts (paragraphs, quotes, code, figures, frames),
// lists-tables.ts, inline-elements.ts (emphasis, code), inline.ts (pictures and links).
// Why hand-written and not turndown: docs/developers/import-converter.md.
import { parse, HTMLElement, TextNode, type Node } from "node-html-parser";
import { URL_ONLY, collapse, escapeLineStarts, escapeMarkdown, markdownUrl } from "./markdown-text.ts";
import { BLOCK, DROP, blockMarkdown } from "./block-elements.ts";
import { inlineMarkdown } from "./inline-elements.ts";
import { expandShortcodes } from "./shortcodes.ts";
import { autop } from "./autop.ts";
import { AnchorBook, span, isAnchorOnly } from "./anchor-ids.ts";
import type { ConvertOptions, Converted } from "./convert-types.ts";

export type { ConvertOptions, Converted, ImageAnswer, ImageRequest } from "./convert-types.ts";
export { escapeMarkdown } from "./markdown-text.ts";
export { expandShortcodes, plainText } from "./shortcodes.ts";
export { autop } from "./autop.ts";
export { cleanAnchorId } from "./anchor-ids.ts";

/** Plugin (namespaced) Gutenberg blocks, which may not look right as plain content. */
function pluginBlocks(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/<!--\s*wp:([a-z0-9-]+\/[a-z0-9-]+)/gi))
    if (!m[1]!.startsWith("core-embed/") && !m[1]!.startsWith("core/")) names.add(m[1]!);
  return [...names];
}

class Converter {
  notes = new Set<string>();
  firstParagraph?: string;
  readonly book: AnchorBook;

  constructor(
    readonly opts: ConvertOptions,
    anchors: Map<string, string>,
    assign = false,
    html = "",
  ) {
    this.book = new AnchorBook(anchors, assign, html, !!opts.comment);
  }

  get anchors(): Map<string, string> {
    return this.book.anchors;
  }

  note(s: string) {
    this.notes.add(s);
  }

  blocks(nodes: readonly Node[]): string[] {
    const out: string[] = [];
    let run: Node[] = [];
    const flush = () => {
      if (run.length) {
        const p = this.paragraph(run);
        if (p) out.push(p);
      }
      run = [];
    };
    for (const n of nodes) {
      if (n instanceof HTMLElement && (BLOCK.has(n.rawTagName?.toLowerCase() ?? "") || DROP.has(n.rawTagName?.toLowerCase() ?? ""))) {
        flush();
        out.push(...this.block(n));
      } else run.push(n);
    }
    flush();
    return out;
  }

  /** A run of inline nodes as one paragraph; a bare web address stays alone on its line. */
  paragraph(nodes: readonly Node[]): string {
    const plain = collapse(nodes.map((n) => n.text).join("")).trim();
    if (
      URL_ONLY.test(plain) &&
      nodes.every((n) => n instanceof TextNode || (n instanceof HTMLElement && ["a", "span", "br"].includes(n.rawTagName.toLowerCase())))
    ) {
      const ids = nodes.flatMap((n) =>
        n instanceof HTMLElement ? [n, ...n.querySelectorAll("[id], a[name]")].flatMap((e) => this.book.take(e)) : [],
      );
      const lead = ids.length ? `${ids.map(span).join("")}\n\n` : "";
      const file = this.opts.file?.(plain);
      if (file) {
        let name = plain.split(/[?#]/)[0]!.split("/").pop() ?? plain;
        try {
          name = decodeURIComponent(name);
        } catch {
          /* keep it as it is */
        }
        if ("drop" in file) {
          this.note(file.drop);
          return `${lead}${escapeMarkdown(name)}`;
        }
        return `${lead}[${escapeMarkdown(name)}](${markdownUrl(file.href)})`;
      }
      const url = this.opts.link ? this.opts.link(plain) : plain;
      return lead + (URL_ONLY.test(url) || url.startsWith("/") ? url : escapeMarkdown(url));
    }
    const md = escapeLineStarts(
      nodes
        .map((n) => this.inline(n))
        .join("")
        .replace(/[ \t]+\n/g, "\n")
        .replace(/\\\n[ \t]+/g, "\\\n")
        .replace(/\\\n\s*$/g, "")
        .trim(),
    );
    if (md && plain && !this.firstParagraph && !/^!\[/.test(md)) this.firstParagraph = plain;
    return md;
  }

  block(el: HTMLElement): string[] {
    const tag = el.rawTagName.toLowerCase();
    if (DROP.has(tag)) {
      // The file block's preview of its PDF: the link beside it stays.
      if (tag === "object" && /\bwp-block-file__embed\b/.test(el.getAttribute("class") ?? "")) return [];
      this.note(`<${tag}> removed`);
      return [];
    }
    if (/^h[1-6]$/.test(tag)) return this.heading(el, tag);
    const ids = this.book.take(el);
    return this.book.attach(blockMarkdown(this, el, tag), ids);
  }

  /** A heading keeps its id, or else the first anchor inside it (an <a name>, a contents plugin's <span id>), as {#id}. */
  heading(el: HTMLElement, tag: string): string[] {
    let ids = this.book.take(el);
    if (!ids.length) {
      const inner = el.querySelectorAll("[id], a[name]").find(isAnchorOnly);
      if (inner) ids = this.book.take(inner);
    }
    const text = this.inlineChildren(el).replace(/\\\n/g, " ").trim();
    if (!text) return ids.length ? [ids.map(span).join("")] : [];
    if (this.opts.comment) return [`**${text}**`];
    const [own, ...more] = ids;
    return [`${"#".repeat(Math.max(2, Number(tag[1])))} ${more.map(span).join("")}${text}${own ? ` {#${own}}` : ""}`];
  }

  inlineChildren(el: HTMLElement): string {
    return el.childNodes.map((n) => this.inline(n)).join("");
  }

  inline(n: Node): string {
    if (n instanceof TextNode) return escapeMarkdown(collapse(n.text));
    if (!(n instanceof HTMLElement)) return "";
    const tag = n.rawTagName?.toLowerCase() ?? "";
    if (DROP.has(tag)) {
      this.note(`<${tag}> removed`);
      return "";
    }
    if (tag === "iframe" || tag === "video" || tag === "audio") {
      this.block(n);
      return "";
    }
    const ids = this.book.take(n).map(span).join("");
    return ids + inlineMarkdown(this, n, tag);
  }
}

function convert(c: Converter, html: string, opts: ConvertOptions): string {
  const blocky = /<!--\s*wp:/.test(html);
  let source = expandShortcodes(html, opts, c.notes);
  if (!blocky) source = autop(source);
  const root = parse(source, { comment: false, lowerCaseTagName: false, blockTextElements: { script: true, style: true, noscript: true } });
  const markdown = c
    .blocks(root.childNodes)
    .map((b) => b.replace(/\s+$/g, ""))
    .filter(Boolean)
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
  return markdown ? `${markdown}\n` : "";
}

/**
 * The ids a post's HTML gives its anchors → the ids its Markdown will carry: cleaned,
 * unique, never one of the page's own, in the order they appear. The planner uses it to
 * point links from other posts at the right anchor.
 */
export function anchorIds(html: string): Map<string, string> {
  const c = new Converter({}, new Map(), true, html);
  convert(c, html, {});
  return c.anchors;
}

/** Converts one post's, page's or comment's HTML. */
export function htmlToMarkdown(html: string, opts: ConvertOptions = {}): Converted {
  const anchors = opts.comment ? new Map<string, string>() : new Map(opts.anchors ?? anchorIds(html));
  const c = new Converter(opts, anchors);
  for (const name of pluginBlocks(html)) c.note(`block "${name}" (from a plugin) was converted as plain text: check it`);
  const markdown = convert(c, html, opts);
  return { markdown, firstParagraph: c.firstParagraph, notes: [...c.notes], anchors };
}
