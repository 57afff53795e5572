// `npm start`'s preview server (Eleventy --serve with this project's config) run as a
// child process on a content folder, for the dev-loop test and `npm run bench`: it
// counts finished builds and waits for an output file to say something.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, utimes } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { machineTime } from "../../lib/build/clock.ts";

export interface PreviewSession {
  /** The output folder (like _preview/). */
  out: string;
  url: string;
  /** Builds finished so far ("Wrote N files" lines). */
  builds(): number;
  /** Everything the server printed. */
  log(): string;
  /** Resolves once more than `count` builds have finished. */
  waitForBuilds(count: number, timeoutMs?: number): Promise<void>;
  /**
   * Resolves once the first build is out and the file watcher reports changes: Eleventy
   * says "Watching" before its watcher has scanned the folders, so this touches
   * `probe` (an absolute path to a content file) until a rebuild follows.
   */
  ready(probe: string, timeoutMs?: number): Promise<void>;
  /** Polls an output file until `test` accepts its text; resolves with the milliseconds waited. */
  waitForFile(file: string, test: (text: string) => boolean, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** Where the product is (the preview runs from there). */
  root: string;
  /** The practice's project folder (content/, assets/), when not root: see lib/build/project.ts. */
  project?: string;
  /** Absolute content folder. */
  contentDir: string;
  out: string;
  cacheDir?: string;
  /** Seconds since 1970: the preview's "now". */
  sourceDateEpoch?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPreview(opts: PreviewOptions): Promise<PreviewSession> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PRACTICE_CONTENT: opts.contentDir };
  if (opts.project) env.PRACTICE_ROOT = opts.project;
  delete env.PRACTICE_MODE;
  delete env.PATH_PREFIX;
  if (opts.cacheDir) env.PRACTICE_CACHE = opts.cacheDir;
  if (opts.sourceDateEpoch !== undefined) env.SOURCE_DATE_EPOCH = String(opts.sourceDateEpoch);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "node_modules/@11ty/eleventy/cmd.cjs",
      "--config=.eleventy.ts",
      "--serve",
      `--port=${port}`,
      `--output=${opts.out}`,
    ],
    { cwd: opts.root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  let builds = 0;
  const waiters = new Set<() => void>();
  const onData = (d: string) => {
    log += d;
    builds = (log.match(/Wrote \d+ files?/g) ?? []).length;
    for (const w of waiters) w();
  };
  child.stdout!.setEncoding("utf8").on("data", onData);
  child.stderr!.setEncoding("utf8").on("data", onData);
  // Never outlive the test or bench that started it, however that ends.
  const orphan = () => child.kill("SIGTERM");
  process.once("exit", orphan);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      process.off("exit", orphan);
      resolve();
    }),
  );

  const session: PreviewSession = {
    out: opts.out,
    url: `http://127.0.0.1:${port}`,
    builds: () => builds,
    log: () => log,
    waitForBuilds(count, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (builds > count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          } else if (child.exitCode !== null) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the preview server stopped:\n${log}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no build ${count + 1} within ${timeoutMs} ms:\n${log.slice(-3000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async ready(probe, timeoutMs = 120_000) {
      await session.waitForBuilds(0, timeoutMs);
      const started = performance.now();
      const changed = () => (log.match(/File changed/g) ?? []).length;
      const seen = changed();
      while (changed() === seen) {
        if (performance.now() - started > timeoutMs)
          throw new Error(`the preview server never noticed a change to ${probe}:\n${log.slice(-3000)}`);
        const now = machineTime();
        await utimes(probe, now, now);
        await new Promise((r) => setTimeout(r, 250));
      }
      // Let the probe's rebuild (and any queued behind it) finish: a build after the last
      // change, then quiet for half a second.
      while (!/Wrote \d+ files?[^]*$/.test(log.slice(log.lastIndexOf("File changed")))) {
        if (performance.now() - started > timeoutMs)
          throw new Error(`the preview server did not rebuild after a change to ${probe}:\n${log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      for (let last = log.length; ; last = log.length) {
        await new Promise((r) => setTimeout(r, 500));
        if (log.length === last) break;
      }
    },
    async waitForFile(file, test, timeoutMs = 30_000) {
      const started = performance.now();
      const abs = path.join(opts.out, file);
      for (;;) {
        const text = await readFile(abs, "utf8").catch(() => "");
        if (text && test(text)) return performance.now() - started;
        if (performance.now() - started > timeoutMs)
          throw new Error(`${file} did not change as expected within ${timeoutMs} ms:\n${log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  return session;
}
