// A whole build, all or nothing: Eleventy writes into a fresh sibling folder, and only
// a build that succeeded replaces the output folder. A bad post therefore never leaves
// a half-written site behind.
import { mkdir, rm, rename, mkdtemp, readdir } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { configure } from "../.eleventy.ts";
import { findContentError, formatProblem, plainCause, type Problem } from "./content/problems.ts";
import { loadSite } from "./content/load.ts";
import { clockFromEnv } from "./clock.ts";
import { assetUrls } from "./assets.ts";
import { setPreloaded } from "./preload.ts";
import { writeSearchIndex } from "./search/index.ts";
import { takePageDigests } from "./search/shards.ts";
import { writeRedirects } from "./redirects.ts";

export interface BuildRequest {
  /** Project root holding .eleventy.ts and assets/ (default: cwd). */
  root?: string;
  /** Content folder, relative to root (default "content"). */
  contentDir?: string;
  /** Output folder, relative to root (default "_site"). */
  out?: string;
  mode?: "production" | "preview";
  prefix?: string;
  /** Seconds since 1970: pins the build's "now". */
  sourceDateEpoch?: number;
  /** Encoded images and search bundles kept between builds (default: PRACTICE_CACHE, else root/.cache). */
  cacheDir?: string;
}

export type BuildResult =
  | { ok: true; out: string; files: number; /** Search bundles Pagefind built (the rest were unchanged, from the cache). */ searchBuilt: readonly string[] }
  | {
      ok: false;
      problems?: readonly Problem[];
      /** One plain line for people. */
      error: string;
      /** The stack and what Eleventy logged: shown only with PRACTICE_DEBUG=1. */
      detail?: string;
    };

/**
 * Staging and old-output folders that a build killed half-way (out of memory, Ctrl-C) left
 * behind. Each carries the pid of its build, so a build running beside this one keeps its own.
 */
async function removeLeftovers(out: string): Promise<void> {
  const dir = path.dirname(out);
  const base = path.basename(out);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:tmp|old)-(\\d+)(?:-|$)`).exec(name);
      if (!m || Number(m[1]) === process.pid || isRunning(Number(m[1]))) return;
      await rm(path.join(dir, name), { recursive: true, force: true });
    }),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs Eleventy with the project's config. Settings travel as env vars, which is how the CLI gets them too. */
export async function build(req: BuildRequest = {}): Promise<BuildResult> {
  const root = path.resolve(req.root ?? process.cwd());
  const out = path.resolve(root, req.out ?? "_site");
  const env: Record<string, string | undefined> = {
    PRACTICE_CONTENT: req.contentDir ?? "content",
    PRACTICE_MODE: req.mode ?? "production",
    PATH_PREFIX: req.prefix ?? "",
    SOURCE_DATE_EPOCH: req.sourceDateEpoch === undefined ? process.env.SOURCE_DATE_EPOCH : String(req.sourceDateEpoch),
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const cacheDir = path.resolve(root, req.cacheDir ?? process.env.PRACTICE_CACHE ?? ".cache");
  let staging: string;
  try {
    // The output's folder may not exist yet (PRACTICE_OUT=dist/site on a fresh machine).
    await mkdir(path.dirname(out), { recursive: true });
    await removeLeftovers(out);
    staging = await mkdtemp(`${out}.tmp-${process.pid}-`);
  } catch (err) {
    return { ok: false, error: `the output folder ${out} could not be prepared: ${plainCause(err)}`, detail: err instanceof Error ? err.stack : String(err) };
  }
  // Eleventy prints its own errors (stack traces) and a closing line; the caller reports instead.
  const eleventyLog: string[] = [];
  // PRACTICE_TIMING=1: where a build's time goes, one line per step (for `npm run bench` users profiling).
  let last = performance.now();
  const lap = (step: string) => {
    if (process.env.PRACTICE_TIMING) console.error(`timing: ${step.padEnd(44)} ${((performance.now() - last) / 1000).toFixed(2)} s`);
    last = performance.now();
  };
  try {
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    // Validate everything before Eleventy starts, so a failure is one clean list.
    const site = await loadSite({
      root,
      contentDir: env.PRACTICE_CONTENT,
      mode: req.mode ?? "production",
      prefix: req.prefix,
      clock: clockFromEnv(process.env),
      assets: assetUrls(),
      cacheDir,
    });
    lap("load and check content");
    setPreloaded(site);
    takePageDigests();
    const cwd = process.cwd();
    process.chdir(root);
    let files = 0;
    try {
      // The configuration as a function, not a file path: the build and the config share one
      // module graph (the preloaded model), also when the build runs compiled ahead of time.
      const eleventy = new Eleventy(env.PRACTICE_CONTENT, staging, { quietMode: true, config: (cfg: UserConfig) => configure(cfg, { root, contentDir: env.PRACTICE_CONTENT!, mode: req.mode ?? "production", prefix: req.prefix ?? "" }) });
      const record = (...args: unknown[]) => void eleventyLog.push(args.map(String).join(" "));
      eleventy.logger.overrideLogger({ log: record, info: record, warn: record, error: record } as unknown as Console);
      const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
      files = Array.isArray(written?.[1]) ? written[1].length : 0;
    } finally {
      process.chdir(cwd);
    }
    lap("Eleventy: render and write");
    // Old addresses (content/_data/redirects.txt, e.g. from a WordPress import), in the host's form.
    await writeRedirects(path.resolve(root, env.PRACTICE_CONTENT!), staging, { host: site.hosting.host, prefix: site.prefix, root });
    lap("redirects");
    // Index the staging folder before the swap: a failed index never publishes.
    const search = await writeSearchIndex(staging, site.searchShards, { cacheDir, digests: takePageDigests() });
    lap(`search index (${search.built.length ? `built ${search.built.join(", ")}` : "from the cache"})`);
    const old = `${out}.old-${process.pid}`;
    await rename(out, old).catch(() => undefined);
    await rename(staging, out);
    await rm(old, { recursive: true, force: true });
    lap("publish");
    return { ok: true, out, files, searchBuilt: search.built };
  } catch (err) {
    setPreloaded(undefined);
    await rm(staging, { recursive: true, force: true });
    const content = findContentError(err);
    if (content) return { ok: false, problems: content.problems, error: content.message };
    const first = plainCause(err);
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { ok: false, error: first, detail: [stack, ...eleventyLog].join("\n") };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export function reportFailure(result: Extract<BuildResult, { ok: false }>, debug = !!process.env.PRACTICE_DEBUG): string {
  if (!result.problems) {
    const lines = [`Build failed: ${result.error}`, "Nothing was published; the previous site was left as it was."];
    if (debug && result.detail) lines.push(result.detail);
    else if (result.detail) lines.push("This looks like a problem in Practice Press, not in your content. Run it again with PRACTICE_DEBUG=1 for the technical details, and send them to whoever looks after the site.");
    return lines.join("\n");
  }
  const n = result.problems.length;
  return [
    `Build failed: ${n} problem${n === 1 ? "" : "s"} in the content. Nothing was published; the previous site was left as it was.`,
    ...result.problems.map(formatProblem),
  ].join("\n");
}
