// The plan's comments. Step 1b: which come in (approved, with a date and some text) and their
// new ids, chosen before any text is converted so links to an old comment (#comment-501) land
// on it. Step 5: the comment files, threaded, a signed-in staff member's reply as the
// practice's, converted once the posts' documents are known (a comment may link to one).
import { COMMENT_MAX_CHARS } from "../../comments/load.ts";
import { htmlToMarkdown, autop } from "./html.ts";
import type { WxrComment } from "./wxr.ts";
import type { ImportReport, PlannedFile } from "./types.ts";
import type { Target } from "./targets.ts";
import type { Links, Review } from "./links.ts";
import type { MediaPlan } from "./media.ts";
import type { SiteIndex } from "./site-index.ts";
import { circular, clip, frontMatter, personKey, shortHash, wpDate } from "./paths.ts";

interface Kept {
  c: WxrComment;
  date: string;
  id: string;
}

export interface ChosenComments {
  kept: Map<Target, Kept[]>;
  /** Per post: the WordPress comment number → the new comment's id (its anchor is #comment-<id>). */
  ids: Map<Target, Map<number, string>>;
}

const skipComment = (report: ImportReport, reason: string) => (report.commentsSkipped[reason] = (report.commentsSkipped[reason] ?? 0) + 1);
const commentWhere = (c: WxrComment, t: Target) => `comment ${c.id} by “${c.author || "anonymous"}” on “${t.item.title}”`;

export function chooseComments(targets: readonly Target[], siteUrl: string, zone: string, report: ImportReport): ChosenComments {
  const kept = new Map<Target, Kept[]>();
  const ids = new Map<Target, Map<number, string>>();
  for (const t of targets) {
    if (t.kind !== "post") continue;
    const list: Kept[] = [];
    const byWp = new Map<number, string>();
    for (const c of t.item.comments) {
      if (c.type === "pingback" || c.type === "trackback") skipComment(report, c.type);
      else if (c.approval !== "approved") skipComment(report, c.approval);
      else {
        const date = wpDate(c.dateGmt, c.date, zone);
        if (!date) {
          report.skipped.push({ item: `comment ${c.id} on “${t.item.title}”`, message: `its date "${c.dateGmt || c.date}" is not a date` });
          skipComment(report, "broken date");
          continue;
        }
        // Links do not change whether there is text, and rarely the length (checked again once converted).
        const text = htmlToMarkdown(autop(c.content), { comment: true }).markdown.trim();
        if (!text) {
          skipComment(report, "no text");
          continue;
        }
        if (text.length > COMMENT_MAX_CHARS) {
          report.skipped.push({
            item: commentWhere(c, t),
            message: `${text.length} characters long; the site shows at most ${COMMENT_MAX_CHARS}`,
          });
          skipComment(report, "too long");
          continue;
        }
        const id = `${date.slice(0, 10)}-${shortHash(`${siteUrl}#comment-${c.id}`)}`;
        byWp.set(c.id, id);
        list.push({ c, date, id });
      }
    }
    kept.set(t, list);
    ids.set(t, byWp);
  }
  return { kept, ids };
}

/** Links in a comment: #comment-501 within the post to that comment's new anchor, the rest as in posts. */
function commentLink(links: Links, t: Target, review: Review) {
  const site = links.linkFor(review);
  const own = links.commentAnchorsOf(t);
  return (href: string): string => {
    if (!href.startsWith("#")) return site(href);
    let fragment = href.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      /* keep it as it is */
    }
    const id = own.get(fragment);
    if (id) return `#${id}`;
    review(
      `a link to "${href.slice(0, 40)}" points at nothing under the post${/^comment-\d+$/.test(fragment) ? " (that comment was not imported)" : ""}: its text is kept without the link`,
    );
    return "";
  };
}

/** The comment files, added to `files`; links already written to a comment left out after all go to the post's comments. */
export function writeComments(
  chosen: ChosenComments,
  deps: { links: Links; media: MediaPlan; site: SiteIndex },
  files: PlannedFile[],
  report: ImportReport,
): void {
  const tooLong = new Set<string>();
  for (const [t, kept] of chosen.kept) {
    const ids = chosen.ids.get(t)!;
    const ready: (Kept & { body: string; notes: string[]; where: string })[] = [];
    for (const { c, date, id } of kept) {
      const where = commentWhere(c, t);
      const notes: string[] = [];
      const converted = htmlToMarkdown(autop(c.content), {
        comment: true,
        link: commentLink(deps.links, t, (m) => notes.push(m)),
        file: deps.media.commentFileFor,
      });
      const body = converted.markdown.trim();
      // Rewritten links are rarely longer than the old ones; when they push a comment over the limit it is left out after all.
      if (!body || body.length > COMMENT_MAX_CHARS) {
        if (body)
          report.skipped.push({ item: where, message: `${body.length} characters long; the site shows at most ${COMMENT_MAX_CHARS}` });
        skipComment(report, body ? "too long" : "no text");
        ids.delete(c.id);
        tooLong.add(id);
        continue;
      }
      ready.push({ c, date, id, body, notes: [...converted.notes, ...notes], where });
    }
    for (const { c, date, id, body, notes, where } of ready) {
      for (const n of new Set(notes)) report.review.push({ item: where, message: n });
      // Only a signed-in WordPress user can be the practice: a visitor typing a provider's name is not.
      const provider = c.userId > 0 ? deps.site.providerByPerson.get(personKey(c.author)) : undefined;
      let replyTo: string | undefined;
      if (c.parent) {
        const loop = circular(c, kept);
        replyTo = loop ? undefined : ids.get(c.parent);
        if (!replyTo)
          report.review.push({
            item: where,
            message: loop
              ? "its thread leads back to itself in the export, so it is shown on its own"
              : "it answers a comment that was not imported (spam, pending or deleted), so it is shown on its own",
          });
      }
      const author = clip(c.author.trim() || "Anonymous", 80);
      // wordpressId: the page keeps the old anchor #comment-<number> for links from elsewhere.
      const fm = frontMatter({ author: provider ? undefined : author, date, replyTo, provider, wordpressId: c.id > 0 ? c.id : undefined });
      files.push({ path: `comments/${t.key}/${id}.md`, text: `${fm}${body}\n` });
      report.counts.comments++;
    }
  }
  if (tooLong.size) {
    for (const f of files) f.text = f.text.replace(/#comment-([a-z0-9-]+)/g, (m, id: string) => (tooLong.has(id) ? "#comments" : m));
  }
}
