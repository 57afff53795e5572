// The search index comes in two Pagefind bundles that the search page merges: posts
// from earlier years (the archive, which rarely changes) and everything else (pages,
// providers, this year's posts). Each bundle is cached by what it indexes, so a new
// post re-indexes this year's posts only, and a rebuild that changed no indexed text
// (the daily one, an alert, a new event) re-indexes nothing.
import { createHash } from "node:crypto";
import type { DateTime } from "luxon";
import type { Route } from "../../model/model.ts";

export interface SearchShard {
  name: "current" | "archive";
  /** Where the bundle goes, relative to the site root (Pagefind's own default first). */
  dir: string;
  /** Output files of the pages it indexes, relative to the site root, sorted. */
  files: string[];
}

export const SEARCH_DIR = "pagefind";
export const ARCHIVE_DIR = `${SEARCH_DIR}/archive`;

/** Pages the layouts mark with data-pagefind-body. */
const INDEXED: ReadonlySet<Route["kind"]> = new Set(["post", "page", "provider"]);

export const isIndexed = (route: Route): boolean => INDEXED.has(route.kind);

export function outputFile(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

export function planSearchShards(routes: readonly Route[], now: DateTime): SearchShard[] {
  const current: string[] = [];
  const archive: string[] = [];
  for (const r of routes) {
    if (!INDEXED.has(r.kind)) continue;
    const old = r.kind === "post" && r.post.date.dt.setZone(now.zone).year < now.year;
    (old ? archive : current).push(outputFile(r.url));
  }
  const shards: SearchShard[] = [{ name: "current", dir: SEARCH_DIR, files: current.sort() }];
  if (archive.length) shards.push({ name: "archive", dir: ARCHIVE_DIR, files: archive.sort() });
  return shards;
}

/** What the search page merges after the main bundle, as paths under the site root. */
export function mergedBundles(shards: readonly SearchShard[]): string[] {
  return shards.slice(1).map((s) => `${s.dir}/`);
}

/**
 * The part of a page that Pagefind reads: its language and the element marked
 * data-pagefind-body (title, weight and meta attributes are on it). Header, footer
 * and alerts are left out, so a change there does not re-index anything.
 */
export function indexedPart(html: string): string | undefined {
  const marker = html.indexOf("data-pagefind-body");
  if (marker < 0) return undefined;
  const start = html.lastIndexOf("<article", marker);
  if (start < 0) return undefined;
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? "";
  let depth = 0;
  const tags = /<(\/?)article\b/g;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return `${lang}\n${html.slice(start, m.index)}`;
  }
  return undefined;
}

/** A fingerprint of what Pagefind reads from a page (see indexedPart). */
export function pageDigest(html: string): string {
  return createHash("sha1").update(indexedPart(html) ?? html).digest("base64");
}

/**
 * Fingerprints taken as pages are rendered (into the build session's map, by output file),
 * so the build need not read thousands of files back to learn whether the search bundles changed.
 */
export function recordIndexedPage(digests: Map<string, string>, route: Route, html: string): void {
  if (isIndexed(route)) digests.set(outputFile(route.url), pageDigest(html));
}
