// WordPress shortcodes ([caption], [gallery], [embed], [video]...) → plain HTML the
// converter understands; anything else that looks like one is removed and noted. Also the
// plain text of a little HTML (excerpts), which goes through the same expansion.
import { parse } from "node-html-parser";
import { parseVideoUrl } from "../../video/parse.ts";
import { collapse } from "./markdown-text.ts";
import type { ConvertOptions } from "./convert-types.ts";

/** Core shortcodes the converter knows; any other is listed. */
const SHORTCODES_KNOWN = new Set(["caption", "wp_caption", "embed", "gallery", "video", "audio", "playlist"]);

export function attrsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g))
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * Shortcodes → plain HTML the converter understands; unknown ones are removed (their
 * enclosed text is kept) and named in the notes. `[[x]]` is WordPress's escape for a literal `[x]`.
 */
export function expandShortcodes(html: string, opts: Pick<ConvertOptions, "attachment">, notes: Set<string>): string {
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
    const ids = (attrsOf(attrs).ids ?? "")
      .split(",")
      .map((s) => Number.parseInt(s, 10))
      .filter(Number.isFinite);
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

/** Plain text of a little HTML (excerpts), whitespace collapsed. */
export function plainText(html: string): string {
  return collapse(parse(expandShortcodes(html, {}, new Set()), { comment: false }).text).trim();
}
