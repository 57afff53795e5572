// Step 2 of the plan: every old address → its new one (the redirects wanted, checked later by
// addresses.ts), and the link rewriting that follows from them: a link to an old post, tag or
// anchor points at the new address, a link to an imported comment at its new anchor, and a link
// to an old page nothing imported has is removed (its text kept) and listed.
import { slugOf } from "../../content/paths.ts";
import { anchorIds } from "./html.ts";
import type { Wxr, WxrItem, WxrTerm } from "./wxr.ts";
import type { ImportReport, PlanContext } from "./types.ts";
import type { WantedRedirect } from "./addresses.ts";
import type { SiteIndex } from "./site-index.ts";
import type { Target } from "./targets.ts";
import { clip, describe, pathOf, uploadPath } from "./paths.ts";

export type Review = (message: string) => void;

export interface Links {
  /** Every old address wanted so far; step 6 of the plan adds the uploads and catch-alls. */
  redirects: WantedRedirect[];
  add: (from: string | undefined, to: string, item?: string) => void;
  /** An address the new site serves itself: never redirected, a link to it kept. */
  ownPath: (p: string) => boolean;
  /** A post's tags and categories that become tags: slug → name, in order. */
  tagsOf: (item: WxrItem) => Map<string, string>;
  /** An upload's original path → the page of the post that shows it. */
  usedBy: ReadonlyMap<string, string>;
  /** Rewrites one link of a post, page or comment; "" when it leads nowhere now (its text is kept). */
  linkFor: (review: Review) => (href: string) => string;
  /** A post's own anchors: the old HTML's ids → the Markdown's. */
  anchorsOf: (t: Target) => ReadonlyMap<string, string>;
  /** A post's comment anchors: WordPress's #comment-501 → the imported comment's #comment-<id>; #comments, #respond → #comments. */
  commentAnchorsOf: (t: Target) => ReadonlyMap<string, string>;
}

export function planLinks(
  wxr: Wxr,
  ctx: PlanContext,
  site: SiteIndex,
  targets: readonly Target[],
  emptyPages: readonly WxrItem[],
  commentIds: ReadonlyMap<Target, ReadonlyMap<number, string>>,
  hasComments: (t: Target) => boolean,
  report: ImportReport,
): Links {
  const { base } = site;
  const redirects: WantedRedirect[] = [];
  const newUrls = new Set(targets.map((t) => t.url));
  const usedTags = new Set<string>();
  const tagsOf = (item: WxrItem) => {
    const seen = new Map<string, string>();
    for (const t of item.terms) {
      if (t.domain !== "category" && t.domain !== "post_tag") continue;
      if (t.domain === "category" && (t.nicename === "uncategorized" || t.name.toLowerCase() === "uncategorized")) continue;
      const name = clip(t.name, 40);
      const slug = slugOf(name);
      if (slug && !seen.has(slug)) seen.set(slug, name);
    }
    return seen;
  };
  // Only the tags a post keeps (the first 8) get a page.
  for (const t of targets)
    if (t.published && t.kind === "post") for (const slug of [...tagsOf(t.item).keys()].slice(0, 8)) usedTags.add(slug);

  // Never redirect an address the new site serves itself (some hosts apply redirects before files).
  const sitePages = new Set(ctx.sitePages ?? []);
  const ownPath = (p: string) =>
    p === "/" ||
    sitePages.has(p) ||
    p === "/blog/" ||
    /^\/blog\/(page|tags)\//.test(p) ||
    /^\/(search|events|providers|privacy|accessibility|assets|uploads|admin|pagefind|language-assistance|feed\.xml|feed\.json|sitemap[^/]*|robots\.txt|404\.html)(\/|$)/.test(
      p,
    ) ||
    newUrls.has(p);
  // Cleaned, checked and told in the report by finishRedirects (lib/import/wordpress/addresses.ts).
  const add = (from: string | undefined, to: string, item?: string) => {
    if (from) redirects.push({ from, to, item });
  };
  const termUrl = (t: WxrTerm) => {
    const slug = slugOf(t.name);
    return usedTags.has(slug) ? `/blog/tags/${slug}/` : "/blog/";
  };
  for (const t of targets) {
    if (!t.published) continue;
    const old = pathOf(t.item.link, wxr.siteUrl);
    if (!old)
      report.review.push({
        item: describe(t.item),
        message: `its old address ${t.item.link || "(none in the export)"} is not on the old site (${wxr.siteUrl}), so it is not redirected`,
        section: "addresses",
      });
    add(old, t.url, describe(t.item));
    // WordPress splits long discussions into /<post>/comment-page-2/#comment-501.
    if (hasComments(t) && old?.endsWith("/") && !old.includes("?")) add(`${old}comment-page-*`, t.url);
    add(`${base}/?${t.kind === "post" ? "p" : "page_id"}=${t.item.id}`, t.url);
    if (t.kind === "page") add(`${base}/?p=${t.item.id}`, t.url);
  }
  for (const page of emptyPages) {
    if (page.status !== "publish") continue;
    add(pathOf(page.link, wxr.siteUrl), "/blog/");
    add(`${base}/?page_id=${page.id}`, "/blog/");
  }
  const termsSeen = new Map<string, WxrTerm>();
  for (const term of [...wxr.terms, ...wxr.items.flatMap((i) => i.terms)]) {
    if (term.domain === "category" || term.domain === "post_tag") termsSeen.set(`${term.domain}:${term.nicename}`, term);
  }
  for (const term of termsSeen.values()) {
    if (!term.nicename) continue;
    const termBase = (term.domain === "category" ? ctx.categoryBase || "category" : ctx.tagBase || "tag").replace(/^\/+|\/+$/g, "");
    add(`${base}/${termBase}/${encodeURIComponent(term.nicename)}/`, termUrl(term));
  }
  for (const a of wxr.authors) {
    const slug = site.providerOfLogin(a.login);
    add(`${base}/author/${slugOf(a.login)}/`, slug ? `/providers/${slug}/` : "/blog/");
  }
  // Attachment pages and uploaded files go to the post that shows them.
  const targetById = new Map(targets.map((t) => [t.item.id, t]));
  const usedBy = new Map<string, string>();
  for (const att of site.attachments.values()) {
    const parent = targetById.get(att.parent);
    const to = parent?.published ? parent.url : "/blog/";
    add(pathOf(att.link, wxr.siteUrl), to);
    add(`${base}/?attachment_id=${att.id}`, to);
    const up = uploadPath(att.attachmentUrl!);
    if (up) usedBy.set(up.original, to);
  }

  const linkMap = new Map(redirects.map((r) => [r.from, r.to]));
  const targetByUrl = new Map(targets.map((t) => [t.url, t]));
  const commentAnchorsOf = (t: Target): ReadonlyMap<string, string> => {
    const out = new Map<string, string>(["comments", "respond", "reply-title"].map((f) => [f, "comments"]));
    for (const [wp, id] of commentIds.get(t) ?? []) out.set(`comment-${wp}`, `comment-${id}`);
    return out;
  };
  const anchorCache = new Map<Target, ReadonlyMap<string, string>>();
  const anchorsOf = (t: Target) => {
    let a = anchorCache.get(t);
    if (!a) anchorCache.set(t, (a = anchorIds(t.item.content)));
    return a;
  };
  /**
   * The fragment on the new page: its anchor's new id, an imported comment's new id for
   * WordPress's #comment-501, #comments for its other comment links, or none.
   */
  const fragmentFor = (url: string, hash: string, review: Review): string => {
    const target = targetByUrl.get(url);
    if (!hash || hash === "#" || !target) return hash;
    let fragment = hash.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      /* keep it as it is */
    }
    const id = anchorsOf(target).get(fragment) ?? (target.kind === "post" ? commentAnchorsOf(target).get(fragment) : undefined);
    if (id) return `#${id}`;
    const old = /^comment-(\d+)$/.exec(fragment);
    if (old && target.kind === "post") {
      review(
        `a link to ${url}${hash.slice(0, 40)} names comment ${old[1]}, which was not imported (spam, pending, deleted or too long): it now goes to the post's comments`,
      );
      return "#comments";
    }
    review(`a link to ${url}${hash.slice(0, 40)} names no anchor on that page: it now goes to the top of the page`);
    return "";
  };
  const linkFor =
    (review: Review) =>
    (href: string): string => {
      const hashAt = href.indexOf("#");
      const hash = hashAt < 0 ? "" : href.slice(hashAt);
      const bare = hashAt < 0 ? href : href.slice(0, hashAt);
      const p = /^(https?:)?\/\/|^\//.test(bare) ? pathOf(bare, wxr.siteUrl)?.replace(/\/comment-page-\d+\/?(?=$|\?)/, "/") : undefined;
      if (p === undefined) return href;
      const mapped = linkMap.get(p) ?? linkMap.get(p.replace(/\/?$/, "/"));
      if (mapped) return `${mapped}${fragmentFor(mapped, hash, review)}`;
      const slashed = p.replace(/\/?$/, "/");
      if (newUrls.has(p) || newUrls.has(slashed)) return `${slashed}${fragmentFor(slashed, hash, review)}`;
      // The new site's own page (/privacy/, the practice's /contact/): kept, on this site.
      if (ownPath(p) || ownPath(slashed)) return `${p}${hash}`;
      // After the move the old address leads nowhere: the text stays, the link goes, and staff are told.
      review(
        `a link to the old site's ${p}${hash.slice(0, 40)} was removed, its text is kept: nothing imported has that address (it was not in the export, or not imported); link the text again if parents need it`,
      );
      return "";
    };
  return { redirects, add, ownPath, tagsOf, usedBy, linkFor, anchorsOf, commentAnchorsOf };
}
