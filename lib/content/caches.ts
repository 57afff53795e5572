// What lib/content keeps from one load to the next within a build session
// (lib/build/session.ts): `npm run build` loads once, the preview loads after every save.
// Each cache keeps only what the last load used (lib/build/cache.ts), so a deleted file's
// entries go with it.
import { KeptWhileUsed } from "../build/cache.ts";
import type { Rendered } from "../markdown/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ReadCache } from "./read.ts";
import type { SlugCache } from "./paths.ts";
import type { ReadingLevelCache } from "../readability/index.ts";

/**
 * A body rendered once, reused while its file's text (compared by digest), language and prefix are the same and
 * every file it refers to still exists (or still doesn't): `checked` lists them.
 */
export type RenderCache = KeptWhileUsed<string, { digest: string; lang: Lang; prefix: string; checked: [string, boolean][]; result: Rendered }>;

/** A visitor's comment rendered once, reused while its text (by digest) and the prefix are the same. */
export type CommentHtmlCache = KeptWhileUsed<string, { digest: string; prefix: string; html: string }>;

export interface ContentCaches {
  /** Parsed and validated Markdown files, by absolute path. */
  reads: ReadCache;
  /** Rendered bodies, by absolute path. */
  renders: RenderCache;
  /** Rendered comments, by absolute path. */
  commentHtml: CommentHtmlCache;
  /** Posts' reading levels (preview only), by absolute path. */
  readingLevels: ReadingLevelCache;
  /** Slugs of tag names and file names, by text. */
  slugs: SlugCache;
}

export function createContentCaches(): ContentCaches {
  return {
    reads: new KeptWhileUsed(),
    renders: new KeptWhileUsed(),
    commentHtml: new KeptWhileUsed(),
    readingLevels: new KeptWhileUsed(),
    slugs: new KeptWhileUsed(),
  };
}

/** After a load: drops what it did not use. Returns how many entries each cache let go. */
export function trimContentCaches(caches: ContentCaches): Record<keyof ContentCaches, number> {
  return {
    reads: caches.reads.trim().length,
    renders: caches.renders.trim().length,
    commentHtml: caches.commentHtml.trim().length,
    readingLevels: caches.readingLevels.trim().length,
    slugs: caches.slugs.trim().length,
  };
}
