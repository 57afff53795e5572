// npm run check: validate practice.yaml, every content file and the redirects
// (content/_data/redirects.txt) without building, with the build's own loader and
// messages, every problem at once; then the warnings, which do not fail the check.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadSite } from "../lib/content/load.ts";
import { findContentError, formatProblem, type Problem } from "../lib/content/problems.ts";
import { clockFromEnv } from "../lib/build/clock.ts";
import { REDIRECTS_SOURCE, redirectProblems, redirectsFileName } from "../lib/content/redirects.ts";
import { siteTarget } from "../lib/outputs/redirects.ts";
import type { Site } from "../lib/model/model.ts";
import { projectRoot } from "../lib/build/project.ts";
import { checkLines, staffReport } from "../lib/staff/report.ts";
import { contentWarnings } from "../lib/content/warnings.ts";

const started = performance.now();
const root = projectRoot();
const contentDir = process.env.PRACTICE_CONTENT || "content";
const abs = path.resolve(root, contentDir);
const problems: Problem[] = [];

let site: Site | undefined;
try {
  // Preview mode reads drafts and scheduled posts into the site too, so a draft that
  // would clash with another file's address is reported now, not on publishing day.
  site = await loadSite({
    root,
    contentDir,
    mode: "preview",
    clock: clockFromEnv(),
    prefix: process.env.PATH_PREFIX,
    cacheDir: process.env.PRACTICE_CACHE || undefined,
  });
} catch (err) {
  const content = findContentError(err);
  if (!content) {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  }
  problems.push(...content.problems);
}

// Redirects: every line's form and repeated old addresses always; whether each new
// address exists only when the site itself could be read.
let redirects: string | undefined;
try {
  redirects = await readFile(path.join(abs, REDIRECTS_SOURCE), "utf8");
} catch {
  // No redirects: nothing to check.
}
if (redirects !== undefined) {
  problems.push(...redirectProblems(redirects, redirectsFileName(abs, root), site && siteTarget(site, { root, contentDir: abs })));
}

// Likely mistakes that still build (a line shown as a code box, a title cut at " #"): told
// with the problems too, since they are in the files staff are about to open anyway.
const pasted = (await contentWarnings(abs, root)).map(formatProblem);
const warningBlock = (lines: string[]) =>
  `\n${lines.length} warning${lines.length === 1 ? "" : "s"} (the site still builds):\n${lines.join("\n")}`;

if (problems.length) {
  const n = problems.length;
  console.error(`Check failed: ${n} problem${n === 1 ? "" : "s"} in the content.`);
  console.error(problems.map(formatProblem).join("\n"));
  if (pasted.length) console.error(warningBlock(pasted));
  process.exit(1);
}

const files = (await readdir(abs, { recursive: true })).filter(
  (f) => /\.(md|ya?ml)$/i.test(f) || f.split(path.sep).join("/") === REDIRECTS_SOURCE,
);
const where = path.relative(root, abs).split(path.sep).join("/") || ".";
console.log(`No problems in ${where}/ (${files.length} files checked in ${((performance.now() - started) / 1000).toFixed(2)} s)`);
// Reading grades and stale medical reviews: told, never a failure (lib/staff/report.ts).
const report = staffReport(site!);
const { grades, warnings } = checkLines(report);
if (grades.length)
  console.log(`\nReading grade of each post (target: grade ${report.settings.readingGrade} or below):\n${grades.join("\n")}`);
if (pasted.length || warnings.length) console.log(warningBlock([...pasted, ...warnings]));
