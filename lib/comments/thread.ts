// Threads of one post's comments: replies checked (the comment exists, no circles),
// then arranged oldest first with nesting capped at a depth a phone can still show.
import type { Comment, CommentNode, Discussion } from "../model/model.ts";
import type { Problem } from "../content/problems.ts";

/** Levels shown: a comment, a reply, and a reply to that; deeper replies sit beside their parent. */
export const MAX_DEPTH = 3;

type Checked = Pick<Comment, "id" | "file" | "replyTo">;

/**
 * Problems with `replyTo` among one post's comments: an id that is not a comment on this
 * post, or replies that lead back to themselves. Returns the ids safe to thread.
 */
export function checkReplies(comments: readonly Checked[], problems: Problem[]): Set<string> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const bad = new Set<string>();
  for (const c of comments) {
    if (c.replyTo === undefined) continue;
    if (!byId.has(c.replyTo)) {
      const others = [...byId.keys()].filter((id) => id !== c.id);
      problems.push({
        file: c.file,
        field: "replyTo",
        message: `no comment "${c.replyTo}" on this post (a reply names another comment's file name without .md${others.length ? `; this post has: ${others.join(", ")}` : "; this post has no other comments"})`,
      });
      bad.add(c.id);
    }
  }
  for (const c of comments) {
    if (bad.has(c.id)) continue;
    const path = [c.id];
    const seen = new Set(path);
    for (let at = byId.get(c.replyTo ?? ""); at; at = byId.get(at.replyTo ?? "")) {
      path.push(at.id);
      if (at.id === c.id) {
        problems.push({
          file: c.file,
          field: "replyTo",
          message: `replies go round in a circle (${path.join(" → ")}); a reply must answer an earlier comment`,
        });
        bad.add(c.id);
        break;
      }
      if (seen.has(at.id)) break; // a circle further up: reported on the files in it
      seen.add(at.id);
    }
  }
  // A comment answering a bad one cannot be placed either (the build fails anyway).
  const ok = new Set<string>();
  const placeable = (id: string, depth = 0): boolean => {
    const c = byId.get(id);
    if (!c || bad.has(id) || depth > comments.length) return false;
    return c.replyTo === undefined || placeable(c.replyTo, depth + 1);
  };
  for (const c of comments) if (placeable(c.id)) ok.add(c.id);
  return ok;
}

/**
 * The extra anchor an imported comment keeps for old WordPress links (#comment-501), or
 * undefined when it has none or it is already the comment's own (a file named 501.md).
 */
export function oldAnchorOf(c: Pick<Comment, "id" | "wordpressId">): string | undefined {
  return c.wordpressId === undefined || String(c.wordpressId) === c.id ? undefined : `comment-${c.wordpressId}`;
}

/**
 * Every anchor under one post must be unique: two comments cannot claim the same old
 * WordPress number, and an old number cannot be another comment's own id (a file named
 * 501.md). Problems name the later file and its wordpressId field.
 */
export function checkOldAnchors(comments: readonly Pick<Comment, "id" | "file" | "wordpressId">[], problems: Problem[]): void {
  const byAnchor = new Map<string, string>();
  for (const c of comments) byAnchor.set(`comment-${c.id}`, c.file);
  const claimed = new Map<number, string>();
  for (const c of comments) {
    if (c.wordpressId === undefined) continue;
    const first = claimed.get(c.wordpressId);
    if (first !== undefined) {
      problems.push({
        file: c.file,
        field: "wordpressId",
        message: `${first} already has wordpressId ${c.wordpressId}: each old WordPress comment number appears once per post (remove it from one of them)`,
      });
      continue;
    }
    claimed.set(c.wordpressId, c.file);
    const anchor = oldAnchorOf(c);
    const owner = anchor === undefined ? undefined : byAnchor.get(anchor);
    if (owner !== undefined) {
      problems.push({
        file: c.file,
        field: "wordpressId",
        message: `#${anchor} is already the address of ${owner} (its file name is ${c.wordpressId}.md): remove wordpressId here or rename that file`,
      });
    }
  }
}

export const byDate = (a: Comment, b: Comment) => a.date.dt.toMillis() - b.date.dt.toMillis() || a.id.localeCompare(b.id);

/** Comments whose replies were checked (checkReplies) into threads, oldest first at every level. */
export function buildDiscussion(comments: readonly Comment[], maxDepth = MAX_DEPTH): Discussion {
  if (maxDepth < 2) throw new Error("buildDiscussion: maxDepth must be at least 2");
  const all = [...comments].sort(byDate);
  const byId = new Map(all.map((c) => [c.id, c]));
  const children = new Map<string, Comment[]>();
  for (const c of all) {
    if (c.replyTo === undefined) continue;
    let list = children.get(c.replyTo);
    if (!list) children.set(c.replyTo, (list = []));
    list.push(c);
  }
  const descendants = (c: Comment): Comment[] => (children.get(c.id) ?? []).flatMap((d) => [d, ...descendants(d)]);
  const node = (c: Comment, depth: number): CommentNode => {
    // The last level shows every later reply in date order, each saying whom it answers.
    if (depth + 1 === maxDepth - 1) {
      const flat = descendants(c).sort(byDate);
      return {
        comment: c,
        replies: flat.map((d) => ({ comment: d, inReplyTo: d.replyTo !== c.id ? byId.get(d.replyTo!) : undefined, replies: [] })),
      };
    }
    return { comment: c, replies: (children.get(c.id) ?? []).map((d) => node(d, depth + 1)) };
  };
  return { count: all.length, threads: all.filter((c) => c.replyTo === undefined).map((c) => node(c, 0)), all };
}
