// `npm run comments:import`: form submissions (a JSON or CSV export from Netlify Forms or
// another form service) in, comment files for review out. Pure: text and what the site
// already has in, a plan (files to write, rows skipped and why) out; the script does I/O.
//
// Privacy: only the name, comment, post, date, language and reply are ever read from a
// submission. Email addresses, IP addresses and browser details stay in the export.
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { COMMENT_ID_RE } from "../schema/comment.ts";
import { COMMENT_MAX_CHARS, COMMENTS_FOLDER } from "../comments/load.ts";
import { renderComment } from "../comments/markdown.ts";
import type { CommentMode } from "../schema/content.ts";

/** The columns (or JSON fields) read, by their normalised name: lowercase letters and digits only. */
const COLUMNS = {
  // Google Forms names columns after their questions: "Your name", "Which post are you commenting on?".
  author: ["name", "author", "yourname", "fullname"],
  body: ["comment", "body", "message", "text", "yourcomment", "comments"],
  post: ["post", "postslug", "slug", "postkey", "whichpost", "whichpostareyoucommentingon", "postaddress", "page"],
  date: ["createdat", "date", "submittedat", "timestamp", "created", "submissiondate"],
  replyTo: ["replyto", "inreplyto"],
  lang: ["lang", "language"],
  honeypot: ["website", "botfield", "honeypot"],
} as const;

type Field = keyof typeof COLUMNS;

export interface Submission {
  /** Where it was in the export, for the report: "row 3" (CSV) or "entry 2" (JSON). */
  where: string;
  fields: Partial<Record<Field, string>>;
}

export class ImportError extends Error {}

/** Only the fields we use; everything else (email, ip, user agent) is dropped here. */
function pick(record: Record<string, unknown>): Partial<Record<Field, string>> {
  const byName = new Map<string, string>();
  for (const [key, value] of Object.entries(record)) {
    // A CSV cell or JSON value: text, a number or true/false; nothing else is a field.
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") continue;
    byName.set(key.toLowerCase().replace(/[^a-z0-9]/g, ""), String(value));
  }
  const out: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(COLUMNS) as Field[]) {
    for (const name of COLUMNS[field]) {
      const v = byName.get(name);
      if (v !== undefined && v.trim() !== "") {
        out[field] = v;
        break;
      }
    }
  }
  return out;
}

/** RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new ImportError("the CSV file ends inside a quoted field (a missing closing quote)");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

export function parseSubmissions(text: string, format: "json" | "csv"): Submission[] {
  if (format === "csv") {
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    return rows.map((cells, i) => ({ where: `row ${i + 2}`, fields: pick(Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]))) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message}`);
  }
  // A plain list, or { submissions: [...] }; each item either flat or Netlify's { data: {...}, created_at }.
  const list = Array.isArray(data) ? data : (data as { submissions?: unknown })?.submissions;
  if (!Array.isArray(list)) throw new ImportError("expected a JSON list of submissions (or { \"submissions\": [...] })");
  return list.map((item, i) => {
    const record = (item ?? {}) as Record<string, unknown>;
    const nested = record.data && typeof record.data === "object" ? (record.data as Record<string, unknown>) : undefined;
    const fields = nested ? { ...pick(nested), ...pickDate(record, nested) } : pick(record);
    return { where: `entry ${i + 1}`, fields };
  });
}

function pickDate(record: Record<string, unknown>, nested: Record<string, unknown>): Partial<Record<Field, string>> {
  const date = pick(nested).date ?? pick(record).date;
  return date ? { date } : {};
}

export interface ImportContext {
  /** Keys of the site's posts (file names without date and language). */
  postKeys: ReadonlySet<string>;
  /** Ids of the comment files already in content/comments/<post>/, per post. */
  existing: ReadonlyMap<string, readonly string[]>;
  /** The practice's time zone: dates without an offset are read in it. */
  zone: string;
  langs: readonly string[];
  defaultLang: string;
  /** More links than this is link-stuffing. */
  maxLinks?: number;
  /**
   * Each post's comment setting (its `comments:`, else practice.yaml's, else "off") and, with
   * commentsCloseAfterDays, when they close. A post missing here counts as open.
   */
  modes?: ReadonlyMap<string, PostComments>;
}

export interface PostComments {
  mode: CommentMode;
  /** When commentsCloseAfterDays closes the post's comments. */
  closesAt?: DateTime;
}

export interface PlannedFile {
  /** Inside the content folder: comments/<post>/<id>.md */
  path: string;
  text: string;
  where: string;
  author: string;
}

export interface Skipped {
  where: string;
  /** "closed": the post's comments are off, or closed before it was sent: never shown, so not written. */
  reason: "duplicate" | "spam" | "invalid" | "closed";
  detail: string;
}

export interface ImportPlan {
  read: number;
  files: PlannedFile[];
  skipped: Skipped[];
  /** Written, but worth a look: a comment on a post whose comments are closed now. */
  review: { where: string; detail: string }[];
}

export const MAX_LINKS = 2;
const NAME_MAX = 80;
// Control characters and bidirectional overrides, which could disguise a name.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function planImport(submissions: readonly Submission[], ctx: ImportContext): ImportPlan {
  const plan: ImportPlan = { read: submissions.length, files: [], skipped: [], review: [] };
  const seen = new Map<string, string>();
  for (const [post, ids] of ctx.existing) for (const id of ids) seen.set(`${post}:${id.slice(-8)}`, `${COMMENTS_FOLDER}/${post}/${id}.md`);
  const skip = (where: string, reason: Skipped["reason"], detail: string) => plan.skipped.push({ where, reason, detail });

  for (const s of submissions) {
    const f = s.fields;
    if (f.honeypot?.trim()) {
      skip(s.where, "spam", "the hidden honeypot field was filled in");
      continue;
    }
    const author = (f.author ?? "").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
    const body = (f.body ?? "").replace(/\r\n?/g, "\n").replace(INVISIBLE, (c) => (c === "\t" ? c : "")).trim();
    // A form's hidden field or a parent may give the post's address: https://site/blog/sun-safety/ → sun-safety.
    const post = (f.post ?? "").trim().toLowerCase().replace(/^https?:\/\/[^/]+/, "").replace(/^\/?(?:[a-z]{2}\/)?blog\//, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
    if (!post) {
      skip(s.where, "invalid", "no post (expected a post column with the post's key, e.g. sun-safety)");
      continue;
    }
    if (!ctx.postKeys.has(post)) {
      skip(s.where, "invalid", `no post "${post}" on this site`);
      continue;
    }
    if (!body) {
      skip(s.where, "invalid", "the comment is empty");
      continue;
    }
    const links = renderComment(body).links;
    if (links > (ctx.maxLinks ?? MAX_LINKS)) {
      skip(s.where, "spam", `${links} links (more than ${ctx.maxLinks ?? MAX_LINKS})`);
      continue;
    }
    if (!author) {
      skip(s.where, "invalid", "no name");
      continue;
    }
    if (author.length > NAME_MAX) {
      skip(s.where, "invalid", `the name is longer than ${NAME_MAX} characters`);
      continue;
    }
    if (body.length > COMMENT_MAX_CHARS) {
      skip(s.where, "invalid", `the comment is longer than ${COMMENT_MAX_CHARS} characters`);
      continue;
    }
    const date = parseDate(f.date, ctx.zone);
    if (!date) {
      skip(s.where, "invalid", f.date ? `unreadable date ${JSON.stringify(f.date)}` : "no date (expected a created_at or date column)");
      continue;
    }
    // A post whose comments are off never shows one: the file would be written and lost from sight.
    const setting = ctx.modes?.get(post);
    if (setting?.mode === "off") {
      skip(s.where, "closed", `comments are off on "${post}" (its comments: setting, or practice.yaml's), so the comment would never be shown: to publish it, set comments: open or closed in the post's front matter and import again`);
      continue;
    }
    if (setting?.closesAt && date >= setting.closesAt) {
      skip(s.where, "closed", `sent ${date.toISODate()}, after comments on "${post}" closed (${setting.closesAt.toISODate()}, commentsCloseAfterDays in practice.yaml): the form was no longer shown, so it is likely a bot`);
      continue;
    }
    const replyTo = f.replyTo?.trim();
    if (replyTo && !COMMENT_ID_RE.test(replyTo)) {
      skip(s.where, "invalid", `reply-to ${JSON.stringify(replyTo)} is not a comment id`);
      continue;
    }
    // A reply to a comment the post does not have would stop the build: left out, with the reason.
    const onPost = (id: string) => (ctx.existing.get(post) ?? []).includes(id) || plan.files.some((p) => p.path === `${COMMENTS_FOLDER}/${post}/${id}.md`);
    if (replyTo && !onPost(replyTo)) {
      skip(s.where, "invalid", `reply-to ${JSON.stringify(replyTo)} is no comment on "${post}"`);
      continue;
    }
    // Stable: the same comment (post, name, text) always gets the same hash, however often it was sent.
    const hash = createHash("sha256").update(`${post}\n${author.toLowerCase()}\n${body}`).digest("hex").slice(0, 8);
    const already = seen.get(`${post}:${hash}`);
    if (already) {
      skip(s.where, "duplicate", `same as ${already}`);
      continue;
    }
    const id = `${date.toISODate()}-${hash}`;
    const path = `${COMMENTS_FOLDER}/${post}/${id}.md`;
    seen.set(`${post}:${hash}`, path);
    const lang = f.lang?.trim().toLowerCase();
    const front = [
      `# Imported from a form submission (${s.where}). Read it whole before committing: publish it only if`,
      "# it is kind, on topic and has no health details about a child. Delete this file to reject it.",
      `author: ${JSON.stringify(author)}`,
      `date: ${JSON.stringify(date.toISO({ suppressMilliseconds: true }))}`,
      ...(replyTo ? [`replyTo: ${JSON.stringify(replyTo)}`] : []),
      ...(lang && lang !== ctx.defaultLang && ctx.langs.includes(lang) ? [`lang: ${lang}`] : []),
    ];
    plan.files.push({ path, text: `---\n${front.join("\n")}\n---\n${body}\n`, where: s.where, author });
    // "closed" still shows the comments a post has, under "Comments are closed".
    if (setting?.mode === "closed") {
      plan.review.push({ where: s.where, detail: `comments on "${post}" are closed (comments: closed): it is shown under the post all the same; delete ${path} if it came after you closed them` });
    }
  }
  return plan;
}

/** ISO with or without offset, "2026-02-04 17:30:12 UTC", RFC 2822 or HTTP dates; no offset: the practice's zone. */
export function parseDate(value: string | undefined, zone: string): DateTime | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const sql = v.replace(/\s+UTC$/i, "Z").replace(/Z$/, "");
  const tries = [
    DateTime.fromISO(v, { zone, setZone: false }),
    DateTime.fromSQL(sql, { zone: /\s+UTC$|Z$/i.test(v) ? "utc" : zone }),
    DateTime.fromRFC2822(v),
    DateTime.fromHTTP(v),
    // Google Forms' "Timestamp" (11/20/2026 15:04:05): month first, unless the first number cannot be a month.
    ...["M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm"].map((f) => DateTime.fromFormat(v, f, { zone })),
  ];
  const dt = tries.find((d) => d.isValid);
  return dt?.setZone(zone).startOf("second");
}

export function formatReport(plan: ImportPlan, source: string, opts: { contentDir: string; dryRun?: boolean }): string {
  const lines: string[] = [];
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  lines.push(`Read ${n(plan.read, "submission")} from ${source}.`);
  if (plan.files.length) {
    lines.push(`${opts.dryRun ? "Would write" : "Wrote"} ${n(plan.files.length, "comment file")} for review:`);
    for (const f of plan.files) lines.push(`  ${opts.contentDir}/${f.path}  (${f.where}, ${JSON.stringify(f.author)})`);
  } else lines.push("No new comments.");
  const group = (reason: Skipped["reason"], title: string) => {
    const items = plan.skipped.filter((s) => s.reason === reason);
    if (!items.length) return;
    lines.push(`${title} (${items.length}):`);
    for (const s of items) lines.push(`  ${s.where}: ${s.detail}`);
  };
  group("duplicate", "Skipped as duplicates");
  group("spam", "Skipped as spam");
  group("invalid", "Could not import");
  group("closed", "Not imported: the post's comments are off or were closed");
  if (plan.review.length) {
    lines.push(`Needs a look (${plan.review.length}):`);
    for (const r of plan.review) lines.push(`  ${r.where}: ${r.detail}`);
  }
  lines.push("Email addresses, IP addresses and other details in the export were not copied.");
  if (plan.files.length && !opts.dryRun) {
    lines.push("Nothing is published yet. Read every new file, delete the ones to reject, then build and commit the rest.");
  }
  return lines.join("\n");
}
