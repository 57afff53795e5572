// The old HTML's ids as the Markdown's anchors ({#id}, []{#id}): cleaned to letters, digits,
// "-" and "_", unique, never one the page itself uses; ids editors never chose are kept only
// when a link in the post uses them.
import { HTMLElement } from "node-html-parser";
import { isLayoutId } from "../../markdown/anchors.ts";

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
export function isAnchorOnly(el: HTMLElement): boolean {
  return (el.rawTagName.toLowerCase() === "a" && !el.getAttribute("href")) || (!el.text.trim() && !el.querySelector("img"));
}

export const span = (id: string) => `[]{#${id}}`;

/** The anchors of one conversion: which old id became which new one, and which the Markdown already carries. */
export class AnchorBook {
  /** Ids the Markdown already carries (each only once). */
  private emitted = new Set<string>();
  private referenced = new Set<string>();
  /**
   * `assign`: first pass, deciding each old id's new one (anchorIds); otherwise the
   * answers of that pass are only looked up, so links written before their target agree.
   * `comment`: comments carry no anchors.
   */
  constructor(
    readonly anchors: Map<string, string>,
    private assign = false,
    html = "",
    private comment = false,
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

  /** The Markdown ids of an element's id (and an <a>'s name), the first time it is met. */
  take(el: HTMLElement): string[] {
    if (this.comment) return [];
    const raws = [el.getAttribute("id"), el.rawTagName.toLowerCase() === "a" ? el.getAttribute("name") : undefined]
      .map((r) => r?.trim())
      .filter((r): r is string => !!r);
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
}
