// npm run new -- post "Flu shots are here": a new draft with valid front matter, made
// from the content schema. Never overwrites a file, and never takes an address that
// another file already has.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { IANAZone } from "luxon";
import { clockFromEnv } from "../lib/build/clock.ts";
import { parseYaml } from "../lib/content/frontmatter.ts";
import { formatProblem } from "../lib/content/problems.ts";
import { parseMarkdownFile } from "../lib/content/read.ts";
import { parseFileName, type ContentKind } from "../lib/content/paths.ts";
import { normalizePrefix } from "../lib/model/urls.ts";
import { isScaffoldKind, kindMeta, scaffold, SCAFFOLD_SCHEMAS } from "../lib/schema/scaffold.ts";
import { projectRoot } from "../lib/build/project.ts";

const KINDS = Object.keys(SCAFFOLD_SCHEMAS).join(", ");
const USAGE = `Usage: npm run new -- <kind> "<title>" [--slug <slug>]
  kinds: ${KINDS}
  e.g.   npm run new -- post "Flu shots are here"
         npm run new -- provider "Dr. Jane Doe"
         npm run new -- event "Flu shot clinic December 5"
         npm run new -- alert "Closed today for snow"`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
let slug: string | undefined;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--slug") slug = args[++i] ?? fail(`--slug needs a value\n${USAGE}`);
  else if (a.startsWith("--slug=")) slug = a.slice("--slug=".length);
  else if (a === "--help" || a === "-h") {
    console.log(USAGE);
    process.exit(0);
  } else positional.push(a);
}
const [kind, ...titleWords] = positional;
if (!kind) fail(USAGE);
if (!isScaffoldKind(kind)) fail(`"${kind}" is not a kind of content this site has (${KINDS})\n${USAGE}`);
const title = titleWords.join(" ");

const root = projectRoot();
const contentDir = path.resolve(root, process.env.PRACTICE_CONTENT || "content");
const rel = (abs: string) => path.relative(root, abs).split(path.sep).join("/");

// Today is the practice's today: a post written at 11 pm in Chicago is dated that day.
const practiceFile = path.join(contentDir, "_data", "practice.yaml");
let zone: unknown;
try {
  zone = (parseYaml(await readFile(practiceFile, "utf8")) as { timezone?: unknown } | null)?.timezone;
} catch (err) {
  fail(
    `${rel(practiceFile)}: cannot read it (${(err as Error).message.split("\n")[0]}); the new file's date needs the practice's time zone`,
  );
}
if (typeof zone !== "string" || !IANAZone.isValidZone(zone)) {
  fail(`${rel(practiceFile)}: timezone: expected an IANA time zone such as America/Chicago, got ${JSON.stringify(zone)}`);
}
const today = clockFromEnv()().setZone(zone).toISODate()!;

const schema = SCAFFOLD_SCHEMAS[kind];
const made = scaffold(schema, { title, today, slug });
if ("error" in made) fail(made.error);

const abs = path.join(contentDir, made.path);
const file = rel(abs);

// The same checks as the build, on the very text about to be written.
const checked = parseMarkdownFile(schema, { abs, file, name: path.basename(abs), source: made.text });
if (!checked.ok) fail(checked.problems.map(formatProblem).join("\n"));

// Another file with the same address (e.g. an older post with another date prefix)
// would stop the build; say so now instead.
const folder = path.dirname(abs);
const existing = await readdir(folder).catch(() => [] as string[]);
const contentKind = kindMeta(schema).kind as ContentKind;
for (const name of existing.filter((n) => n.toLowerCase().endsWith(".md"))) {
  // Each kind's own rule for what of a file name is its address (posts drop the date);
  // a language suffix marks a translation, not a clash.
  const id = parseFileName(contentKind, name, [], "");
  if (!("error" in id) && id.key === made.slug && path.join(folder, name) !== abs) {
    fail(`${rel(path.join(folder, name))} already uses the address of "${made.slug}"; choose another title or add --slug`);
  }
}

await mkdir(folder, { recursive: true });
try {
  await writeFile(abs, made.text, { flag: "wx" });
} catch (err) {
  if ((err as NodeJS.ErrnoException).code === "EEXIST")
    fail(`${file} already exists; nothing was changed. Choose another title or add --slug`);
  throw err;
}

console.log(`Created ${file} (a draft: remove "draft: true" when it is ready to publish)`);
if (made.url) console.log(`Preview: http://localhost:8080${normalizePrefix(process.env.PATH_PREFIX)}${made.url}   (run npm start)`);
