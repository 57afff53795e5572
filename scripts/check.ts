// npm run check: validate practice.yaml and every content file without building,
// with the build's own loader and messages, every problem at once.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadSite } from "../lib/content/load.ts";
import { findContentError, formatProblem } from "../lib/content/problems.ts";
import { clockFromEnv } from "../lib/clock.ts";

const started = performance.now();
const root = process.cwd();
const contentDir = process.env.PRACTICE_CONTENT || "content";

try {
  // Preview mode reads drafts and scheduled posts into the site too, so a draft that
  // would clash with another file's address is reported now, not on publishing day.
  await loadSite({ root, contentDir, mode: "preview", clock: clockFromEnv(), prefix: process.env.PATH_PREFIX });
} catch (err) {
  const content = findContentError(err);
  if (!content) {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  }
  const n = content.problems.length;
  console.error(`Check failed: ${n} problem${n === 1 ? "" : "s"} in the content.`);
  console.error(content.problems.map(formatProblem).join("\n"));
  process.exit(1);
}

const abs = path.resolve(root, contentDir);
const files = (await readdir(abs, { recursive: true })).filter((f) => /\.(md|ya?ml)$/i.test(f));
const where = path.relative(root, abs).split(path.sep).join("/") || ".";
console.log(`No problems in ${where}/ (${files.length} files checked in ${((performance.now() - started) / 1000).toFixed(2)} s)`);
