// Steps 2b and 3 of the plan: the files the posts use. Documents they link to (PDFs, Word
// files...) are copied into content/uploads/ in WordPress's year/month folders; photos are
// copied beside the posts (the original upload, not a resized copy). Anything not copied is
// answered with the reason, which the converter notes for the report's "Media not copied".
import type { Wxr } from "./wxr.ts";
import type { PlanContext, PlannedMedia } from "./types.ts";
import { DOCUMENT_EXT, IMAGE_FILE, UPLOADS, documentPath, pathOf, uploadPath } from "./paths.ts";

export type FileAnswer = { href: string } | { drop: string } | undefined;

export interface MediaPlan {
  /** A link in a post or page to an uploaded document: its copy's address, or why the link was removed. */
  fileFor: (href: string) => FileAnswer;
  /**
   * A link in a comment into the uploads. Comments never bring a file onto the new site: a file
   * linked only from a comment may be one family's form (a link the office once emailed), and
   * the repository's history is permanent. A link to a document the posts and pages bring
   * anyway goes to that copy; any other is removed (its text kept) and listed. Call it once
   * the posts and pages are converted.
   */
  commentFileFor: (href: string) => FileAnswer;
  /** A photo a post or page shows: the copy's path in the content folder, or why it is left out. */
  mediaFor: (src: string, folder: "blog" | "pages") => { to: string } | { drop: string };
  /** Photos to copy, by `${folder}:${file}`. */
  readonly media: ReadonlyMap<string, PlannedMedia>;
  /** Documents to copy, by their path under the uploads. */
  readonly documents: ReadonlyMap<string, PlannedMedia>;
  /** A copied photo's path in the media folder → its path under the old uploads (they differ for a multisite sub-site's folder). */
  readonly mediaOld: ReadonlyMap<string, string>;
  /** Photos and documents left out only because there was no --media-dir. */
  notCopied: () => number;
}

export function planMedia(wxr: Wxr, ctx: PlanContext): MediaPlan {
  const documents = new Map<string, PlannedMedia>();
  const media = new Map<string, PlannedMedia>();
  const mediaOld = new Map<string, string>();
  let mediaNotCopied = 0;
  /** A link into the old site's wp-content/uploads: the file and the link's #fragment. */
  const uploadOf = (href: string) => {
    const hashAt = href.indexOf("#");
    const hash = hashAt < 0 ? "" : href.slice(hashAt);
    const bare = hashAt < 0 ? href : href.slice(0, hashAt);
    const p = /^(https?:)?\/\/|^\//.test(bare) ? pathOf(bare, wxr.siteUrl) : undefined;
    const up = p === undefined ? undefined : uploadPath(p);
    return up && { up, hash };
  };
  const fileFor = (href: string): FileAnswer => {
    const found = uploadOf(href);
    if (!found || IMAGE_FILE.test(found.up.rel)) return undefined;
    const { up, hash } = found;
    const kept = "the link was removed, its text is kept";
    if (!DOCUMENT_EXT.test(up.rel)) {
      return {
        drop: `a link to the uploaded file ${up.rel} was removed, its text is kept: only documents (PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text and CSV files) are copied; add it by hand if parents need it`,
      };
    }
    if (!ctx.mediaExists)
      return (
        mediaNotCopied++,
        { drop: `file ${up.rel} left out (${kept}): run the import with --media-dir pointing at a copy of wp-content/uploads` }
      );
    if (!ctx.mediaExists(up.rel))
      return { drop: `file ${up.rel} is not in the media folder, so ${kept}: find it, put it in content/${UPLOADS}/ and link it again` };
    let planned = documents.get(up.rel);
    if (!planned) {
      let to = documentPath(up.rel);
      const taken = new Set([...documents.values()].map((d) => d.to.toLowerCase()));
      for (let n = 2; taken.has(to.toLowerCase()); n++) to = documentPath(up.rel).replace(/(\.[A-Za-z0-9]+)$/, `-${n}$1`);
      planned = { from: up.rel, to };
      documents.set(up.rel, planned);
    }
    return { href: `/${planned.to}${hash}` };
  };
  const commentFileFor = (href: string): FileAnswer => {
    const found = uploadOf(href);
    if (!found) return undefined;
    const copied = documents.get(found.up.rel);
    if (copied) return { href: `/${copied.to}${found.hash}` };
    return {
      drop: `a link to the uploaded file ${found.up.rel} was removed, its text is kept: a file linked only from a comment is never copied (it could be about one child); if parents need it, check it, put it in content/${UPLOADS}/ and link it by hand`,
    };
  };
  const mediaFor = (src: string, folder: "blog" | "pages"): { to: string } | { drop: string } => {
    const up = uploadPath(src);
    if (!up)
      return {
        drop: `image ${src} is not from this WordPress site's uploads: left out (a page never loads images from other sites); download it and add it by hand`,
      };
    if (!ctx.mediaExists)
      return (
        mediaNotCopied++,
        { drop: `image ${up.original} left out: run the import with --media-dir pointing at a copy of wp-content/uploads` }
      );
    const forms = [up.original, up.rel, up.original.replace(/(\.[a-z0-9]+)$/i, "-scaled$1")];
    // A multisite sub-site's uploads are in sites/4/: a copy of that folder alone works too.
    const candidates = [...new Set([...forms, ...forms.map((f) => f.replace(/^sites\/\d+\//, ""))])];
    const found = candidates.find((c) => ctx.mediaExists!(c));
    if (!found) return { drop: `image ${up.original} is not in the media folder: left out` };
    if (!/\.(jpe?g|png|webp|avif|gif|svg)$/i.test(found))
      return { drop: `image ${found} is not a JPEG, PNG, WebP, AVIF, GIF or SVG: left out` };
    const key = `${folder}:${found}`;
    const existing = media.get(key);
    if (existing) return { to: existing.to };
    const base = found
      .split("/")
      .pop()!
      .replace(/[^A-Za-z0-9._-]+/g, "-");
    let to = `${folder}/${base}`;
    const clash = [...media.values()].some((m) => m.to === to);
    if (clash) to = `${folder}/${found.split("/").slice(-3, -1).join("-")}-${base}`;
    media.set(key, { from: found, to });
    mediaOld.set(found, up.original);
    return { to };
  };
  return { fileFor, commentFileFor, mediaFor, media, documents, mediaOld, notCopied: () => mediaNotCopied };
}
