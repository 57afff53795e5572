// npm run setup: make the site the practice's own. Asks for the practice's facts in the
// terminal (or reads them from --answers FILE), writes content/_data/practice.yaml and a
// starter set in place of the demo, then checks everything. See lib/setup/.
//
//   npm run setup
//   npm run setup -- --answers practice-answers.yaml [--force]
//   npm run setup -- --add-language es      npm run setup -- --drop-language es
import { readFile } from "node:fs/promises";
import path from "node:path";
import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { answersSchema, type Answers } from "../lib/setup/answers.ts";
import { applySetup, planSetup } from "../lib/setup/apply.ts";
import { setLanguages } from "../lib/setup/languages.ts";
import { loadSite } from "../lib/content/load.ts";
import { findContentError, formatProblem, problemsFromZod } from "../lib/content/problems.ts";
import { clockFromEnv } from "../lib/build/clock.ts";
import { projectRoot } from "../lib/build/project.ts";
import { keysAt } from "../lib/schema/introspect.ts";
import { checkSvgFile } from "../lib/content/published.ts";
import { brandProblems } from "../lib/model/brand.ts";

const USAGE = "usage: npm run setup [-- --answers FILE] [--force] | -- --add-language LANG | -- --drop-language LANG";
const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../examples/demo");
const project = projectRoot();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith("--")) fail(`${name} needs a value\n${USAGE}`);
  return value;
};
for (const a of args)
  if (a.startsWith("--") && !["--answers", "--force", "--add-language", "--drop-language"].includes(a))
    fail(`unknown option ${a}\n${USAGE}`);

async function ask(): Promise<unknown> {
  if (!stdin.isTTY) fail(`npm run setup asks its questions in a terminal; elsewhere give the answers in a file.\n${USAGE}`);
  const rl = createInterface({ input: stdin, output: stdout });
  const q = async (label: string, fallback = "") => (await rl.question(`${label}${fallback ? ` [${fallback}]` : ""}: `)).trim() || fallback;
  console.log("Your practice's facts (press Enter to keep the suggestion in brackets).\n");
  const answers: Record<string, unknown> = {
    name: await q("Practice name"),
    phone: await q("Main phone number, e.g. (555) 555-0123"),
    afterHoursPhone: (await q("After-hours phone (nurse line), or Enter for none")) || undefined,
    email: (await q("Email, or Enter for none")) || undefined,
    url: await q("Site address", "https://www.example.org"),
    timezone: await q("Time zone", Intl.DateTimeFormat().resolvedOptions().timeZone),
    languages: (await q("Languages, the default first (en, es)", "en")).split(/[\s,]+/).filter(Boolean),
    acceptingNewPatients: !/^n/i.test(await q("Accepting new patients? (yes/no)", "yes")),
    host: await q("Web host (netlify, cloudflare-pages, github-pages, s3, other)", "netlify"),
    noticeOfPrivacyPractices: await q("Notice of Privacy Practices: a web address, or a PDF under /assets/"),
    brandColor: (await q("Brand colour as #RRGGBB, or Enter for the standard teal")) || undefined,
    logo: (await q("Logo file (SVG or PNG), or Enter to keep the current one")) || undefined,
  };
  const locations: Record<string, unknown>[] = [];
  do {
    console.log(`\nLocation ${locations.length + 1}`);
    locations.push({
      name: await q("  Name", locations.length ? "" : "Main office"),
      street: await q("  Street"),
      city: await q("  City"),
      region: await q("  State or region"),
      postalCode: await q("  Postal code"),
      country: await q("  Country code", "US"),
      hours: {
        weekdays: await q("  Hours Monday to Friday", "08:00-17:00"),
        saturday: await q("  Saturday hours, or closed", "closed"),
        sunday: await q("  Sunday hours, or closed", "closed"),
      },
    });
  } while (/^y/i.test(await q("Add another location? (yes/no)", "no")));
  rl.close();
  return answers;
}

if (flag("--add-language") || flag("--drop-language")) {
  try {
    const notes = await setLanguages(project, { add: flag("--add-language"), drop: flag("--drop-language") });
    for (const n of notes) console.log(n);
  } catch (err) {
    fail((err as Error).message);
  }
} else {
  const answersFile = flag("--answers");
  let raw: unknown;
  if (answersFile) {
    const abs = path.resolve(process.env.INIT_CWD ?? process.cwd(), answersFile);
    const text = await readFile(abs, "utf8").catch(() => fail(`${answersFile}: no such file`));
    try {
      raw = YAML.parse(text);
    } catch (err) {
      fail(`${answersFile}: ${(err as Error).message.split("\n")[0]}`);
    }
  } else raw = await ask();
  const parsed = answersSchema.safeParse(raw);
  if (!parsed.success)
    fail(
      problemsFromZod(answersFile ?? "your answers", parsed.error, (p) => keysAt(answersSchema, p))
        .map(formatProblem)
        .join("\n"),
    );
  const answers: Answers = parsed.data;
  const colour = answers.brandColor ? brandProblems({ color: answers.brandColor }) : [];
  if (colour.length) fail(colour.map((p) => `brandColor: ${p.message}`).join("\n"));
  let logoFile: string | undefined;
  if (answers.logo) {
    logoFile = path.resolve(
      answersFile ? path.dirname(path.resolve(process.env.INIT_CWD ?? process.cwd(), answersFile)) : process.cwd(),
      answers.logo,
    );
    if (!/\.(svg|png)$/i.test(logoFile)) fail(`logo: expected an SVG or PNG file, got ${answers.logo}`);
    const svg = logoFile.toLowerCase().endsWith(".svg") ? checkSvgFile(logoFile) : undefined;
    if (svg) fail(`logo: ${answers.logo}: ${svg}`);
  }
  const date = clockFromEnv()().setZone(answers.timezone).toISODate()!;
  const plan = planSetup(answers, { project, demo: DEMO, date, logoFile });
  if (plan.conflicts.length && !args.includes("--force")) {
    fail(
      `These files are your own (written or changed since the demo), and setup would replace them:\n${plan.conflicts.map((f) => `  ${f}`).join("\n")}\nRun again with --force to replace them anyway.`,
    );
  }
  await applySetup(plan, project);
  console.log(
    `Wrote ${Object.keys(plan.write).length} files${plan.remove.length ? ` and removed ${plan.remove.length} files of the demo` : ""}.`,
  );
}

// Whatever changed, the site must still check out.
try {
  const site = await loadSite({ root: project, mode: "preview", clock: clockFromEnv(), cacheDir: process.env.PRACTICE_CACHE || undefined });
  console.log(`No problems: ${site.routes.length} pages and files to build. Preview with npm start.`);
} catch (err) {
  const content = findContentError(err);
  if (!content) throw err;
  fail(`Check found ${content.problems.length} problem(s) to fix:\n${content.problems.map(formatProblem).join("\n")}`);
}
