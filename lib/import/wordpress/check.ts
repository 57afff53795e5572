// After an import: the same checks as `npm run check` (every content file, then the
// redirects against the site's pages), so the report names, with file and reason, anything
// the first build would stop on. The import aims to write nothing the build refuses; this
// is the proof, run on what is really in the content folder (staff's own files included).
import path from "node:path";
import { loadSite } from "../../content/load.ts";
import { findContentError, formatProblem, type Problem } from "../../content/problems.ts";
import { clockFromEnv } from "../../build/clock.ts";
import { REDIRECTS_SOURCE, redirectProblems, redirectsFileName } from "../../content/redirects.ts";
import { siteTarget } from "../../outputs/redirects.ts";
import type { Site } from "../../model/model.ts";
import { readFile } from "node:fs/promises";

/** Every problem the build would stop on, formatted as `npm run check` prints them. */
export async function checkContent(root: string, contentDir: string): Promise<string[]> {
  const problems: Problem[] = [];
  let site: Site | undefined;
  try {
    site = await loadSite({ root, contentDir, mode: "preview", clock: clockFromEnv() });
  } catch (err) {
    const content = findContentError(err);
    if (!content) throw err;
    problems.push(...content.problems);
  }
  const text = await readFile(path.join(contentDir, REDIRECTS_SOURCE), "utf8").catch(() => undefined);
  if (text !== undefined)
    problems.push(...redirectProblems(text, redirectsFileName(contentDir, root), site && siteTarget(site, { root, contentDir })));
  return problems.map(formatProblem);
}

/** The practice's own pages in the content folder ("pages/contact.md" → "/contact/"): the import never redirects them away. */
export function pageAddress(fileName: string): string | undefined {
  const m = /^([a-z0-9][a-z0-9-]*)\.md$/i.exec(fileName);
  if (!m) return undefined;
  return m[1] === "index" ? "/" : `/${m[1]!.toLowerCase()}/`;
}
