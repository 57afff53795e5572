// Fingerprints of what Pagefind reads from each page. Each bundle (lib/model/search.ts says
// which) is cached by what it indexes, so a new post re-indexes this year's posts only, and
// a rebuild that changed no indexed text (the daily one, an alert, a new event) re-indexes nothing.
import { createHash } from "node:crypto";
import type { Route } from "../../model/model.ts";
import { isIndexed, outputFile } from "../../model/search.ts";

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
  return createHash("sha1")
    .update(indexedPart(html) ?? html)
    .digest("base64");
}

/**
 * Fingerprints taken as pages are rendered (into the build session's map, by output file),
 * so the build need not read thousands of files back to learn whether the search bundles changed.
 */
export function recordIndexedPage(digests: Map<string, string>, route: Route, html: string): void {
  if (isIndexed(route)) digests.set(outputFile(route.url), pageDigest(html));
}
