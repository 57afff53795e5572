// npm run announce: announce new posts and events on the practice's social accounts
// (practice.yaml `announce`), after a deploy. --dry-run prints exactly what would be sent and
// changes nothing; --retry-uncertain sends again what a person checked had not arrived.
// Network failures never fail the run: they stay pending, and the summary says so.
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { loadSite } from "../lib/content/load.ts";
import { findContentError, formatProblem } from "../lib/content/problems.ts";
import { clockFromEnv } from "../lib/build/clock.ts";
import { projectRoot } from "../lib/build/project.ts";
import { RECORD_FILE } from "../lib/announce/record.ts";
import { runAnnounce } from "../lib/announce/run.ts";
import { markdownReport, previewReport, terminalReport } from "../lib/announce/report.ts";

const env = process.env;
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--dry-run" && a !== "--retry-uncertain");
if (unknown.length) {
  console.error(`npm run announce: unknown option ${unknown.join(" ")}; use --dry-run or --retry-uncertain`);
  process.exit(2);
}
const root = projectRoot(env);
const contentDir = path.resolve(root, env.PRACTICE_CONTENT || "content");
const clock = clockFromEnv(env);

let site;
try {
  site = await loadSite({
    root,
    contentDir,
    mode: "production",
    clock,
    prefix: env.PATH_PREFIX,
    cacheDir: env.PRACTICE_CACHE ? path.resolve(root, env.PRACTICE_CACHE) : undefined,
  });
} catch (err) {
  const content = findContentError(err);
  console.error(
    content
      ? `npm run announce: the content has problems; nothing was announced.\n${content.problems.map(formatProblem).join("\n")}`
      : String(err),
  );
  process.exit(1);
}
const config = site.practice.announce;
if (!config?.accounts.length) {
  console.log("npm run announce: no accounts in practice.yaml announce.accounts; nothing to do (docs/operators/announcing.md).");
  process.exit(0);
}

let result: Awaited<ReturnType<typeof runAnnounce>>;
try {
  result = await runAnnounce({
    site,
    config,
    recordFile: path.join(contentDir, RECORD_FILE),
    outDir: path.resolve(root, env.PRACTICE_OUT || "_site"),
    now: clock().setZone(site.zone),
    env,
    bases: {
      facebook: env.ANNOUNCE_FACEBOOK_API || undefined,
      x: env.ANNOUNCE_X_API || undefined,
      bluesky: env.ANNOUNCE_BLUESKY_API || undefined,
    },
    dryRun: args.includes("--dry-run"),
    retryUncertain: args.includes("--retry-uncertain"),
  });
} catch (err) {
  // The record cannot be read or written: nothing can be announced safely until it is put right.
  console.error(`npm run announce: ${(err as Error).message}`);
  process.exit(1);
}

if (result.status === "dry-run" || (args.includes("--dry-run") && result.status === "first")) {
  process.stdout.write(previewReport(result.preview, result.notes));
} else {
  process.stdout.write(terminalReport(result.lines, result.notes));
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, markdownReport(result.lines, result.notes));
}
