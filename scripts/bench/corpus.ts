// Synthetic posts: deterministic, schema-valid, realistic-looking Markdown (headings,
// lists, links, images from a pool, some videos, comment threads, 1-3 tags, ten years of
// dates), written into a copy of the demo's content/.
import { cpSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { POOL, POOL_DIR, writeImagePool } from "./images.ts";
import {
  AGES,
  AUTHORS,
  COMMENT_LINES,
  COMMENTERS,
  EXTERNAL,
  HEADINGS,
  INTERNAL,
  OPENERS,
  PLACES,
  REPLY_LINES,
  SEED,
  SENTENCES,
  SIGNS,
  STEPS,
  TAGS,
  TOPICS,
  VIDEO_LINES,
  POOL_ALTS,
  between,
  cap,
  mulberry32,
  pick,
  pickSome,
  wordCount,
  type Rng,
} from "./random.ts";

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

export function syntheticPost(i: number): SyntheticPost {
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
  if (!links.external)
    closing.push(
      `For more reading, see [the national guidance on ${topic}](https://example.org/guidance/${topic.replace(/[^a-z0-9]+/g, "-")}).`,
    );
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

export async function prepare(root: string, n: number, tempDirs: Set<string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `practice-press-bench-${n}-`));
  tempDirs.add(dir);
  cpSync(path.join(root, "examples", "demo", "content"), path.join(dir, "content"), { recursive: true });
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
