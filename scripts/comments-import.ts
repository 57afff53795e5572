// npm run comments:import -- FILE [--dry-run]
// Turns an export of comment-form submissions (JSON or CSV) into comment files under
// content/comments/<post>/ for a person to review and commit. Never publishes anything,
// never overwrites a file, never copies an email or IP address. See lib/import/comments.ts
// (the plan) and lib/import/comments-parse.ts (reading the export).
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatReport, planImport, type PostComments } from "../lib/import/comments.ts";
import { ImportError, parseSubmissions } from "../lib/import/comments-parse.ts";
import { COMMENTS_FOLDER } from "../lib/comments/load.ts";
import { listMarkdown, readMarkdownFile, readYamlFile } from "../lib/content/read.ts";
import { FOLDERS, parseFileName } from "../lib/content/paths.ts";
import { formatProblem } from "../lib/content/problems.ts";
import { practiceSchema } from "../lib/schema/practice.ts";
import { postSchema } from "../lib/schema/content.ts";
import { toZoned } from "../lib/model/time.ts";
import { projectRoot } from "../lib/build/project.ts";

const USAGE = "usage: npm run comments:import -- FILE.json|FILE.csv [--dry-run]";
const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const files = args.filter((a) => !a.startsWith("--"));
if (files.length !== 1 || args.includes("--help")) {
  console.error(USAGE);
  process.exit(files.length === 1 ? 0 : 2);
}
const source = files[0]!;
const root = projectRoot();
const contentRel = process.env.PRACTICE_CONTENT || "content";
const contentDir = path.resolve(root, contentRel);

let text: string;
try {
  text = await readFile(source, "utf8");
} catch (err) {
  console.error(`Cannot read ${source}: ${(err as Error).message}`);
  process.exit(2);
}

const practice = await readYamlFile(practiceSchema, path.join(contentDir, "_data", "practice.yaml"), root);
if (!practice.ok) {
  console.error(`Fix practice.yaml first:\n${practice.problems.map(formatProblem).join("\n")}`);
  process.exit(2);
}
const defaultLang = practice.data.language;
const langs = [defaultLang, ...(practice.data.languages ?? []).filter((l) => l !== defaultLang)];

const postKeys = new Set<string>();
// Each post's comment setting as the build decides it (lib/content/load.ts, lib/comments/load.ts), so a
// comment the site would never show is listed instead of written.
const modes = new Map<string, PostComments>();
const closeAfter = practice.data.commentsCloseAfterDays;
for (const f of await listMarkdown(path.join(contentDir, FOLDERS.post), root)) {
  const id = parseFileName("post", f.name, langs, defaultLang);
  if ("error" in id) continue;
  postKeys.add(id.key);
  const read = readMarkdownFile(postSchema, f);
  // A post the build refuses is named by npm run check; its comments are not this script's to judge.
  if (!read.ok || id.lang !== defaultLang) continue;
  const mode = read.data.comments ?? practice.data.comments ?? "off";
  const closesAt =
    mode === "open" && closeAfter !== undefined ? toZoned(read.data.date, practice.data.timezone).dt.plus({ days: closeAfter }) : undefined;
  modes.set(id.key, { mode, closesAt });
}
const existing = new Map<string, string[]>();
const commentsDir = path.join(contentDir, COMMENTS_FOLDER);
if (existsSync(commentsDir)) {
  for (const e of await readdir(commentsDir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const ids = (await readdir(path.join(commentsDir, e.name))).filter((n) => n.endsWith(".md")).map((n) => n.slice(0, -3));
    existing.set(e.name, ids);
  }
}

const format = /\.csv$/i.test(source)
  ? "csv"
  : /\.json$/i.test(source)
    ? "json"
    : text.trimStart().startsWith("[") || text.trimStart().startsWith("{")
      ? "json"
      : "csv";
let plan;
try {
  plan = planImport(parseSubmissions(text, format), { postKeys, existing, zone: practice.data.timezone, langs, defaultLang, modes });
} catch (err) {
  if (!(err instanceof ImportError)) throw err;
  console.error(`Cannot import ${source}: ${err.message}`);
  process.exit(2);
}

if (!dryRun) {
  for (const f of plan.files) {
    const abs = path.join(contentDir, f.path);
    await mkdir(path.dirname(abs), { recursive: true });
    // "wx": never overwrite a file a person may already have edited.
    await writeFile(abs, f.text, { flag: "wx" });
  }
}
console.log(formatReport(plan, source, { contentDir: path.relative(root, contentDir).split(path.sep).join("/") || ".", dryRun }));
