// npm run build: the production site in _site/, or a list of every content problem.
// scripts/build.mjs runs it compiled ahead and calls main() with its compiled content worker.
import { fileURLToPath } from "node:url";
import { build, reportFailure } from "../lib/build/build.ts";
import { clockFromEnv } from "../lib/build/clock.ts";
import { projectRoot } from "../lib/build/project.ts";

export async function main(opts: { contentWorker?: URL } = {}): Promise<void> {
  // The command line's settings, read here once; the build gets them as values.
  const env = process.env;
  const result = await build({
    mode: env.PRACTICE_MODE === "preview" ? "preview" : "production",
    prefix: env.PATH_PREFIX,
    root: projectRoot(env),
    contentDir: env.PRACTICE_CONTENT || undefined,
    out: env.PRACTICE_OUT || undefined,
    clock: clockFromEnv(env),
    cacheDir: env.PRACTICE_CACHE || undefined,
    contentWorker: opts.contentWorker,
    progress: (line) => console.log(line),
  });
  if (!result.ok) {
    console.error(reportFailure(result));
    process.exit(1);
  }
  // performance.now() counts from the process's start: the true total, with Node's start-up,
  // loading the build and (scripts/build.mjs) compiling it on a first run.
  console.log(`Built ${result.files} files into ${result.out} in ${(performance.now() / 1000).toFixed(2)} s`);
}

// Run as it is (node --import tsx scripts/build.ts); compiled, scripts/build.mjs calls main().
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
