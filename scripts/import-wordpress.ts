// npm run import:wordpress -- export.xml [--media-dir DIR] [--dry-run] [--force] [--content DIR] [--category-base BASE] [--tag-base BASE]
// Moves a WordPress site in: posts, pages, approved comments, media and redirects from
// every old address. Never copies commenters' emails, IP addresses or web sites; never
// overwrites a file edited since the last import unless --force. See lib/import/wordpress/.
import path from "node:path";
import { projectRoot } from "../lib/build/project.ts";
import { importWordPress, ImportFailure } from "../lib/import/wordpress/run.ts";

const USAGE =
  "usage: npm run import:wordpress -- export.xml [--media-dir DIR] [--dry-run] [--force] [--content DIR] [--category-base BASE] [--tag-base BASE]";
const args = process.argv.slice(2);
// npm runs scripts from the project folder; paths typed by the user are relative to where they were.
const here = process.env.INIT_CWD ?? process.cwd();
let mediaDir: string | undefined;
let contentDir = process.env.PRACTICE_CONTENT || "content";
let dryRun = false;
let force = false;
// Settings → Permalinks on the old site: the export does not record these bases.
let categoryBase: string | undefined;
let tagBase: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--dry-run") dryRun = true;
  else if (a === "--force") force = true;
  else if (a === "--media-dir" || a === "--content" || a === "--category-base" || a === "--tag-base") {
    const v = args[++i];
    if (!v) {
      console.error(`${a} needs ${a.endsWith("-base") ? "a value" : "a folder"}\n${USAGE}`);
      process.exit(2);
    }
    if (a === "--media-dir") mediaDir = v;
    else if (a === "--category-base") categoryBase = v;
    else if (a === "--tag-base") tagBase = v;
    else contentDir = v;
  } else if (a === "--help" || a === "-h") {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith("--")) {
    console.error(`unknown option ${a}\n${USAGE}`);
    process.exit(2);
  } else files.push(a);
}
if (files.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const result = await importWordPress({
    exportFile: path.resolve(here, files[0]!),
    contentDir: path.resolve(here, contentDir),
    mediaDir: mediaDir && path.resolve(here, mediaDir),
    dryRun,
    force,
    categoryBase,
    tagBase,
    root: projectRoot(),
  });
  console.log(result.text);
  // The content would not build: say so in the exit code too, after the whole report.
  if (result.problems.length) process.exitCode = 1;
} catch (err) {
  if (err instanceof ImportFailure) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
