// npm run bench: how long and how much memory the real build needs for N blog posts, next
// to a floor (bare Eleventy turning the same Markdown into HTML, bench/bare/), then the
// newcomer's cold demo build, the preview, page weights and install size: one section per
// target of issue 22, the target beside the figure.
//
//   npm run bench -- --posts 1000,4000 --runs 3 [--compare DIR] [--install] [--keep]
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDemo, reportDemo } from "./demo.ts";
import { installFigures, reportInstall } from "./install.ts";
import { reportSize, reportTargets } from "./report.ts";
import { GNU_TIME } from "./sampler.ts";
import { benchSize, type Result } from "./sizes.ts";

const USAGE = `Usage: npm run bench -- [--posts N[,N...]] [--runs R] [--compare DIR] [--install] [--no-demo] [--keep]

  --posts N      synthetic posts to add to a copy of the demo's content/ (default 1000); give it
                 several times or as a comma list to bench several sizes, e.g. 1000,4000
  --runs R       timed runs of each build per size, after one untimed warm-up (default 3)
  --compare DIR  also time another copy of the product (e.g. \`git archive main\` unpacked,
                 node_modules linked) in the same turns: before/after on equal terms
  --install      also time a fresh \`npm ci --omit=dev\` (needs the registry; minutes)
  --no-demo      skip the demo sections (cold build, preview, new photo, page weight)
  --keep         keep the temp folders (content and output) instead of removing them
  --help         show this text

Builds compared, in turns a, b, (c), a, b, (c), ...:
  (a) project  node scripts/build.mjs (what npm run build runs)
  (b) floor    bare Eleventy + markdown-it, no layouts or collections (bench/bare/)
  (c) compare  --compare DIR's scripts/build.mjs

Temp folders go in os.tmpdir(). On a disk, mkdir/create costs can swing from run to
run and swamp the difference; TMPDIR=/dev/shm npm run bench keeps them in memory.`;

interface Options {
  posts: number[];
  runs: number;
  keep: boolean;
  compare?: string;
  install: boolean;
  demo: boolean;
}

function parseArgs(argv: readonly string[]): Options | "help" {
  const opts: Options = { posts: [], runs: 3, keep: false, install: false, demo: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0 && arg.startsWith("--")) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) fail(`${name} needs a value\n\n${USAGE}`);
      return next;
    };
    switch (name) {
      case "--help":
      case "-h":
        return "help";
      case "--posts":
        for (const part of value().split(",")) if (part.trim()) opts.posts.push(positiveInt("--posts", part.trim()));
        break;
      case "--runs":
        opts.runs = positiveInt("--runs", value());
        break;
      case "--compare":
        opts.compare = path.resolve(value());
        if (!existsSync(path.join(opts.compare, "scripts", "build.mjs"))) fail(`--compare: ${opts.compare} has no scripts/build.mjs`);
        break;
      case "--install":
        opts.install = true;
        break;
      case "--no-demo":
        opts.demo = false;
        break;
      case "--keep":
        opts.keep = true;
        break;
      default:
        fail(`unknown argument ${JSON.stringify(arg)}\n\n${USAGE}`);
    }
  }
  if (!opts.posts.length) opts.posts.push(1000);
  return opts;
}

function positiveInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) fail(`${flag}: expected a whole number of at least 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const tempDirs = new Set<string>();
let keep = false;

/** Removes a size's temp folder once its figures are in (or every folder, on the way out). */
function cleanUp(only?: string): void {
  for (const dir of only ? [only] : [...tempDirs]) {
    tempDirs.delete(dir);
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall times mean little while something else keeps the CPUs busy: sample one second and say so. */
async function warnIfBusy(): Promise<void> {
  const totals = () =>
    os.cpus().reduce((acc, c) => ({ idle: acc.idle + c.times.idle, all: acc.all + Object.values(c.times).reduce((x, y) => x + y, 0) }), {
      idle: 0,
      all: 0,
    });
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = totals();
  const busy = 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
  if (busy > 0.25)
    console.log(
      `bench: note: the CPUs were ${(busy * 100).toFixed(0)}% busy before the runs (load average ${os.loadavg()[0]!.toFixed(1)}); other work on this machine makes wall times noisy, CPU times less so`,
    );
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts === "help") {
    console.log(USAGE);
    return;
  }
  keep = opts.keep;
  if (!existsSync(GNU_TIME)) fail(`${GNU_TIME} (GNU time) is needed to measure CPU time and peak memory; install the "time" package`);
  // Whatever way the bench ends (error, Ctrl-C, a closed pipe), no temp folder is left behind.
  process.on("exit", () => cleanUp());
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => process.exit(sig === "SIGINT" ? 130 : 143));
  process.stdout.on("error", (err: NodeJS.ErrnoException) => process.exit(err.code === "EPIPE" ? 0 : 1));
  console.log(
    `bench: posts ${opts.posts.join(", ")}; ${opts.runs} timed run(s) each after one warm-up; node ${process.version}, ${os.cpus().length} CPUs`,
  );
  await warnIfBusy();
  const results: Result[] = [];
  for (const n of opts.posts) {
    results.push(await benchSize(n, opts.runs, tempDirs, cleanUp, opts.compare));
    reportSize(results.at(-1)!, opts.runs);
  }
  const demo = opts.demo ? await benchDemo(opts.runs, keep) : undefined;
  const install = installFigures(opts.install);
  console.log("\n================ issue 22 targets ================");
  reportTargets(results);
  if (demo) reportDemo(demo);
  reportInstall(install);
}

try {
  await main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error("(rerun with --keep to inspect the temp folders)");
  process.exitCode = 1;
}
