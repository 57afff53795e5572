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
import { parse, HTMLElement, TextNode, type Node } from "node-html-parser";
import { parseVideoUrl } from "../../video/parse.ts";
import { isLayoutId } from "../../markdown/anchors.ts";

export interface ImageRequest {
  src: string;
  alt: string;
  /** The caption around it, if any: the last resort for alt text. */
  caption?: string;
}

export type ImageAnswer = { src: string; alt: string } | { drop: string };

export interface ConvertOptions {
  /** Decides where an image comes from (./file.jpg beside the post) and its alt text, or why it is left out. */
  image?: (req: ImageRequest) => ImageAnswer;
  /** Rewrites a link (old-site addresses → new ones); "" keeps the link's text without the link. */
  link?: (href: string) => string;
  /** [gallery ids="1,2"] and [caption id="attachment_N"]: an attachment's address and alt text. */
  attachment?: (id: number) => { url: string; alt: string } | undefined;
  /**
   * Links to uploaded documents (PDF, Word...): the copy's new address, or why the link
   * was removed (its text is kept); undefined for any other link.
   */
  file?: (href: string) => { href: string } | { drop: string } | undefined;
  /** The old HTML's ids → the Markdown's (see anchorIds); worked out from the HTML when not given. */
  anchors?: ReadonlyMap<string, string>;
  /** Comments: no images, headings become bold lines, no anchors. */
  comment?: boolean;
}

export interface Converted {
  markdown: string;
  /** The first paragraph as plain text (for a description). */
  firstParagraph?: string;
  /** What could not be converted, in words, for the report (deduplicated). */
  notes: string[];
  /** The old HTML's ids → the ids the Markdown carries. */
  anchors: ReadonlyMap<string, string>;
}

const BLOCK = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
  "blockquote", "pre", "table", "figure", "figcaption", "hr", "iframe", "dl", "dt", "dd", "address", "center", "video", "audio",
  "details", "summary", "hgroup",
]);
const DROP = new Set([
  "script", "style", "noscript", "form", "input", "button", "select", "textarea", "object", "embed", "applet", "svg", "canvas",
  "template", "link", "meta", "base", "frame", "frameset", "math", "head", "title", "source", "track", "map", "area", "dialog",
]);
/** Core blocks whose HTML converts as it is; anything from a plugin (namespace/name) is listed. */
const SHORTCODES_KNOWN = new Set(["caption", "wp_caption", "embed", "gallery", "video", "audio", "playlist"]);
const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif|svg)$/i;
const URL_ONLY = /^https?:\/\/[^\s<>"]+$/;

/** Escapes Markdown in plain text; web addresses stay whole so they still become links. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"()[\]]+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\`*_[\]<>|{]/g, "\\$&").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")))
    .join("");
}

/** Line starts that Markdown would read as structure: headings, quotes, lists, rules, attributes. */
function escapeLineStarts(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^(\s*)([#>+=~{-])/, "$1\\$2").replace(/^(\s*)(\d+)([.)])(?=\s|$)/, "$1$2\\$3"))
    .join("\n");
}

function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0]+/g, (m) => (m.includes("\u00a0") && !/[\n\t ]/.test(m) ? "\u00a0" : " "));
}

function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  const squashed = href.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
  if (scheme && !["http", "https", "mailto", "tel"].includes(scheme[1]!)) return undefined;
  if (!href) return undefined;
  return href;
}

function markdownUrl(href: string): string {
  return href.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/</g, "%3C").replace(/>/g, "%3E");
}

function attrsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * Shortcodes → plain HTML the converter understands; unknown ones are removed (their
 * enclosed text is kept) and named in the notes. `[[x]]` is WordPress's escape for a literal `[x]`.
 */
export function expandShortcodes(html: string, opts: ConvertOptions, notes: Set<string>): string {
  const escaped: string[] = [];
  let out = html.replace(/\[\[([^\]]*)\]\]/g, (_m, inner: string) => {
    escaped.push(`[${inner}]`);
    return `\u0000E${escaped.length - 1}\u0000`;
  });
  // Enclosing shortcodes first: [caption ...]...[/caption], [embed]url[/embed].
  out = out.replace(/\[(caption|wp_caption)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_m, _name, attrs: string, inner: string) => {
    const a = attrsOf(attrs);
    const imgMatch = /<img\b[^>]*>/i.exec(inner);
    const linked = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i.exec(inner);
    let img = linked?.[0] ?? imgMatch?.[0] ?? "";
    const caption = (a.caption ?? inner.replace(img, "")).trim();
    // The caption is the picture's description of last resort, when it has no alt text.
    if (img) img = img.replace(/<img\b/i, `<img data-caption="${escapeAttr(plainText(caption))}"`);
    return `<figure>${img}<figcaption>${caption}</figcaption></figure>`;
  });
  out = out.replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_m, _attrs, url: string) => `<p>${url.trim()}</p>`);
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => {
    const ids = (attrsOf(attrs).ids ?? "").split(",").map((s) => Number.parseInt(s, 10)).filter(Number.isFinite);
    if (!ids.length) {
      notes.add("a [gallery] shortcode without ids was removed: add the photos by hand");
      return "";
    }
    return ids
      .map((id) => {
        const att = opts.attachment?.(id);
        if (!att) {
          notes.add(`gallery photo ${id} is not in the export: left out`);
          return "";
        }
        return `<figure><img src="${escapeAttr(att.url)}" alt="${escapeAttr(att.alt)}"></figure>`;
      })
      .join("");
  });
  out = out.replace(/\[(video|audio|playlist)([^\]]*)\](?:((?:(?!\[\1\b)[\s\S])*?)\[\/\1\])?/gi, (_m, name: string, attrs: string) => {
    const a = attrsOf(attrs);
    const src = a.src ?? a.mp4 ?? a.youtube ?? "";
    if (src && parseVideoUrl(src)) return `<p>${src}</p>`;
    notes.add(`[${name.toLowerCase()}] shortcode removed${src ? ` (${src})` : ""}: upload the file under /assets/ and add it by hand`);
    return "";
  });
  // Anything else that looks like a shortcode: has attributes, a closing tag, or an underscore/dash name.
  const closing = new Set([...out.matchAll(/\[\/([a-z][\w-]*)\]/gi)].map((m) => m[1]!.toLowerCase()));
  out = out.replace(/\[(\/?)([a-z][\w-]*)((?:\s+[^\]]*)?)\]/gi, (m, slash: string, name: string, attrs: string) => {
    const lower = name.toLowerCase();
    const looksLike = slash || closing.has(lower) || /[_-]/.test(name) || /=/.test(attrs) || SHORTCODES_KNOWN.has(lower);
    if (!looksLike) return m;
    if (!slash) notes.add(`shortcode [${lower}] could not be converted and was removed`);
    return "";
  });
  return out.replace(/\u0000E(\d+)\u0000/g, (_m, i: string) => escaped[Number(i)]!.replace(/\[/g, "&#91;").replace(/\]/g, "&#93;"));
}

/** The classic editor stores paragraphs as blank lines and line breaks as newlines (wpautop). */
export function autop(html: string): string {
  const blockStart = /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|hr|iframe|dl|section|address|form|script|style|details|video|audio|center|!--)\b/i;
  const pres: string[] = [];
  const kept = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (m) => {
    pres.push(m);
    return `<pre data-kept="${pres.length - 1}"></pre>`;
  });
  return kept
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => {
      const t = chunk.trim();
      if (!t) return "";
      if (blockStart.test(t)) return t;
      return `<p>${t.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n")
    .replace(/<pre data-kept="(\d+)"><\/pre>/g, (_m, i: string) => pres[Number(i)]!);
}

/** Plugin (namespaced) Gutenberg blocks, which may not look right as plain content. */
function pluginBlocks(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/<!--\s*wp:([a-z0-9-]+\/[a-z0-9-]+)/gi)) if (!m[1]!.startsWith("core-embed/") && !m[1]!.startsWith("core/")) names.add(m[1]!);
  return [...names];
}

/** An old id as one the site accepts: "Dosis pediátrica" → "Dosis-pediatrica"; "" when nothing is left. */
export function cleanAnchorId(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** Ids editors never chose (pasted from Google Docs or Word, WordPress's own): kept only when a link in the post uses them. */
const MACHINE_IDS = /^(docs-internal-guid-|wp-block-file--media-|attachment_\d|_GoBack$|_Hlk\d)/;

/** An element whose only job is to be a link target: an <a name> or <a> without address, or an empty <span id>. */
function isAnchorOnly(el: HTMLElement): boolean {
  return (el.rawTagName.toLowerCase() === "a" && !el.getAttribute("href")) || (!el.text.trim() && !el.querySelector("img"));
}

const span = (id: string) => `[]{#${id}}`;

class Converter {
  notes = new Set<string>();
  firstParagraph?: string;
  /** Ids the Markdown already carries (each only once). */
  private emitted = new Set<string>();
  private referenced = new Set<string>();
  /**
   * `assign`: first pass, deciding each old id's new one (anchorIds); otherwise the
   * answers of that pass are only looked up, so links written before their target agree.
   */
  constructor(
    private opts: ConvertOptions,
    readonly anchors: Map<string, string>,
    private assign = false,
    html = "",
  ) {
    if (assign) {
      for (const m of html.matchAll(/href\s*=\s*["']?#([^"'\s>]+)/gi)) {
        try {
          this.referenced.add(decodeURIComponent(m[1]!));
        } catch {
          this.referenced.add(m[1]!);
        }
      }
    }
  }

  note(s: string) {
    this.notes.add(s);
  }

  /** The Markdown ids of an element's id (and an <a>'s name), the first time it is met. */
  take(el: HTMLElement): string[] {
    if (this.opts.comment) return [];
    const raws = [el.getAttribute("id"), el.rawTagName.toLowerCase() === "a" ? el.getAttribute("name") : undefined].map((r) => r?.trim()).filter((r): r is string => !!r);
    const out: string[] = [];
    for (const raw of raws) {
      if (this.assign && !this.anchors.has(raw) && (!MACHINE_IDS.test(raw) || this.referenced.has(raw))) {
        let base = cleanAnchorId(raw);
        if (!base) continue;
        if (isLayoutId(base)) base = `wp-${base}`;
        const used = new Set(this.anchors.values());
        let id = base;
        for (let n = 2; used.has(id); n++) id = `${base.slice(0, 76)}-${n}`;
        this.anchors.set(raw, id);
      }
      const id = this.anchors.get(raw);
      if (id && !this.emitted.has(id)) {
        this.emitted.add(id);
        out.push(id);
      }
    }
    return out;
  }

  /** Puts anchors at the start of some blocks: inside a heading or paragraph, or just before a list, table or quote. */
  attach(blocks: string[], ids: readonly string[]): string[] {
    if (!ids.length) return blocks;
    const spans = ids.map(span).join("");
    const [first, ...rest] = blocks;
    if (first === undefined) return [spans];
    const heading = /^#{2,6} /.exec(first);
    if (heading) return [`${heading[0]}${spans}${first.slice(heading[0].length)}`, ...rest];
    if (/^(\*\*\*$|[-*+] |\d+[.)] |>|\||`{3}|!\[|https?:\/\/\S+$|\/\S+$)/.test(first)) return [spans, ...blocks];
    return [`${spans}${first}`, ...rest];
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
    if (URL_ONLY.test(plain) && nodes.every((n) => n instanceof TextNode || (n instanceof HTMLElement && ["a", "span", "br"].includes(n.rawTagName.toLowerCase())))) {
      const ids = nodes.flatMap((n) => (n instanceof HTMLElement ? [n, ...n.querySelectorAll("[id], a[name]")].flatMap((e) => this.take(e)) : []));
      const lead = ids.length ? `${ids.map(span).join("")}\n\n` : "";
      const file = this.opts.file?.(plain);
      if (file) {
        let name = plain.split(/[?#]/)[0]!.split("/").pop() ?? plain;
        try {
          name = decodeURIComponent(name);
        } catch { /* keep it as it is */ }
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
    const ids = this.take(el);
    return this.attach(this.blockContent(el, tag), ids);
  }

  /** A heading keeps its id, or else the first anchor inside it (an <a name>, a contents plugin's <span id>), as {#id}. */
  heading(el: HTMLElement, tag: string): string[] {
    let ids = this.take(el);
    if (!ids.length) {
      const inner = el.querySelectorAll("[id], a[name]").find(isAnchorOnly);
      if (inner) ids = this.take(inner);
    }
    const text = this.inlineChildren(el).replace(/\\\n/g, " ").trim();
    if (!text) return ids.length ? [ids.map(span).join("")] : [];
    if (this.opts.comment) return [`**${text}**`];
    const [own, ...more] = ids;
    return [`${"#".repeat(Math.max(2, Number(tag[1])))} ${more.map(span).join("")}${text}${own ? ` {#${own}}` : ""}`];
  }

  blockContent(el: HTMLElement, tag: string): string[] {
    switch (tag) {
      case "p": case "address": case "center": case "summary": case "dt": case "figcaption": {
        const inner = this.blocks(el.childNodes);
        if (tag === "figcaption") return inner.length ? [`*${inner.join(" ").replace(/^\*+|\*+$/g, "").trim()}*`] : [];
        if (tag === "dt") return inner.map((b) => `**${b}**`);
        return inner;
      }
      case "ul": case "ol":
        return [this.list(el, tag === "ol")];
      case "li":
        return this.blocks(el.childNodes);
      case "blockquote": {
        const inner = this.blocks(el.childNodes).join("\n\n");
        return inner ? [inner.split("\n").map((l) => (l ? `> ${l}` : ">")).join("\n")] : [];
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
        return this.table(el);
      case "figure": {
        const cls = el.getAttribute("class") ?? "";
        if (/wp-block-embed/.test(cls)) {
          const url = collapse(el.querySelector(".wp-block-embed__wrapper")?.text ?? el.text).trim().split(" ")[0] ?? "";
          const video = parseVideoUrl(url);
          if (video) return [video.watchUrl];
          if (URL_ONLY.test(url)) return [this.opts.link ? this.opts.link(url) : url];
          this.note("an embed block with no address was removed");
          return [];
        }
        return this.blocks(el.childNodes);
      }
      case "iframe": {
        const src = el.getAttribute("src") ?? el.getAttribute("data-src") ?? "";
        const video = parseVideoUrl(src.startsWith("//") ? `https:${src}` : src);
        if (video) return [video.watchUrl];
        let host = src;
        try {
          host = new URL(src.startsWith("//") ? `https:${src}` : src).hostname;
        } catch { /* keep the raw text */ }
        this.note(`an embedded frame from ${host || "an unknown address"} was removed (only YouTube and Vimeo are kept)`);
        return [];
      }
      case "video": case "audio": {
        const src = el.getAttribute("src") ?? el.querySelector("source")?.getAttribute("src") ?? "";
        this.note(`a <${tag}> file was left out${src ? ` (${src})` : ""}: upload it under /assets/ and add it by hand`);
        return [];
      }
      default:
        return this.blocks(el.childNodes);
    }
  }

  list(el: HTMLElement, ordered: boolean): string {
    const start = Number.parseInt(el.getAttribute("start") ?? "1", 10) || 1;
    const items = el.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement && n.rawTagName.toLowerCase() === "li");
    return items
      .map((li, i) => {
        const marker = ordered ? `${start + i}.` : "-";
        const pad = " ".repeat(marker.length + 1);
        const ids = this.take(li);
        const body = this.attach(this.blocks(li.childNodes), ids).join("\n") || "";
        return `${marker} ${body.split("\n").map((l, j) => (j === 0 || !l ? l : pad + l)).join("\n")}`.trimEnd();
      })
      .join("\n");
  }

  table(el: HTMLElement): string[] {
    const rows = el.querySelectorAll("tr").map((tr) => {
      const rowIds = this.take(tr);
      return tr.childNodes
        .filter((c): c is HTMLElement => c instanceof HTMLElement && ["td", "th"].includes(c.rawTagName.toLowerCase()))
        .map((c, i) => [...(i === 0 ? rowIds : []), ...this.take(c)].map(span).join("") + this.inlineChildren(c).replace(/\\\n|\n/g, " ").trim());
    });
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (!width) return [];
    const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? "").join(" | ")} |`;
    return [[line(rows[0]!), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n")];
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
    const ids = this.take(n).map(span).join("");
    return ids + this.inlineContent(n, tag);
  }

  inlineContent(n: HTMLElement, tag: string): string {
    switch (tag) {
      case "br":
        return "\\\n";
      case "strong": case "b":
        return this.wrap("**", this.inlineChildren(n));
      case "em": case "i": case "cite":
        return this.wrap("*", this.inlineChildren(n));
      case "del": case "s": case "strike":
        return this.wrap("~~", this.inlineChildren(n));
      case "code": case "kbd": case "tt": {
        const text = collapse(n.text);
        if (!text.trim()) return text;
        const ticks = "`".repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
        return `${ticks}${/^`|`$/.test(text) ? ` ${text} ` : text}${ticks}`;
      }
      case "img":
        return this.image(n);
      case "a":
        return this.anchor(n);
      default:
        if (BLOCK.has(tag)) return ` ${this.inlineChildren(n)} `;
        return this.inlineChildren(n);
    }
  }

  wrap(marker: string, inner: string): string {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
    if (!m[2]) return inner;
    return `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
  }

  image(el: HTMLElement): string {
    const src = (el.getAttribute("src") ?? el.getAttribute("data-src") ?? "").trim();
    const alt = collapse(el.getAttribute("alt") ?? "").trim();
    if (!src) return "";
    if (this.opts.comment) {
      this.note("an image in a comment was left out (comments have no images)");
      return "";
    }
    const caption = el.getAttribute("data-caption") || this.captionOf(el);
    const answer = this.opts.image ? this.opts.image({ src, alt, caption }) : { src, alt: alt || caption || "" };
    if ("drop" in answer) {
      this.note(answer.drop);
      return "";
    }
    const text = answer.alt.replace(/[\\[\]]/g, "\\$&").replace(/\n/g, " ");
    return `![${text}](${markdownUrl(answer.src)})`;
  }

  /** Gutenberg's <figure><img><figcaption>: the caption text. */
  captionOf(el: HTMLElement): string | undefined {
    let p = el.parentNode;
    for (let i = 0; p && i < 3; i++, p = p.parentNode) {
      if (p.rawTagName?.toLowerCase() === "figure") return collapse(p.querySelector("figcaption")?.text ?? "").trim() || undefined;
    }
    return undefined;
  }

  anchor(el: HTMLElement): string {
    const raw = el.getAttribute("href") ?? "";
    const children = el.childNodes;
    // <a href="photo-full.jpg"><img></a>: WordPress's "link to media file"; the picture is enough.
    const onlyImage = children.filter((c) => !(c instanceof TextNode && !c.text.trim()));
    if (onlyImage.length === 1 && onlyImage[0] instanceof HTMLElement && onlyImage[0].rawTagName.toLowerCase() === "img") {
      if (IMAGE_EXT.test(raw.split(/[?#]/)[0] ?? "") || /attachment_id=|\/attachment\//.test(raw) || !raw) return this.image(onlyImage[0]);
    }
    // The file block's "Download" button repeats the link just before it.
    if (/\bwp-block-file__button\b/.test(el.getAttribute("class") ?? "")) return "";
    const text = this.inlineChildren(el);
    if (!raw) return text;
    const safe = safeHref(raw);
    if (!safe) {
      this.note(`a link to "${raw.slice(0, 40)}" was not kept (only web, email and phone links are)`);
      return text;
    }
    let href: string;
    if (safe.startsWith("#") && !this.opts.comment) {
      // A link within the page: to the anchor's new id, or no link when nothing has that id.
      let fragment = safe.slice(1);
      try {
        fragment = decodeURIComponent(fragment);
      } catch { /* keep it as it is */ }
      const id = this.anchors.get(fragment);
      if (!id) {
        this.note(`a link to "${safe.slice(0, 40)}" points at nothing on the page: its text is kept without the link`);
        return text;
      }
      href = `#${id}`;
    } else {
      const file = this.opts.file?.(safe);
      if (file && "drop" in file) {
        this.note(file.drop);
        return text;
      }
      href = file ? file.href : this.opts.link ? this.opts.link(safe) : safe;
      // The link function answers "" when the link leads nowhere now: the text stays, without it.
      if (!href) return text;
    }
    if (!text.trim()) return "";
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
    return `${m[1]}[${m[2]}](${markdownUrl(href)})${m[3]}`;
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

/** Plain text of a little HTML (excerpts), whitespace collapsed. */
export function plainText(html: string): string {
  return collapse(parse(expandShortcodes(html, {}, new Set()), { comment: false }).text).trim();
}
