// `npm run comments:import`: form submissions (a JSON or CSV export from Netlify Forms or
// another form service) in, comment files for review out. Pure: text and what the site
// already has in, a plan (files to write, rows skipped and why) out; the script does I/O.
//
// Privacy: only the name, comment, post, date, language and reply are ever read from a
// submission. Email addresses, IP addresses and browser details stay in the export.
//
// Reading the export (CSV or JSON, the fields we use, dates): comments-parse.ts.
import { createHash } from "node:crypto";
import type { DateTime } from "luxon";
import { COMMENT_ID_RE } from "../schema/comment.ts";
import { COMMENT_MAX_CHARS, COMMENTS_FOLDER } from "../comments/load.ts";
import { renderComment } from "../comments/markdown.ts";
import type { CommentMode } from "../schema/content.ts";
import { parseDate, type Submission } from "./comments-parse.ts";

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
    const body = (f.body ?? "")
      .replace(/\r\n?/g, "\n")
      .replace(INVISIBLE, (c) => (c === "\t" ? c : ""))
      .trim();
    // A form's hidden field or a parent may give the post's address: https://site/blog/sun-safety/ → sun-safety.
    const post = (f.post ?? "")
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/[^/]+/, "")
      .replace(/^\/?(?:[a-z]{2}\/)?blog\//, "")
      .replace(/[?#].*$/, "")
      .replace(/\/+$/, "");
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
      skip(
        s.where,
        "closed",
        `comments are off on "${post}" (its comments: setting, or practice.yaml's), so the comment would never be shown: to publish it, set comments: open or closed in the post's front matter and import again`,
      );
      continue;
    }
    if (setting?.closesAt && date >= setting.closesAt) {
      skip(
        s.where,
        "closed",
        `sent ${date.toISODate()}, after comments on "${post}" closed (${setting.closesAt.toISODate()}, commentsCloseAfterDays in practice.yaml): the form was no longer shown, so it is likely a bot`,
      );
      continue;
    }
    const replyTo = f.replyTo?.trim();
    if (replyTo && !COMMENT_ID_RE.test(replyTo)) {
      skip(s.where, "invalid", `reply-to ${JSON.stringify(replyTo)} is not a comment id`);
      continue;
    }
    // A reply to a comment the post does not have would stop the build: left out, with the reason.
    const onPost = (id: string) =>
      (ctx.existing.get(post) ?? []).includes(id) || plan.files.some((p) => p.path === `${COMMENTS_FOLDER}/${post}/${id}.md`);
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
      plan.review.push({
        where: s.where,
        detail: `comments on "${post}" are closed (comments: closed): it is shown under the post all the same; delete ${path} if it came after you closed them`,
      });
    }
  }
  return plan;
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
