// The whole import, for the npm script and the tests: read the export and what the site
// knows (practice.yaml, providers, the media folder), plan, then write (or only report).
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listMarkdown, readMarkdownFile, readYamlFile } from "../../content/read.ts";
import { FOLDERS } from "../../content/paths.ts";
import { formatProblem } from "../../content/problems.ts";
import { practiceSchema } from "../../schema/practice.ts";
import { providerSchema } from "../../schema/content.ts";
import { parseWxr, WxrError } from "./wxr.ts";
import { planImport, type ImportPlan } from "./plan.ts";
import { applyPlan, type ApplyResult } from "./apply.ts";
import { formatReport } from "./report.ts";
import { checkContent, pageAddress } from "./check.ts";
import { readdir } from "node:fs/promises";

export class ImportFailure extends Error {}

export interface ImportOptions {
  exportFile: string;
  contentDir: string;
  mediaDir?: string;
  dryRun?: boolean;
  force?: boolean;
  /** For messages, and the project whose assets/ the check after the import reads (default: the content folder's parent). */
  root?: string;
  /** The old site's category and tag bases, when not "category" and "tag" (Settings → Permalinks on WordPress). */
  categoryBase?: string;
  tagBase?: string;
}

export interface ImportOutcome {
  plan: ImportPlan;
  apply: ApplyResult;
  text: string;
  /** What the first build would stop on (empty: it builds), as npm run check prints it; not run on a dry run. */
  problems: string[];
}

export async function importWordPress(opts: ImportOptions): Promise<ImportOutcome> {
  const root = opts.root ?? path.dirname(opts.contentDir);
  let xml: string;
  try {
    xml = await readFile(opts.exportFile, "utf8");
  } catch (err) {
    throw new ImportFailure(`Cannot read ${opts.exportFile}: ${(err as Error).message}`);
  }
  if (opts.mediaDir && !(existsSync(opts.mediaDir) && statSync(opts.mediaDir).isDirectory())) {
    throw new ImportFailure(`--media-dir ${opts.mediaDir} is not a folder: give a copy of the old site's wp-content/uploads`);
  }
  const practice = await readYamlFile(practiceSchema, path.join(opts.contentDir, "_data", "practice.yaml"), root);
  if (!practice.ok) throw new ImportFailure(`Fix practice.yaml first:\n${practice.problems.map(formatProblem).join("\n")}`);
  const providers: { slug: string; name: string }[] = [];
  for (const f of await listMarkdown(path.join(opts.contentDir, FOLDERS.provider), root)) {
    if (/\.[a-z]{2,3}\.md$/i.test(f.name)) continue;
    const r = readMarkdownFile(providerSchema, f);
    if (r.ok) providers.push({ slug: f.name.replace(/\.md$/i, ""), name: r.data.name });
  }
  let wxr;
  try {
    wxr = parseWxr(xml, path.basename(opts.exportFile));
  } catch (err) {
    if (err instanceof WxrError) throw new ImportFailure(err.message);
    throw err;
  }
  const mediaDir = opts.mediaDir;
  // The practice's own pages (written before the move, or by an earlier import): never redirected away.
  const sitePages = (await readdir(path.join(opts.contentDir, FOLDERS.page)).catch(() => [] as string[]))
    .map(pageAddress)
    .filter((p): p is string => !!p);
  const plan = planImport(wxr, {
    zone: practice.data.timezone,
    providers,
    reservedPages: [practice.data.language, ...(practice.data.languages ?? [])],
    sitePages,
    categoryBase: opts.categoryBase,
    tagBase: opts.tagBase,
    mediaExists: mediaDir ? (rel) => existsSync(path.join(mediaDir, rel)) && statSync(path.join(mediaDir, rel)).isFile() : undefined,
  });
  const apply = await applyPlan(plan, {
    contentDir: opts.contentDir,
    mediaDir,
    source: opts.exportFile,
    dryRun: opts.dryRun,
    force: opts.force,
  });
  const problems = opts.dryRun ? [] : await checkContent(root, opts.contentDir);
  const text = formatReport(plan.report, apply, {
    source: path.basename(opts.exportFile),
    dryRun: opts.dryRun,
    host: practice.data.hosting.host,
    problems,
  });
  return { plan, apply, text, problems };
}
