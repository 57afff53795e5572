// npm run bench: how long and how much memory the real build needs for N blog posts,
// next to a floor: bare Eleventy turning the same Markdown into HTML (bench/bare/).
//
//   npm run bench -- --posts 1000,4000 --runs 3 [--keep]
//
// For each N it copies content/ to a temp folder, adds N synthetic posts (seeded, so
// every run writes the same files), warms both builds up once, then times them in
// turns (a, b, a, b, ...). Peak memory: the larger of GNU time's (/usr/bin/time -f %M,
// the largest single process) and the sampled sum over the build's whole process tree.
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { startPreview } from "../tests/support/preview-session.ts";
import { BUDGETS, JS_BUDGET, pageWeight } from "../tests/support/page-weight.ts";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GNU_TIME = "/usr/bin/time";
const SOURCE_DATE_EPOCH = "1795000000";
const SEED = 0x5eed_2026;

const USAGE = `Usage: npm run bench -- [--posts N[,N...]] [--runs R] [--keep]

  --posts N   synthetic posts to add to a copy of content/ (default 1000); give it
              several times or as a comma list to bench several sizes, e.g. 1000,4000
  --runs R    timed runs of each build per size, after one untimed warm-up (default 3)
  --keep      keep the temp folders (content and output) instead of removing them
  --help      show this text

Builds compared, alternating a, b, a, b, ...:
  (a) project  node scripts/build.mjs (what npm run build runs)
  (b) floor    bare Eleventy + markdown-it, no layouts or collections (bench/bare/)

Temp folders go in os.tmpdir(). On a disk, mkdir/create costs can swing from run to
run and swamp the difference; TMPDIR=/dev/shm npm run bench keeps them in memory.`;

// ---------------------------------------------------------------------------
// Options

interface Options {
  posts: number[];
  runs: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options | "help" {
  const posts: number[] = [];
  let runs = 3;
  let keep = false;
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
        for (const part of value().split(",")) if (part.trim()) posts.push(positiveInt("--posts", part.trim()));
        break;
      case "--runs":
        runs = positiveInt("--runs", value());
        break;
      case "--keep":
        keep = true;
        break;
      default:
        fail(`unknown argument ${JSON.stringify(arg)}\n\n${USAGE}`);
    }
  }
  return { posts: posts.length ? posts : [1000], runs, keep };
}

function positiveInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) fail(`${flag}: expected a whole number of at least 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Synthetic posts: deterministic, schema-valid, realistic-looking Markdown.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

function pickSome<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

const AUTHORS = ["maya-okafor", "daniel-reyes", "priya-natarajan"] as const;
const TAGS = [
  "vaccines", "sleep", "nutrition", "safety", "newborns", "toddlers", "teens", "school", "sports",
  "allergies", "asthma", "fever", "skin", "summer", "winter", "development", "behavior", "dental",
  "screens", "travel", "illness", "wellness", "parenting", "hygiene", "checkups",
] as const;
const TOPICS = [
  "fevers", "ear infections", "sleep routines", "screen time", "car seats", "vaccines", "food allergies",
  "asthma flare-ups", "sports physicals", "picky eating", "teething", "potty training", "sunburn", "head lice",
  "winter colds", "growth spurts", "bedwetting", "school anxiety", "constipation", "eczema", "hand-washing",
  "water safety", "heavy backpacks", "healthy lunches", "nosebleeds", "stomach bugs", "seasonal allergies",
] as const;
const AGES = ["newborns", "babies", "toddlers", "preschoolers", "school-age kids", "preteens", "teens"] as const;
const PLACES = ["at home", "at school", "at daycare", "on the playground", "at practice", "on a long car trip", "at bedtime"] as const;
const SIGNS = [
  "a fever that lasts more than three days", "trouble breathing", "fewer wet diapers than usual", "a stiff neck",
  "a rash that does not fade when pressed", "unusual sleepiness", "refusing to drink", "ear pain that wakes them at night",
  "a cough that keeps getting worse", "vomiting that will not stop",
] as const;
const STEPS = [
  "offer small sips of water often", "keep a simple log of symptoms and times", "check the label before giving any medicine",
  "use a cool-mist humidifier in the bedroom", "keep the same bedtime on weekends", "wash hands before meals and after the bathroom",
  "pack a refillable water bottle", "set a family plan for screens", "bring the vaccine record to every visit",
  "put sunscreen on 15 minutes before going outside", "choose a car seat that fits both your child and your car",
  "offer one new food next to a favorite", "keep medicines up high and locked", "talk about feelings at dinner",
  "practice the morning routine the week before school starts", "read together for ten minutes before lights out",
] as const;
const OPENERS = [
  "Many parents ask us about {topic}, and it is one of the most common reasons for a call to our nurse line.",
  "Every season brings questions about {topic}, especially from families with {age}.",
  "If you have ever worried about {topic} in the middle of the night, you are not alone.",
  "We see a lot of {age} for {topic}, and most of the time the answer is simpler than it seems.",
] as const;
const SENTENCES = [
  "Most {age} handle {topic} well with a little extra rest and patience.",
  "It helps to {step} so that small problems stay small.",
  "Our nurses can walk you through what to watch for {place}.",
  "Watch for {sign}; that is a good reason to call us the same day.",
  "Every child is different, so trust what you know about your own kid.",
  "A calm routine {place} makes a bigger difference than any product on the shelf.",
  "For {age}, even a small change in habits can take a week or two to stick.",
  "Keep notes on when things started and what seemed to help, because it makes the visit faster.",
  "Some families find it easier to {step} and share the job between caregivers.",
  "We would rather hear from you early than have you wait and worry.",
  "Older siblings can help by showing younger ones how it is done.",
  "If your child has a chronic condition such as asthma or diabetes, ask us for a written plan.",
  "Most of the advice online is well meant, but it was not written with your child in mind.",
  "Bring your questions to the next checkup; there is no such thing as a silly one.",
  "It is normal for {age} to go through phases, and most of them pass on their own.",
  "The goal is progress, not perfection, especially with {topic}.",
] as const;
const EXTERNAL = [
  ["the national guidance on {topic}", "https://example.org/guidance/{slug}"],
  ["a printable checklist", "https://example.org/checklists/{slug}.pdf"],
  ["the poison control center", "https://example.org/poison-control"],
  ["this short video for parents", "https://example.org/videos/{slug}"],
] as const;
const INTERNAL = [
  "New to the practice? Start with [our new patient page](/new-patients/).",
  "If you are not with us yet, you can [register as a new patient](/new-patients/) online.",
  "Here is [what to bring to your first visit](/new-patients/).",
] as const;
const HEADINGS = [
  "What is normal", "When to call us", "What you can do at home", "How we can help", "Common myths",
  "Questions parents ask", "Getting ready", "A simple plan", "Signs to watch for", "For new patients",
] as const;

function fill(rng: Rng, template: string, topic: string): string {
  return template
    .replaceAll("{topic}", topic)
    .replaceAll("{slug}", topic.replace(/[^a-z0-9]+/g, "-"))
    .replace(/\{age\}/g, () => pick(rng, AGES))
    .replace(/\{place\}/g, () => pick(rng, PLACES))
    .replace(/\{sign\}/g, () => pick(rng, SIGNS))
    .replace(/\{step\}/g, () => pick(rng, STEPS));
}

/** One sentence, sometimes with emphasis, a link, or typographer bait ("quotes", --, ...). */
function sentence(rng: Rng, topic: string, links: { internal: number; external: number }): string {
  let s = fill(rng, pick(rng, SENTENCES), topic);
  const r = rng();
  if (r < 0.12) s = s.replace(/^(\S+ \S+ \S+)/, "**$1**");
  else if (r < 0.22) s = s.replace(/(\S+ \S+)\.$/, "_$1_.");
  else if (r < 0.27) s = s.replace(/\.$/, ' -- or, as one parent put it, "one day at a time"...');
  const l = rng();
  if (l < 0.08 || (links.internal === 0 && l < 0.2)) {
    s += ` ${pick(rng, INTERNAL)}`;
    links.internal++;
  } else if (l < 0.15 || (links.external === 0 && l < 0.3)) {
    const [text, href] = pick(rng, EXTERNAL);
    s += ` See [${fill(rng, text, topic)}](${fill(rng, href, topic)}).`;
    links.external++;
  }
  return s;
}

function paragraph(rng: Rng, topic: string, links: { internal: number; external: number }): string {
  return Array.from({ length: between(rng, 3, 6) }, () => sentence(rng, topic, links)).join(" ");
}

function bulletList(rng: Rng, topic: string): string {
  return pickSome(rng, [...STEPS, ...SIGNS.map((s) => `call us for ${s}`)], between(rng, 3, 6))
    .map((item, i) => `- ${i === 0 && rng() < 0.5 ? `**${cap(item)}**` : cap(item)}${rng() < 0.3 ? `, especially with ${topic}` : ""}`)
    .join("\n");
}

function numberedList(rng: Rng): string {
  return pickSome(rng, STEPS, between(rng, 3, 5))
    .map((item, i) => `${i + 1}. ${cap(item)}.`)
    .join("\n");
}

function title(rng: Rng, topic: string): string {
  return fill(
    rng,
    pick(rng, [
      `${cap(topic)} in {age}: what parents should know`,
      `A parent's guide to ${topic}`,
      `When to call us about ${topic}`,
      `${between(rng, 3, 9)} tips for ${topic} {place}`,
      `${cap(topic)}: myths, facts and simple next steps`,
    ]),
    topic,
  );
}

function description(rng: Rng, topic: string): string {
  const parts = [
    `What to expect with ${topic}, simple steps that help ${pick(rng, PLACES)}, and when it is time to call the office.`,
    `Our pediatricians explain ${topic} for families with ${pick(rng, AGES)}.`,
    `Practical advice on ${topic}: what is normal, what helps, and the signs that mean your child should be seen.`,
    `A short, plain-language guide to ${topic}, with a checklist you can use ${pick(rng, PLACES)}.`,
  ];
  let d = pick(rng, parts);
  if (d.length < 60) d += ` Written by our team for parents who want clear answers.`;
  return d.length > 200 ? `${d.slice(0, 196).replace(/\s+\S*$/, "")}...` : d;
}

const DAY_MS = 86_400_000;
const LAST_DAY = Date.UTC(2026, 9, 31); // the day before 2026-11-01
const FIRST_DAY = Date.UTC(2016, 10, 1); // ten years earlier

// Images come from a pool (like a practice reusing its photos), so the image cache
// holds 20 originals however many posts there are.
const POOL = 20;
const POOL_DIR = "bench-images";
const POOL_ALTS = [
  "A parent reading a picture book with a toddler on a couch",
  "A pediatrician listening to a child's heartbeat",
  "A lunch box with fruit, a sandwich and a water bottle",
  "Children playing soccer on a sunny field",
  "A baby asleep on their back in a bare crib",
] as const;
const VIDEO_LINES = [
  "https://www.youtube.com/watch?v=JHPvacc2026",
  "https://youtu.be/kidsSleep01",
  "https://vimeo.com/76979871",
  "https://www.youtube.com/watch?v=handWash_42",
] as const;
const COMMENTERS = ["Rachel M.", "Luis G.", "Aisha K.", "Tom B.", "Mei L.", "Grace O.", "Sam P."] as const;
const COMMENT_LINES = [
  "Thank you, this was really helpful for our family.",
  "Does this also apply to kids who were born early?",
  "We tried the bedtime routine and it made a big difference within a week.",
  "Is it OK to call the nurse line on weekends for this?",
  "Sharing this with my sister, she has a newborn.",
] as const;
const REPLY_LINES = [
  "Great question. Yes, the same advice applies; bring it up at the next checkup and we can tailor it.",
  "Thanks for writing! The nurse line answers day and night, weekends included.",
  "We are so glad it helped. Keep it going, and let us know how the next month goes.",
] as const;

interface SyntheticPost {
  fileName: string;
  text: string;
  /** content/comments/<key>/<id>.md files for this post. */
  comments: { id: string; text: string }[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const poolImage = (rng: Rng) => `./${POOL_DIR}/pool-${pad2(between(rng, 1, POOL))}.jpg`;

function commentThread(rng: Rng, postDay: number, key: string): SyntheticPost["comments"] {
  const out: SyntheticPost["comments"] = [];
  const n = between(rng, 1, 5);
  let day = postDay;
  for (let c = 0; c < n; c++) {
    // Each comment a day or more after the one before: replies never predate what they answer.
    day += between(rng, 1, 3) * DAY_MS;
    const stamp = `${new Date(day).toISOString().slice(0, 10)}T${pad2(between(rng, 7, 21))}:${pad2(between(rng, 0, 59))}`;
    const id = `${stamp.slice(0, 10)}-${(Math.imul(key.length * 977 + c, 0x9e3779b1) >>> 0).toString(16).padStart(8, "0")}`;
    const reply = c > 0 && rng() < 0.5;
    const front = reply
      ? [`provider: ${pick(rng, AUTHORS)}`, `date: "${stamp}"`, `replyTo: ${out[c - 1]!.id}`]
      : [`author: ${JSON.stringify(pick(rng, COMMENTERS))}`, `date: "${stamp}"`];
    out.push({ id, text: `---\n${front.join("\n")}\n---\n${reply ? pick(rng, REPLY_LINES) : pick(rng, COMMENT_LINES)}\n` });
  }
  return out;
}

function syntheticPost(i: number): SyntheticPost {
  const rng = mulberry32(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const topic = pick(rng, TOPICS);
  const date = new Date(FIRST_DAY + between(rng, 0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const tags = pickSome(rng, TAGS, between(rng, 1, 3));
  const links = { internal: 0, external: 0 };
  const target = between(rng, 400, 700);

  const blocks: string[] = [fill(rng, pick(rng, OPENERS), topic) + " " + paragraph(rng, topic, links)];
  const headings = pickSome(rng, HEADINGS, HEADINGS.length);
  let words = wordCount(blocks[0]!);
  for (let s = 0; words < target - 40; s++) {
    const section = [`## ${headings[s % headings.length]}${s >= headings.length ? ` (part ${Math.floor(s / headings.length) + 1})` : ""}`];
    section.push(paragraph(rng, topic, links));
    // The first two sections always carry one list of each kind; later ones sometimes.
    if (s === 0 || (s > 1 && rng() < 0.4)) section.push(bulletList(rng, topic));
    if (s === 1 || (s > 1 && rng() < 0.25)) section.push(numberedList(rng));
    if (rng() < 0.6) section.push(paragraph(rng, topic, links));
    const text = section.join("\n\n");
    // Keep the body within ~400-700 words: skip a section that would overshoot.
    if (s >= 2 && words + wordCount(text) > 680) break;
    blocks.push(text);
    words += wordCount(text);
  }
  const closing = [`Questions about ${topic}? Call us any time; a nurse answers day and night.`];
  if (!links.internal) closing.push(`New to the practice? Start with [our new patient page](/new-patients/).`);
  if (!links.external) closing.push(`For more reading, see [the national guidance on ${topic}](https://example.org/guidance/${topic.replace(/[^a-z0-9]+/g, "-")}).`);
  blocks.push(closing.join(" "));
  // A few images and videos, placed between sections like an author would.
  if (rng() < 0.12) blocks.splice(between(rng, 1, blocks.length - 1), 0, `![${pick(rng, POOL_ALTS)}](${poolImage(rng)})`);
  if (rng() < 0.06) blocks.splice(between(rng, 1, blocks.length - 1), 0, pick(rng, VIDEO_LINES));

  const key = `synthetic-${i}`;
  const hero = rng() < 0.2;
  const comments = rng() < 0.08 ? commentThread(rng, Date.parse(date), key) : [];
  const front = [
    "---",
    `title: ${JSON.stringify(cap(title(rng, topic)))}`,
    `date: "${date}"`,
    `description: ${JSON.stringify(description(rng, topic))}`,
    `tags: [${tags.join(", ")}]`,
    `author: ${pick(rng, AUTHORS)}`,
    ...(hero ? [`image: ${poolImage(rng)}`, `imageAlt: ${JSON.stringify(pick(rng, POOL_ALTS))}`] : []),
    ...(comments.length ? ["comments: closed"] : []),
    "---",
  ];
  return { fileName: `${date}-${key}.md`, text: `${front.join("\n")}\n${blocks.join("\n\n")}\n`, comments };
}

/** 20 photo-sized JPEGs (different sizes and colours), drawn once per temp folder. */
async function writeImagePool(dir: string): Promise<void> {
  const { default: sharp } = await import("sharp");
  await mkdir(dir, { recursive: true });
  const rng = mulberry32(SEED);
  await Promise.all(
    Array.from({ length: POOL }, async (_, k) => {
      const [w, h] = pick(rng, [[1600, 1067], [2400, 1600], [1200, 1200], [1080, 1350]] as const);
      const hue = Math.floor(rng() * 360);
      const shapes = Array.from({ length: 12 }, () => `<circle cx="${Math.floor(rng() * w)}" cy="${Math.floor(rng() * h)}" r="${between(rng, 40, 400)}" fill="hsl(${(hue + between(rng, 0, 120)) % 360},60%,${between(rng, 35, 75)}%)" opacity="0.7"/>`).join("");
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="hsl(${hue},40%,85%)"/>${shapes}</svg>`;
      await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path.join(dir, `pool-${pad2(k + 1)}.jpg`));
    }),
  );
}

async function prepare(n: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `practice-press-bench-${n}-`));
  tempDirs.add(dir);
  cpSync(path.join(ROOT, "examples", "demo", "content"), path.join(dir, "content"), { recursive: true });
  const blog = path.join(dir, "content", "blog");
  const commentsDir = path.join(dir, "content", "comments");
  await writeImagePool(path.join(blog, POOL_DIR));
  const batch = 200;
  for (let start = 0; start < n; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, n - start) }, async (_, k) => {
        const post = syntheticPost(start + k);
        await writeFile(path.join(blog, post.fileName), post.text);
        if (!post.comments.length) return;
        const folder = path.join(commentsDir, `synthetic-${start + k}`);
        await mkdir(folder, { recursive: true });
        await Promise.all(post.comments.map((c) => writeFile(path.join(folder, `${c.id}.md`), c.text)));
      }),
    );
  }
  return dir;
}

// ---------------------------------------------------------------------------
// Running and measuring builds

interface Build {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  out: string;
}

interface Measure {
  seconds: number;
  rssMb: number;
}

function builds(tmp: string): [Build, Build] {
  const inherited = { ...process.env };
  // The project build must be a plain production build whatever the caller's shell says.
  delete inherited.PRACTICE_MODE;
  delete inherited.PATH_PREFIX;
  const outProject = path.join(tmp, "out-project");
  const outBare = path.join(tmp, "out-bare");
  return [
    {
      label: "project",
      args: [process.execPath, "scripts/build.mjs"],
      // Its own image cache: the warm-up fills it (the cold figure), timed runs reuse it.
      env: { ...inherited, PRACTICE_ROOT: path.join(ROOT, "examples", "demo"), PRACTICE_CONTENT: path.join(tmp, "content"), PRACTICE_OUT: outProject, PRACTICE_CACHE: path.join(tmp, "cache"), SOURCE_DATE_EPOCH },
      out: outProject,
    },
    {
      label: "floor",
      args: [
        process.execPath,
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--config=bench/bare/eleventy.config.mjs",
        `--input=${path.join(tmp, "content", "blog")}`,
        `--output=${outBare}`,
        "--quiet",
      ],
      env: { ...process.env, SOURCE_DATE_EPOCH },
      out: outBare,
    },
  ];
}

async function runOnce(b: Build): Promise<Measure> {
  // Each run writes into an empty folder, so neither build gets to skip or overwrite.
  await rm(b.out, { recursive: true, force: true });
  const cmd = [GNU_TIME, "-f", "%M", ...b.args];
  const started = performance.now();
  let sampler: { stop(): number } | undefined;
  const { code, signal, stdout, stderr } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(cmd[0]!, cmd.slice(1), { cwd: ROOT, env: b.env, stdio: ["ignore", "pipe", "pipe"] });
      sampler = sampleTreeRss(child.pid!);
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const treeKb = sampler?.stop() ?? 0;
  const shown = cmd.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ");
  if (code !== 0) {
    const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
    throw new Error(`${b.label} build ${how}\n  command: ${shown}\n  cwd: ${ROOT}\n--- stderr ---\n${stderr.trimEnd()}\n--- stdout ---\n${stdout.trimEnd()}`);
  }
  const last = stderr.trimEnd().split("\n").at(-1)?.trim() ?? "";
  if (!/^\d+$/.test(last)) throw new Error(`${b.label} build: expected GNU time's max RSS (KB) as the last line of stderr, got ${JSON.stringify(last)}\n  command: ${shown}\n--- stderr ---\n${stderr.trimEnd()}`);
  // GNU time knows the largest single process exactly; the samples add up every process
  // alive at once (Pagefind runs beside Node). Peak memory is the larger of the two.
  return { seconds, rssMb: Math.max(Number(last), treeKb) / 1024 };
}

/** Every 50 ms, the summed resident memory (KB) of a process and all its descendants; stop() gives the peak. */
function sampleTreeRss(root: number): { stop(): number } {
  let peak = 0;
  const tick = () => {
    const children = new Map<number, number[]>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      } catch {
        // The process ended between the listing and the read.
      }
    }
    let sum = 0;
    for (const queue = [root]; queue.length; ) {
      const pid = queue.pop()!;
      try {
        sum += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      } catch {
        // Gone already.
      }
      queue.push(...(children.get(pid) ?? []));
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(tick, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

async function countHtml(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).length;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Result {
  devLoop?: DevLoop;
  searchCold?: Measure;
  onePostEdited?: Measure;
  posts: number;
  a: Measure[];
  b: Measure[];
  htmlA: number;
  htmlB: number;
}

async function benchSize(n: number, runs: number): Promise<Result> {
  const t0 = performance.now();
  const tmp = await prepare(n);
  console.log(`\n== ${n} posts (+ the project's own content) in ${tmp}, prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const result = await measureSize(n, runs, tmp);
    if (n === DEV_LOOP_POSTS) result.devLoop = await measureDevLoop(tmp, runs);
    return result;
  } finally {
    cleanUp(tmp);
  }
}

// ---------------------------------------------------------------------------
// Dev loop: staff save a post while `npm start` runs; how long until its page is rewritten.

const DEV_LOOP_POSTS = 1000;

interface DevLoop {
  body: number[];
  title: number[];
  date: number[];
}

async function measureDevLoop(tmp: string, rounds: number): Promise<DevLoop> {
  const content = path.join(tmp, "content");
  const session = await startPreview({ root: ROOT, project: path.join(ROOT, "examples", "demo"), contentDir: content, out: path.join(tmp, "out-preview"), cacheDir: path.join(tmp, "cache"), sourceDateEpoch: Number(SOURCE_DATE_EPOCH) });
  const times: DevLoop = { body: [], title: [], date: [] };
  try {
    await session.ready(path.join(content, "_data", "practice.yaml"));
    const key = `synthetic-${Math.floor(DEV_LOOP_POSTS / 2)}`;
    const name = (await readdir(path.join(content, "blog"))).find((f) => f.endsWith(`-${key}.md`))!;
    const file = path.join(content, "blog", name);
    const original = await readFile(file, "utf8");
    const page = `blog/${key}/index.html`;
    const tag = /^tags: \[([^,\]]+)/m.exec(original)![1]!.trim();
    // One save, timed until the post's page shows it; then the whole rebuild must agree.
    const save = async (text: string, token: string, into: number[], everywhere: readonly string[]) => {
      const builds = session.builds();
      await writeFile(file, text);
      into.push(await session.waitForFile(page, (html) => html.includes(token)));
      await session.waitForBuilds(builds);
      for (const f of everywhere) {
        const html = await readFile(path.join(session.out, f), "utf8");
        if (!html.includes(token)) throw new Error(`dev loop: after the save, ${f} does not show ${token}`);
      }
    };
    // The pages of its older and newer neighbours name it in their previous/next links.
    const neighbours = [...(await readFile(path.join(session.out, page), "utf8")).matchAll(/<a class="prevnext__link[^"]*" href="\/([^"]+)"/g)].map((m) => `${m[1]}index.html`);
    if (!neighbours.length) throw new Error(`dev loop: ${page} has no previous/next links`);
    for (let r = 0; r < rounds; r++) {
      const word = `Devloop${r}x${Date.now().toString(36)}`;
      await save(`${original}\nOne more sentence, ${word}.\n`, word, times.body, []);
      const title = `Retitled ${word}`;
      await save(original.replace(/^title: .*$/m, `title: "${title}"`), title, times.title, neighbours);
      // Newest post of all: first on the blog index.
      const dated = original.replace(/^title: .*$/m, `title: "${title} moved"`).replace(/^date: .*$/m, `date: "2026-11-${String(10 + r).padStart(2, "0")}"`);
      await save(dated, `${title} moved`, times.date, ["blog/index.html", "feed.xml", "feed.json", `blog/tags/${tag}/index.html`]);
      const builds = session.builds();
      await writeFile(file, original);
      await session.waitForFile(page, (html) => !html.includes(word));
      await session.waitForBuilds(builds);
    }
  } finally {
    await session.close();
  }
  return times;
}

async function measureSize(n: number, runs: number, tmp: string): Promise<Result> {
  const [a, b] = builds(tmp);
  const line = (tag: string, m: Measure) => console.log(`  ${tag.padEnd(36)} ${m.seconds.toFixed(2).padStart(7)} s ${m.rssMb.toFixed(0).padStart(6)} MB`);
  line("a, cold image cache", await runOnce(a));
  line("b, warm-up", await runOnce(b));
  const result: Result = { posts: n, a: [], b: [], htmlA: 0, htmlB: 0 };
  for (let r = 1; r <= runs; r++) {
    const ma = await runOnce(a);
    result.a.push(ma);
    line(`run ${r} a project`, ma);
    const mb = await runOnce(b);
    result.b.push(mb);
    line(`run ${r} b floor`, mb);
  }
  result.htmlA = await countHtml(a.out);
  result.htmlB = await countHtml(b.out);
  // Not in the ratio: what the search index costs when its cache cannot help, and the
  // nightly CI case of one new or edited post (only this year's bundle is re-indexed).
  await rm(path.join(tmp, "cache", "search"), { recursive: true, force: true });
  result.searchCold = await runOnce(a);
  line("a, search index rebuilt from nothing", result.searchCold);
  const blog = path.join(tmp, "content", "blog");
  const recent = (await readdir(blog)).filter((f) => f.startsWith("2026-") && f.includes("-synthetic-")).sort().at(-1)!;
  await writeFile(path.join(blog, recent), `${await readFile(path.join(blog, recent), "utf8")}\nOne more sentence for the nightly build.\n`);
  result.onePostEdited = await runOnce(a);
  line("a, one 2026 post edited", result.onePostEdited);
  return result;
}

function report(r: Result, runs: number): void {
  const ta = median(r.a.map((m) => m.seconds));
  const tb = median(r.b.map((m) => m.seconds));
  const ma = Math.max(...r.a.map((m) => m.rssMb));
  const mb = Math.max(...r.b.map((m) => m.rssMb));
  const rows: [string, string, string, string][] = [
    ["", "(a) project", "(b) floor", "a/b"],
    [`median wall s (${runs} run${runs === 1 ? "" : "s"})`, ta.toFixed(2), tb.toFixed(2), (ta / tb).toFixed(2)],
    ["peak RSS MB", ma.toFixed(0), mb.toFixed(0), (ma / mb).toFixed(2)],
    ["HTML files", String(r.htmlA), String(r.htmlB), (r.htmlA / r.htmlB).toFixed(2)],
  ];
  const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log(`\n${r.posts} synthetic posts`);
  for (const [i, row] of rows.entries()) {
    console.log(`  ${row[0].padEnd(w[0]!)}  ${row[1].padStart(w[1]!)}  ${row[2].padStart(w[2]!)}  ${row[3].padStart(w[3]!)}`);
    if (i === 0) console.log(`  ${"-".repeat(w[0]! + w[1]! + w[2]! + w[3]! + 6)}`);
  }
  if (r.searchCold && r.onePostEdited) {
    console.log(`  not in the ratio: search index rebuilt from nothing ${r.searchCold.seconds.toFixed(2)} s / ${r.searchCold.rssMb.toFixed(0)} MB; one post of this year edited ${r.onePostEdited.seconds.toFixed(2)} s / ${r.onePostEdited.rssMb.toFixed(0)} MB`);
  }
  if (r.devLoop) {
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(", ")})`;
    console.log(`  dev loop (npm start, ${r.posts} posts), from save to the post's page rewritten, median of ${r.devLoop.body.length}:`);
    console.log(`    body edit   ${ms(r.devLoop.body)}   target 1000 ms`);
    console.log(`    title edit  ${ms(r.devLoop.title)}   target 2000 ms`);
    console.log(`    date edit   ${ms(r.devLoop.date)}   target 2000 ms`);
    console.log("    checked after each save: neighbours' previous/next links (title), blog index, tag page and both feeds (date)");
  }
  console.log(
    `summary: ${r.posts} posts: project ${ta.toFixed(2)} s / ${ma.toFixed(0)} MB vs floor ${tb.toFixed(2)} s / ${mb.toFixed(0)} MB ` +
      `= ${(ta / tb).toFixed(2)}x time, ${(ma / mb).toFixed(2)}x memory (${r.htmlA} vs ${r.htmlB} HTML files)`,
  );
}

// ---------------------------------------------------------------------------

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
  const totals = () => os.cpus().reduce((acc, c) => ({ idle: acc.idle + c.times.idle, all: acc.all + Object.values(c.times).reduce((x, y) => x + y, 0) }), { idle: 0, all: 0 });
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = totals();
  const busy = 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
  if (busy > 0.25) console.log(`bench: note: the CPUs were ${(busy * 100).toFixed(0)}% busy before the runs; other work on this machine will make wall times noisy`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts === "help") {
    console.log(USAGE);
    return;
  }
  keep = opts.keep;
  if (!existsSync(GNU_TIME)) fail(`${GNU_TIME} (GNU time) is needed to measure peak memory; install the "time" package`);
  // Whatever way the bench ends (error, Ctrl-C, a closed pipe), no temp folder is left behind.
  process.on("exit", () => cleanUp());
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => process.exit(sig === "SIGINT" ? 130 : 143));
  process.stdout.on("error", (err: NodeJS.ErrnoException) => process.exit(err.code === "EPIPE" ? 0 : 1));
  console.log(`bench: posts ${opts.posts.join(", ")}; ${opts.runs} timed run(s) each after one warm-up; node ${process.version}, ${os.cpus().length} CPUs`);
  await warnIfBusy();
  const results: Result[] = [];
  for (const n of opts.posts) {
    results.push(await benchSize(n, opts.runs));
    report(results.at(-1)!, opts.runs);
  }
  await benchImages();
  if (results.length > 1) {
    console.log("");
    for (const r of results) {
      const ta = median(r.a.map((m) => m.seconds));
      const tb = median(r.b.map((m) => m.seconds));
      console.log(`  ${String(r.posts).padStart(6)} posts: ${(ta / tb).toFixed(2)}x time, ${(Math.max(...r.a.map((m) => m.rssMb)) / Math.max(...r.b.map((m) => m.rssMb))).toFixed(2)}x memory`);
    }
  }
}

/** The demo site's images: encoded from scratch (empty cache), then reused from the cache. */
async function benchImages(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "pp-bench-img-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PRACTICE_CACHE: path.join(tmp, "cache"), PRACTICE_OUT: path.join(tmp, "out"), SOURCE_DATE_EPOCH };
  delete env.PRACTICE_MODE;
  delete env.PATH_PREFIX;
  const build: Build = { label: "demo", args: [process.execPath, "scripts/build.mjs"], env, out: path.join(tmp, "out") };
  try {
    const cold = await runOnce(build);
    const warm = await runOnce(build);
    console.log(`\nimages (demo site): cold cache ${cold.seconds.toFixed(2)} s, warm cache ${warm.seconds.toFixed(2)} s`);
    console.log("\npage weight (demo site, gzip bytes of HTML + CSS + first-party JS; images and video left out):");
    for (const budget of BUDGETS) {
      const w = pageWeight(build.out, await readFile(path.join(build.out, budget.file), "utf8"), [...budget.strip]);
      const ok = w.total <= budget.total && w.js <= JS_BUDGET;
      console.log(
        `  ${budget.name.padEnd(36)} ${(w.total / 1024).toFixed(1).padStart(5)} KB (HTML ${(w.html / 1024).toFixed(1)}, CSS ${(w.css / 1024).toFixed(1)}, JS ${(w.js / 1024).toFixed(1)})  budget ${budget.total / 1024} KB, JS ${JS_BUDGET / 1024} KB  ${ok ? "ok" : "OVER"}`,
      );
    }
  } finally {
    if (!keep) await rm(tmp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error("(rerun with --keep to inspect the temp folders)");
  process.exitCode = 1;
}
