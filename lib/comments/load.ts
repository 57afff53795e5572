// Reads content/comments/<post key>/<id>.md, checks every file (its post, its reply,
// its provider, its date) and gives each post its discussion and its effective comment
// setting. Problems are collected with the rest of the content's, never thrown.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import type { Lang } from "../i18n/index.ts";
import type { Comment, Mode, Page, Post, Provider } from "../model/model.ts";
import type { Practice } from "../schema/practice.ts";
import type { CommentMode } from "../schema/content.ts";
import { COMMENT_ID_MAX, COMMENT_ID_RE, commentSchema, type CommentFrontMatter } from "../schema/comment.ts";
import type { Problem } from "../content/problems.ts";
import { listMarkdown, readMarkdownFile, sourceDigest, type SourceFile } from "../content/read.ts";
import { parseFileName } from "../content/paths.ts";
import type { ContentCaches } from "../content/caches.ts";
import { toZoned } from "../model/time.ts";
import { renderComment } from "./markdown.ts";
import { buildDiscussion, checkOldAnchors, checkReplies } from "./thread.ts";

export const COMMENTS_FOLDER = "comments";
/** Longer than any real comment; a wall of text is more likely spam or a pasted record. */
export const COMMENT_MAX_CHARS = 5000;

export interface CommentsInput {
  /** content/comments */
  dir: string;
  root: string;
  practice: Practice;
  practiceFile: string;
  langs: readonly Lang[];
  defaultLang: Lang;
  mode: Mode;
  now: DateTime;
  problems: Problem[];
  /** Every post file, valid or not, so a comment is never blamed for its post's mistake. */
  postFiles: readonly SourceFile[];
  /** The posts that loaded, in every language and status; each gets its discussion. */
  posts: Post[];
  pages: readonly Page[];
  /** Providers by `${lang}:${key}`. */
  providers: ReadonlyMap<string, Provider>;
  /** The host's path prefix ("" or "/clinic"), for links within the site in comments. */
  prefix?: string;
  /** Kept between loads of a build session (lib/content/caches.ts). */
  caches?: Pick<ContentCaches, "reads" | "slugs" | "commentHtml">;
}

/** Comments close this many days after publication when practice.yaml says so (at build time). */
export function effectiveMode(mode: CommentMode, published: DateTime, now: DateTime, closeAfterDays?: number): CommentMode {
  if (mode !== "open" || closeAfterDays === undefined) return mode;
  return now >= published.plus({ days: closeAfterDays }) ? "closed" : "open";
}

export async function attachComments(input: CommentsInput): Promise<void> {
  const { problems, practice } = input;
  for (const post of input.posts) post.comments = effectiveMode(post.comments, post.date.dt, input.now, practice.commentsCloseAfterDays);
  // Only a form that is shown can send a parent to a missing page.
  if (input.posts.some((p) => p.comments === "open")) checkEndpoint(input);

  const folders = await commentFolders(input);
  const postKeys = new Set<string>();
  for (const f of input.postFiles) {
    const id = parseFileName("post", f.name, input.langs, input.defaultLang, input.caches?.slugs);
    if (!("error" in id)) postKeys.add(id.key);
  }
  for (const [postKey, files] of folders) {
    if (!postKeys.has(postKey)) {
      const known = [...postKeys].sort().join(", ") || "none yet";
      for (const f of files) {
        problems.push({
          file: f.file,
          message: `no post "${postKey}" for this comment: the folder must be named after a post's file name without its date and language (known: ${known})`,
        });
      }
      continue;
    }
    const comments = files.map((f) => toComment(input, f)).filter((c) => c !== undefined);
    const ok = checkReplies(comments, problems);
    checkOldAnchors(comments, problems);
    const discussion = buildDiscussion(comments.filter((c) => ok.has(c.id)));
    for (const post of input.posts) if (post.key === postKey && post.comments !== "off") post.discussion = discussion;
  }
}

async function commentFolders(input: CommentsInput): Promise<Map<string, SourceFile[]>> {
  const out = new Map<string, SourceFile[]>();
  let entries;
  try {
    entries = (await readdir(input.dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return out;
    const file = path.relative(input.root, input.dir).split(path.sep).join("/");
    input.problems.push({
      file,
      message:
        code === "ENOTDIR"
          ? `expected a folder here (${COMMENTS_FOLDER}/<post>/<id>.md), found a file`
          : `the folder could not be read (${code ?? (err as Error).message})`,
    });
    return out;
  }
  const rel = (name: string) => path.relative(input.root, path.join(input.dir, name)).split(path.sep).join("/");
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    if (e.isDirectory()) out.set(e.name, await listMarkdown(path.join(input.dir, e.name), input.root, input.problems));
    else if (e.name.toLowerCase().endsWith(".md")) {
      input.problems.push({
        file: rel(e.name),
        message: `a comment belongs in the folder of its post: ${COMMENTS_FOLDER}/<post>/${e.name}, where <post> is the post's file name without its date`,
      });
    }
  }
  return out;
}

function toComment(input: CommentsInput, f: SourceFile): Comment | undefined {
  const id = f.name.replace(/\.md$/i, "");
  if (!COMMENT_ID_RE.test(id) || id.length > COMMENT_ID_MAX) {
    input.problems.push({
      file: f.file,
      message: `the file name is the comment's id and its anchor: use lowercase letters, digits and dashes (at most ${COMMENT_ID_MAX}), such as 2026-02-04-3f9a1c2e.md`,
    });
    return undefined;
  }
  const result = readMarkdownFile(commentSchema, f, input.caches?.reads);
  if (!result.ok) {
    input.problems.push(...result.problems);
    return undefined;
  }
  const fm: CommentFrontMatter = result.data;
  let provider: Provider | undefined;
  if (fm.provider) {
    provider =
      input.providers.get(`${input.defaultLang}:${fm.provider}`) ?? [...input.providers.values()].find((p) => p.key === fm.provider);
    if (!provider) {
      const known = [...new Set([...input.providers.values()].map((p) => p.key))].sort().join(", ") || "none yet";
      input.problems.push({ file: f.file, field: "provider", message: `no provider with the slug "${fm.provider}" (known: ${known})` });
      return undefined;
    }
  }
  const text = result.body.trim();
  if (!text) {
    input.problems.push({ file: f.file, field: "body", message: "the comment has no text under its front matter" });
    return undefined;
  }
  if (text.length > COMMENT_MAX_CHARS) {
    input.problems.push({
      file: f.file,
      field: "body",
      message: `the comment is ${text.length} characters long; at most ${COMMENT_MAX_CHARS}`,
    });
    return undefined;
  }
  const lang = fm.lang ?? input.defaultLang;
  if (!input.langs.includes(lang)) {
    input.problems.push({
      file: f.file,
      field: "lang",
      message: `"${lang}" is not one of the site's languages (${input.langs.join(", ")})`,
    });
    return undefined;
  }
  return {
    id,
    file: f.file,
    author: fm.author ?? provider!.name,
    date: toZoned(fm.date, input.practice.timezone),
    lang,
    html: commentHtml(input, f, text),
    text,
    replyTo: fm.replyTo,
    provider,
    wordpressId: fm.wordpressId,
  };
}

/** The comment's HTML, from the session's cache while its text and the prefix are the same (a warm build renders none). */
function commentHtml(input: CommentsInput, f: SourceFile, text: string): string {
  const cache = input.caches?.commentHtml;
  if (!cache) return renderComment(text, { prefix: input.prefix }).html;
  // The text is the file's body: the file's digest stands for it.
  const digest = sourceDigest(f);
  const prefix = input.prefix ?? "";
  const kept = cache.get(f.abs);
  if (kept && kept.digest === digest && kept.prefix === prefix) return kept.html;
  const html = renderComment(text, { prefix }).html;
  cache.set(f.abs, { digest, prefix, html });
  return html;
}

/** A site-path endpoint is Netlify Forms' thank-you page, so that page must exist. */
function checkEndpoint(input: CommentsInput): void {
  const form = input.practice.commentForm;
  if (!form || !form.endpoint.startsWith("/")) return;
  const field = "commentForm.endpoint";
  if (!form.netlify) {
    input.problems.push({
      file: input.practiceFile,
      field,
      message: `a site path works only with Netlify Forms (netlify: true); give your form service's https:// address`,
    });
    return;
  }
  const target = form.endpoint.replace(/[?#].*$/, "");
  const built = input.pages.some(
    (p) => p.url === target && p.lang === input.defaultLang && (p.status === "published" || input.mode === "preview"),
  );
  if (!built) {
    const name = target.replace(/^\/|\/$/g, "") || "index";
    input.problems.push({
      file: input.practiceFile,
      field,
      message: `no page at ${target}: write content/pages/${name}.md, the page parents see after sending a comment`,
    });
  }
}
