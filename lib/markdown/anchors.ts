// Anchors an author (or the WordPress import) names, so links such as /blog/x/#dosage
// land on the right spot:
//
//   ## How much to give {#dosage}        → <h2 id="dosage">How much to give</h2>
//   Text with an anchor []{#reapply} in it → <span id="reapply"></span>
//
// The same syntax as Pandoc, kramdown and markdown-it-attrs (ids only, no classes or
// other attributes). An id is letters, digits, "-" and "_"; it must be unique on the page
// and may not be one the page itself uses (#main, #comments, #comment-…); anything else
// is a problem named with the file, and the id is left out.
import type { Plugin } from "./types.ts";

/** What an id may be made of. */
export const ANCHOR_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Ids the layouts give every page or some pages (layouts/); tests/unit/anchors.test.ts keeps this in step. */
export const LAYOUT_IDS: ReadonlySet<string> = new Set([
  "main",
  "comments",
  "comments-title",
  "comment-form-title",
  "comment-name",
  "comment-email",
  "comment-body",
  "share-title",
  "site-search",
  "search-query",
  "search-browse",
  "foot-about",
  "foot-practice",
  "foot-pages",
  "foot-social",
  "block-hours",
  "block-locations",
  "block-team",
  "block-insurance",
  "block-forms",
  "block-new",
  "block-events",
  "block-contact",
  "closures-title",
  "taglines-title",
  "nondiscrimination-title",
  "glance-title",
  "events-title",
  "latest-title",
  "provider-posts",
  "staff-reviews",
  "staff-reading",
  "kit-posts",
  "kit-events",
  "aside-call",
  "aside-related",
]);
/** Each comment's anchor is #comment-<id>. */
const LAYOUT_PREFIXES = ["comment-"];

/** Whether the page itself may use this id (so content must not). */
export function isLayoutId(id: string): boolean {
  return LAYOUT_IDS.has(id) || LAYOUT_PREFIXES.some((p) => id.startsWith(p));
}

/** Why an id cannot be used, or undefined when it can. */
export function anchorIdProblem(id: string): string | undefined {
  if (!ANCHOR_ID.test(id))
    return `the anchor {#${id}} is not a valid id: use letters, digits, "-" and "_" only (at most 80), e.g. {#dosage}`;
  if (isLayoutId(id)) return `the anchor {#${id}} is an id the page itself uses (#main, #comments, #comment-…): choose another`;
  return undefined;
}

interface AnchorEnv {
  problems?: string[];
}

const HEADING_ID = /[ \t]+\{#([^{}\n]*)\}[ \t]*$/;
const SPAN_ID = /^\[\]\{#([^{}\n]*)\}/;

export const explicitAnchors: Plugin = (md) => {
  // Headings: a trailing {#id} becomes the heading's id (before the inline parse, so the
  // text never shows it).
  md.core.ruler.before("inline", "heading_anchor", (state) => {
    const env = state.env as AnchorEnv;
    const tokens = state.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]!.type !== "heading_open" || tokens[i + 1]!.type !== "inline") continue;
      const inline = tokens[i + 1]!;
      const m = HEADING_ID.exec(inline.content);
      if (!m) continue;
      const problem = anchorIdProblem(m[1]!);
      if (problem) {
        (env.problems ??= []).push(problem);
        continue;
      }
      inline.content = inline.content.slice(0, m.index);
      tokens[i]!.attrSet("id", m[1]!);
    }
  });

  // Anywhere in the text: []{#id} is an empty anchor.
  md.inline.ruler.before("link", "span_anchor", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const m = SPAN_ID.exec(state.src.slice(state.pos, state.pos + 90));
    if (!m) return false;
    const problem = anchorIdProblem(m[1]!);
    if (problem) {
      if (!silent) ((state.env as AnchorEnv).problems ??= []).push(problem);
      state.pos += m[0].length;
      return true;
    }
    if (!silent) {
      const token = state.push("span_anchor", "span", 0);
      token.attrSet("id", m[1]!);
    }
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.span_anchor = (tokens, idx) => {
    const id = tokens[idx]!.attrGet("id");
    return id === null ? "" : `<span id="${String(id)}"></span>`;
  };

  // One id, one element: a second use is a problem and is left out.
  md.core.ruler.push("anchor_unique", (state) => {
    const env = state.env as AnchorEnv;
    const seen = new Set<string>();
    const claim = (token: (typeof state.tokens)[number]) => {
      const raw = token.attrGet("id");
      if (raw === null) return;
      const id = String(raw);
      if (seen.has(id)) {
        (env.problems ??= []).push(`the anchor {#${id}} is used twice on the page: each id must be unique`);
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== "id");
      } else seen.add(id);
    };
    for (const token of state.tokens) {
      if (token.type === "heading_open") claim(token);
      for (const child of token.children ?? []) if (child.type === "span_anchor") claim(child);
    }
  });
};
