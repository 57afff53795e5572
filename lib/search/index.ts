// Site search: Pagefind indexes the built pages (only what layouts mark with
// data-pagefind-body: posts, pages, providers) and writes /pagefind/ into the same
// folder, so the index is published with the pages it describes, or not at all.
import path from "node:path";
import * as pagefind from "pagefind";

export const SEARCH_DIR = "pagefind";

export interface SearchIndexResult {
  /** HTML files Pagefind read (it indexes only those with data-pagefind-body). */
  files: number;
}

/** Indexes `siteDir` and writes `siteDir/pagefind/`. Throws with Pagefind's own messages on failure. */
export async function writeSearchIndex(siteDir: string, opts: { language?: string } = {}): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: opts.language });
  try {
    if (!index || errors.length) throw new Error(`search index: ${errors.join("; ") || "Pagefind did not start"}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_DIR) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { files: added.page_count };
  } finally {
    await index?.deleteIndex().catch(() => undefined);
    // Stop Pagefind's helper process so a finished build leaves nothing running.
    await pagefind.close();
  }
}
