// Pictures and links inside a post: each through the planner's callbacks (where a picture is
// copied and what it is called, where an old link goes now), each removal noted for the report.
import { HTMLElement, TextNode } from "node-html-parser";
import { collapse, markdownUrl, safeHref } from "./markdown-text.ts";
import type { ConvertOptions } from "./convert-types.ts";

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif|svg)$/i;

/** What the pictures and links need from the converter walking the post. */
export interface InlineHost {
  readonly opts: ConvertOptions;
  /** The old HTML's ids → the Markdown's, for links within the page. */
  readonly anchors: ReadonlyMap<string, string>;
  note(s: string): void;
  inlineChildren(el: HTMLElement): string;
}

export function imageMarkdown(host: InlineHost, el: HTMLElement): string {
  const src = (el.getAttribute("src") ?? el.getAttribute("data-src") ?? "").trim();
  const alt = collapse(el.getAttribute("alt") ?? "").trim();
  if (!src) return "";
  if (host.opts.comment) {
    host.note("an image in a comment was left out (comments have no images)");
    return "";
  }
  // A cover block's background is decoration on WordPress unless the editor gave it alt text:
  // shown as a picture it would repeat, under the media library's description, what the post shows.
  if (/\bwp-block-cover__image-background\b/.test(el.getAttribute("class") ?? "") && !alt) {
    host.note(
      `image ${src.split(/[?#]/)[0]!.split("/").pop()} was a cover block's background (decoration, no alt text): left out; add it with a description if it shows something parents need`,
    );
    return "";
  }
  const caption = el.getAttribute("data-caption") || captionOf(el);
  const answer = host.opts.image ? host.opts.image({ src, alt, caption }) : { src, alt: alt || caption || "" };
  if ("drop" in answer) {
    host.note(answer.drop);
    return "";
  }
  const text = answer.alt.replace(/[\\[\]]/g, "\\$&").replace(/\n/g, " ");
  return `![${text}](${markdownUrl(answer.src)})`;
}

/** Gutenberg's <figure><img><figcaption>: the caption text. */
function captionOf(el: HTMLElement): string | undefined {
  let p = el.parentNode;
  for (let i = 0; p && i < 3; i++, p = p.parentNode) {
    if (p.rawTagName?.toLowerCase() === "figure") return collapse(p.querySelector("figcaption")?.text ?? "").trim() || undefined;
  }
  return undefined;
}

/** A link: kept when it is safe and still leads somewhere (rewritten by the planner), else its text alone, noted. */
export function linkMarkdown(host: InlineHost, el: HTMLElement): string {
  const raw = el.getAttribute("href") ?? "";
  const children = el.childNodes;
  // <a href="photo-full.jpg"><img></a>: WordPress's "link to media file"; the picture is enough.
  const onlyImage = children.filter((c) => !(c instanceof TextNode && !c.text.trim()));
  if (onlyImage.length === 1 && onlyImage[0] instanceof HTMLElement && onlyImage[0].rawTagName.toLowerCase() === "img") {
    if (IMAGE_EXT.test(raw.split(/[?#]/)[0] ?? "") || /attachment_id=|\/attachment\//.test(raw) || !raw)
      return imageMarkdown(host, onlyImage[0]);
  }
  // The file block's "Download" button repeats the link just before it.
  if (/\bwp-block-file__button\b/.test(el.getAttribute("class") ?? "")) return "";
  const text = host.inlineChildren(el);
  if (!raw) return text;
  const safe = safeHref(raw);
  if (!safe) {
    host.note(`a link to "${raw.slice(0, 40)}" was not kept (only web, email and phone links are)`);
    return text;
  }
  let href: string;
  if (safe.startsWith("#") && !host.opts.comment) {
    // A link within the page: to the anchor's new id, or no link when nothing has that id.
    let fragment = safe.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      /* keep it as it is */
    }
    const id = host.anchors.get(fragment);
    if (!id) {
      host.note(`a link to "${safe.slice(0, 40)}" points at nothing on the page: its text is kept without the link`);
      return text;
    }
    href = `#${id}`;
  } else {
    const file = host.opts.file?.(safe);
    if (file && "drop" in file) {
      host.note(file.drop);
      return text;
    }
    href = file ? file.href : host.opts.link ? host.opts.link(safe) : safe;
    // The link function answers "" when the link leads nowhere now: the text stays, without it.
    if (!href) return text;
  }
  if (!text.trim()) return "";
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return `${m[1]}[${m[2]}](${markdownUrl(href)})${m[3]}`;
}
