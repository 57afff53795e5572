// A parsed WordPress export → what the site needs: post, page and comment files, photos to
// copy beside the posts, documents (PDFs...) to copy into content/uploads/ (served at
// /uploads/), redirects from every old address, and a report. Pure: the export
// and what the site knows (zone, providers, which media files exist) in, a plan out; the
// script (lib/import/wordpress/apply.ts) does the I/O.
//
// The steps, each in its own module: what the export knows (site-index.ts), which posts and
// pages come in and where (targets.ts), which comments (comment-plan.ts), old addresses and
// link rewriting (links.ts), documents and photos (media.ts), each post's and page's file
// (items.ts), the comment files (comment-plan.ts); then the uploads' old addresses and
// catch-alls here, checked by addresses.ts.
import type { Wxr } from "./wxr.ts";
import type { ImportPlan, ImportReport, PlanContext, PlannedFile } from "./types.ts";
import { finishRedirects } from "./addresses.ts";
import { indexSite } from "./site-index.ts";
import { chooseTargets } from "./targets.ts";
import { chooseComments, writeComments } from "./comment-plan.ts";
import { planLinks } from "./links.ts";
import { planMedia } from "./media.ts";
import { writeItem } from "./items.ts";

export type { ImportPlan, ImportReport, PlanContext, PlannedFile, PlannedMedia, Redirect, ReportLine } from "./types.ts";
export { RESERVED_PAGES, UPLOADS, DOCUMENT_EXT, documentPath, personKey, wpDate, uploadPath } from "./paths.ts";
export { redirectsFile } from "./addresses.ts";

export function planImport(wxr: Wxr, ctx: PlanContext): ImportPlan {
  const report: ImportReport = {
    counts: { posts: 0, drafts: 0, privatePosts: 0, scheduled: 0, pages: 0, comments: 0, media: 0, redirects: 0 },
    skipped: [],
    commentsSkipped: {},
    review: [],
    notices: [],
  };
  const site = indexSite(wxr, ctx);
  const { base, uploadsAt } = site;
  // 1. Every post's and page's key and new address; 1b. the comments that come in, and their ids.
  const { targets, emptyPages } = chooseTargets(wxr, ctx, report);
  const chosen = chooseComments(targets, wxr.siteUrl, ctx.zone, report);
  // 2. Old addresses → new ones (the redirects, and the links inside posts).
  const links = planLinks(wxr, ctx, site, targets, emptyPages, chosen.ids, (t) => !!chosen.kept.get(t)?.length, report);
  const { add, redirects, usedBy } = links;
  // 2b, 3. Documents and photos, as the converter meets them.
  const media = planMedia(wxr, ctx);
  const { documents, mediaOld } = media;
  // 4. Posts and pages; 5. comments, once the posts' documents are known.
  const files: PlannedFile[] = [];
  const unmatchedAuthors = new Set<string>();
  for (const t of targets) files.push(writeItem(t, { site, links, media, report, unmatchedAuthors }));
  for (const name of unmatchedAuthors) {
    report.review.push({
      item: `author “${name}”`,
      message: "matches no provider's name, so their posts have no author: add author: <provider file name> by hand",
    });
  }
  writeComments(chosen, { links, media, site }, files, report);

  // 6. Uploaded files' old addresses (a copied document: its new address), then catch-alls for WordPress's other address forms.
  // A multisite sub-site's own uploads folder (sites/4/) is in uploadsAt already.
  const uploaded = (rel: string) =>
    `${uploadsAt}${(/\/sites\/\d+\/$/.test(uploadsAt) ? rel.replace(/^sites\/\d+\//, "") : rel).split("/").map(encodeURIComponent).join("/")}`;
  for (const d of documents.values()) add(uploaded(d.from), `/${d.to}`);
  for (const m of media.media.values())
    add(uploaded(mediaOld.get(m.from) ?? m.from), usedBy.get(mediaOld.get(m.from) ?? m.from) ?? "/blog/");
  for (const [original, to] of usedBy) add(uploaded(original), to);
  const years = new Set(targets.filter((t) => t.published && t.kind === "post").map((t) => t.date.slice(0, 4)));
  for (const y of [...years].sort()) add(`${base}/${y}/*`, "/blog/");
  // A blog in a subfolder had its front page there (/news/); at the root it is the new home page.
  if (base) add(`${base}/`, "/blog/");
  add(`${base}/page/*`, "/blog/");
  add(`${base}/feed/`, "/feed.xml");
  add(`${base}/feed/*`, "/feed.xml");
  add(`${base}/comments/feed/`, "/feed.xml");
  add(`${uploadsAt}*`, "/blog/");
  add(`${base}/?s=:s`, "/search/?q=:s");

  const published = targets.filter((t) => t.published).map((t) => t.url);
  const sitePages = ctx.sitePages ?? [];
  const finished = finishRedirects(redirects, { ownPath: links.ownPath, pages: [...new Set(["/", "/blog/", ...published, ...sitePages])] });
  const unique = finished.redirects;
  report.review.push(...finished.notRedirected);
  if (!ctx.mediaExists && media.notCopied()) {
    report.notices.push(
      `No --media-dir was given, so no photo or document was copied (each is listed under "Media not copied"): run the import again with --media-dir pointing at a copy of the old site's wp-content/uploads.`,
    );
  }
  report.counts.redirects = unique.length;
  report.counts.media = media.media.size + documents.size;
  return { files, media: [...media.media.values(), ...documents.values()], redirects: unique, report };
}
