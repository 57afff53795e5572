// Which pages the search indexes and which of the two Pagefind bundles each goes in: posts
// from earlier years (the archive, which rarely changes) and everything else (pages,
// providers, this year's posts). A fact of the model, planned once when it is assembled;
// lib/outputs/search/ builds the bundles, the search page lists them.
import type { DateTime } from "luxon";
import type { Route, SearchShard } from "./model.ts";

export type { SearchShard };

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
