// Writes an import plan into the content folder, safely and repeatably:
// - content/_data/wordpress-import.json keeps a hash of every file the import wrote;
// - a file that is already as planned is left alone (running twice writes nothing new);
// - a file staff edited since the last import, or that the import never wrote, is kept
//   and listed, unless `force`;
// - everything is read and decided before the first write, and each file is written to a
//   temporary name and renamed, so an interrupted import never leaves half a file.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { redirectsFile, type ImportPlan } from "./plan.ts";
import { REDIRECTS_SOURCE } from "../../content/redirects.ts";

export const MANIFEST = "_data/wordpress-import.json";
/** Where the build reads redirects from (lib/outputs/redirects.ts). */
export const REDIRECTS = REDIRECTS_SOURCE;

export interface Manifest {
  /** What the import last wrote: content-relative path → sha256 of the bytes. */
  files: Record<string, string>;
}

export type Outcome = "new" | "updated" | "unchanged" | "kept-edited" | "kept-not-ours" | "overwritten";

export interface ApplyResult {
  outcomes: { path: string; outcome: Outcome }[];
  /** Files actually written (empty on a dry run). */
  written: string[];
}

function sha(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

async function readManifest(contentDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(path.join(contentDir, MANIFEST), "utf8")) as Manifest;
    return { files: data.files ?? {} };
  } catch {
    return { files: {} };
  }
}

async function writeAtomic(abs: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.wp-import-${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, abs);
}

export async function applyPlan(
  plan: ImportPlan,
  opts: { contentDir: string; mediaDir?: string; source: string; dryRun?: boolean; force?: boolean },
): Promise<ApplyResult> {
  const manifest = await readManifest(opts.contentDir);
  const wanted: { path: string; data: string | Buffer }[] = [
    ...plan.files.map((f) => ({ path: f.path, data: f.text })),
    { path: REDIRECTS, data: redirectsFile(plan.redirects, path.basename(opts.source)) },
  ];
  for (const m of plan.media) wanted.push({ path: m.to, data: await readFile(path.join(opts.mediaDir!, m.from)) });

  const outcomes: ApplyResult["outcomes"] = [];
  const toWrite: { path: string; data: string | Buffer }[] = [];
  const next: Manifest = { files: { ...manifest.files } };
  for (const w of wanted) {
    const abs = path.join(opts.contentDir, w.path);
    const hash = sha(w.data);
    if (!existsSync(abs)) {
      outcomes.push({ path: w.path, outcome: "new" });
      toWrite.push(w);
      next.files[w.path] = hash;
      continue;
    }
    const current = sha(await readFile(abs));
    if (current === hash) {
      outcomes.push({ path: w.path, outcome: "unchanged" });
      next.files[w.path] = hash;
    } else if (manifest.files[w.path] === current || opts.force) {
      outcomes.push({ path: w.path, outcome: manifest.files[w.path] === current ? "updated" : "overwritten" });
      toWrite.push(w);
      next.files[w.path] = hash;
    } else {
      outcomes.push({ path: w.path, outcome: manifest.files[w.path] ? "kept-edited" : "kept-not-ours" });
    }
  }
  const written: string[] = [];
  if (!opts.dryRun) {
    for (const w of toWrite) {
      await writeAtomic(path.join(opts.contentDir, w.path), w.data);
      written.push(w.path);
    }
    const sorted: Manifest = { files: Object.fromEntries(Object.entries(next.files).sort(([a], [b]) => a.localeCompare(b))) };
    const text = `${JSON.stringify(sorted, null, 2)}\n`;
    const manifestAbs = path.join(opts.contentDir, MANIFEST);
    const before = existsSync(manifestAbs) ? await readFile(manifestAbs, "utf8") : "";
    if (before !== text) await writeAtomic(manifestAbs, text);
  }
  return { outcomes, written };
}
