// A whole build, all or nothing: Eleventy writes into a fresh sibling folder, and only
// a build that succeeded replaces the output folder. A bad post therefore never leaves
// a half-written site behind.
import { rmSync } from "node:fs";
import { mkdir, rm, rename, mkdtemp, readdir } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { DateTime } from "luxon";
import { findContentError, formatProblem, plainCause, type Problem } from "../content/problems.ts";
import type { Clock } from "./clock.ts";
import { configure, NO_TEMPLATES } from "./configure.ts";
import { createSession, loadModel, takeDigests } from "./session.ts";
import { writeSearchIndex } from "../outputs/search/index.ts";
import { writeRedirects } from "../outputs/redirects.ts";

export interface BuildRequest {
  /** The practice's project folder, holding content/ and assets/ (default: cwd). */
  root?: string;
  /** Content folder, relative to root (default "content"). */
  contentDir?: string;
  /** Output folder, relative to root (default "_site"). */
  out?: string;
  mode?: "production" | "preview";
  prefix?: string;
  /** Seconds since 1970: pins the build's "now". */
  sourceDateEpoch?: number;
  /** The build's "now" when sourceDateEpoch is not given (default: the real time). */
  clock?: Clock;
  /** Encoded images and search bundles kept between builds (default: root/.cache). */
  cacheDir?: string;
  /** The content worker's script (scripts/build.mjs gives its compiled one). */
  /** Prints a line about a step longer than two seconds ("Encoding photos (3 of 14)…"); silent when absent. */
  progress?: (line: string) => void;
  contentWorker?: URL;
}

export type BuildResult =
  | {
      ok: true;
      out: string;
      files: number;
      /** Search bundles Pagefind built (the rest were unchanged, from the cache). */ searchBuilt: readonly string[];
    }
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

/**
 * Runs Eleventy with the project's configuration, in a build session of its own: nothing
 * is shared with another build running in the same process, and nothing goes through
 * process.env or the working directory.
 */
export async function build(req: BuildRequest = {}): Promise<BuildResult> {
  const epoch = req.sourceDateEpoch;
  const fixed = epoch === undefined ? undefined : DateTime.fromSeconds(epoch, { zone: "utc" });
  const session = createSession({
    root: req.root,
    contentDir: req.contentDir,
    mode: req.mode,
    prefix: req.prefix,
    clock: fixed ? () => fixed : req.clock,
    cacheDir: req.cacheDir,
    run: "build",
    contentWorker: req.contentWorker,
    progress: req.progress,
  });
  const { root, contentDir, cacheDir } = session.options;
  const out = path.resolve(root, req.out ?? "_site");
  let staging: string;
  try {
    // The output's folder may not exist yet (PRACTICE_OUT=dist/site on a fresh machine).
    await mkdir(path.dirname(out), { recursive: true });
    await removeLeftovers(out);
    staging = await mkdtemp(`${out}.tmp-${process.pid}-`);
  } catch (err) {
    return {
      ok: false,
      error: `the output folder ${out} could not be prepared: ${plainCause(err)}`,
      detail: err instanceof Error ? err.stack : String(err),
    };
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
    // Validate everything before Eleventy starts, so a failure is one clean list.
    const site = await loadModel(session);
    lap("load and check content");
    session.preloaded = site;
    let files = 0;
    // The configuration as a function of this session, not a file path: also when the build runs compiled ahead of time.
    const writing = session.options.progress?.step("Writing the pages");
    const eleventy = new Eleventy(NO_TEMPLATES, staging, { quietMode: true, config: (cfg: UserConfig) => configure(cfg, session) });
    const record = (...args: unknown[]) => void eleventyLog.push(args.map(String).join(" "));
    // Eleventy's logger has no type declarations; this is the one method used.
    const logger = eleventy.logger as { overrideLogger(logger: Record<"log" | "info" | "warn" | "error", typeof record>): void };
    logger.overrideLogger({ log: record, info: record, warn: record, error: record });
    const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
    files = (Array.isArray(written?.[1]) ? written[1].length : 0) + session.pagesWritten;
    writing?.end();
    lap("Eleventy: render and write");
    // Old addresses (content/_data/redirects.txt, e.g. from a WordPress import), in the host's form.
    await writeRedirects(contentDir, staging, { host: site.hosting.host, prefix: site.prefix, root });
    lap("redirects");
    // Index the staging folder before the swap: a failed index never publishes.
    const indexing = session.options.progress?.step("Indexing the site for search");
    const search = await writeSearchIndex(staging, site.searchShards, { cacheDir, digests: takeDigests(session) }).finally(() =>
      indexing?.end(),
    );
    lap(`search index (${search.built.length ? `built ${search.built.join(", ")}` : "from the cache"})`);
    const old = `${out}.old-${process.pid}`;
    await rename(out, old).catch(() => undefined);
    await rename(staging, out);
    // Synchronously: nothing else is left to run by now, and Node 20's promise version of a
    // recursive removal is slower (a build's last step, every build).
    rmSync(old, { recursive: true, force: true });
    lap("publish");
    return { ok: true, out, files, searchBuilt: search.built };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    const content = findContentError(err);
    if (content) return { ok: false, problems: content.problems, error: content.message };
    const first = plainCause(err);
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { ok: false, error: first, detail: [stack, ...eleventyLog].join("\n") };
  }
}

export function reportFailure(result: Extract<BuildResult, { ok: false }>, debug = !!process.env.PRACTICE_DEBUG): string {
  if (!result.problems) {
    const lines = [`Build failed: ${result.error}`, "Nothing was published; the previous site was left as it was."];
    if (debug && result.detail) lines.push(result.detail);
    else if (result.detail)
      lines.push(
        "This looks like a problem in Practice Press, not in your content. Run it again with PRACTICE_DEBUG=1 for the technical details, and send them to whoever looks after the site.",
      );
    return lines.join("\n");
  }
  const n = result.problems.length;
  return [
    `Build failed: ${n} problem${n === 1 ? "" : "s"} in the content. Nothing was published; the previous site was left as it was.`,
    ...result.problems.map(formatProblem),
  ].join("\n");
}
