// Site search: Pagefind indexes the built pages (only what layouts mark with
// data-pagefind-body: posts, pages, providers) into the bundles lib/model/search.ts
// plans, inside the staging folder, so the index is published with the pages it
// describes, or not at all. A bundle whose indexed text is unchanged since an earlier
// build is linked from the cache instead of being built again (Pagefind is the
// costliest step of a build with thousands of posts).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageDigest } from "./shards.ts";
import type { SearchShard } from "../../model/search.ts";
import { machineTime } from "../../build/clock.ts";
import { linkOrCopy } from "../files.ts";

export { SEARCH_DIR } from "../../model/search.ts";

// The package does not export its package.json; find it from its entry point.
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json"), "utf8")) as {
    version: string;
  }
).version;
/** Cached bundles not used for this long are removed. */
const KEEP_UNUSED_MS = 14 * 86_400_000;

export interface SearchIndexResult {
  /** Pages indexed, over every bundle. */
  files: number;
  /** Bundles built by Pagefind in this run (the others came from the cache). */
  built: string[];
}

export interface SearchIndexOptions {
  /** Where bundles are kept between builds (…/.cache); without it every bundle is built. */
  cacheDir?: string;
  language?: string;
  /** Fingerprints of the pages (pageDigest) taken while rendering; files without one are read. */
  digests?: ReadonlyMap<string, string>;
}

// Pagefind's Node API drives one helper process for the whole Node process (a global in
// the pagefind package), and its close() stops it for every caller: a build that closed it
// while another build in the same process was indexing failed that build ("Pagefind
// backend closed"). So the builds count themselves in, and the last one out closes it.
// The one piece of module state the build keeps: it mirrors a process-wide resource.
const pagefindUsers = { count: 0 };
// Loaded when a bundle has to be built: a build whose bundles all come from the cache never
// loads Pagefind's module (nor starts its helper process).
let pagefindModule: Promise<typeof import("pagefind")> | undefined;
const loadPagefind = () => (pagefindModule ??= import("pagefind"));

/** Writes every shard's bundle into `siteDir`. Throws with Pagefind's own messages on failure. */
export async function writeSearchIndex(
  siteDir: string,
  shards: readonly SearchShard[],
  opts: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const store = opts.cacheDir ? path.join(opts.cacheDir, "search") : undefined;
  const result: SearchIndexResult = { files: 0, built: [] };
  pagefindUsers.count++;
  try {
    for (const shard of shards) {
      const key = await shardKey(siteDir, shard, opts);
      const cached = store && path.join(store, key);
      let bundle = cached && existsSync(path.join(cached, "pagefind-entry.json")) ? cached : undefined;
      if (bundle) await utimes(bundle, machineTime(), machineTime());
      else {
        bundle = await buildBundle(siteDir, shard, store ?? path.join(siteDir, `.search-${process.pid}`), key, opts);
        result.built.push(shard.name);
      }
      await linkTree(bundle, path.join(siteDir, shard.dir));
      if (!store) await rm(path.dirname(bundle), { recursive: true, force: true });
      result.files += shard.files.length;
    }
  } finally {
    // Stop Pagefind's helper process so a finished build leaves nothing running.
    if (--pagefindUsers.count === 0 && pagefindModule) await (await pagefindModule).close();
  }
  if (store) await pruneStore(store);
  return result;
}

/** Same key, same bundle: the Pagefind version, the options and each page's path and indexed part. */
async function shardKey(siteDir: string, shard: SearchShard, opts: SearchIndexOptions): Promise<string> {
  const hash = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION}\n${opts.language ?? ""}\n${shard.name}\n`);
  for (const file of shard.files) {
    const digest = opts.digests?.get(file) ?? pageDigest(await readFile(path.join(siteDir, file), "utf8"));
    hash.update(`${file}\0${digest}\0`);
  }
  return hash.digest("hex").slice(0, 32);
}

async function buildBundle(siteDir: string, shard: SearchShard, store: string, key: string, opts: SearchIndexOptions): Promise<string> {
  // Pagefind reads a folder: give it one holding only this shard's pages (hard links, no copying).
  const work = path.join(store, `tmp-${key}-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const pages = path.join(work, "site");
  await Promise.all(
    shard.files.map(async (file) => {
      await mkdir(path.dirname(path.join(pages, file)), { recursive: true });
      await linkOrCopy(path.join(siteDir, file), path.join(pages, file));
    }),
  );
  const { index, errors } = await (await loadPagefind()).createIndex({ forceLanguage: opts.language });
  try {
    if (!index || errors.length) throw new Error(`search index: ${errors.join("; ") || "Pagefind did not start"}`);
    const added = await index.addDirectory({ path: pages });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(work, "bundle") });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
  } finally {
    await index?.deleteIndex().catch(() => undefined);
  }
  const bundle = path.join(store, key);
  try {
    // Atomic: another build reading the cache sees the whole bundle or none of it.
    await rename(path.join(work, "bundle"), bundle);
  } catch (err) {
    // A build running beside this one stored the same bundle first: same key, same files.
    if (!existsSync(path.join(bundle, "pagefind-entry.json"))) throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return bundle;
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map((entry) =>
      entry.isDirectory()
        ? linkTree(path.join(from, entry.name), path.join(to, entry.name))
        : linkOrCopy(path.join(from, entry.name), path.join(to, entry.name)),
    ),
  );
}

async function pruneStore(store: string): Promise<void> {
  const now = machineTime().getTime();
  for (const name of await readdir(store).catch(() => [] as string[])) {
    const dir = path.join(store, name);
    // A build beside this one may remove its own work folder between readdir and stat.
    const found = await stat(dir).catch(() => undefined);
    if (found && now - found.mtimeMs > KEEP_UNUSED_MS) await rm(dir, { recursive: true, force: true });
  }
}
