// Site-wide lists computed once per build: related posts, the tag index and the blog's
// pages of ten.
import type { Pager, Post, Tag } from "../model/model.ts";

export const POSTS_PER_PAGE = 10;

export const RELATED_POSTS = 3;

/**
 * Other posts a parent reading one may want next: those sharing the most tags with it, then
 * the newest; never the post itself, nor the posts its previous/next links already offer.
 * Made once per listing: each post then looks only at the posts that share a tag with it
 * (a tag index), and keeps the best three as it goes, rather than sorting the whole listing
 * for every post (that was a fifth of a 1,000-post build).
 */
export function relatedPostsOf(listing: readonly Post[]): (post: Post) => Post[] {
  // Positions in the listing of the posts carrying each tag, once per time a post names it.
  const byTag = new Map<string, number[]>();
  listing.forEach((p, i) => {
    for (const t of p.tags) {
      const at = byTag.get(t.slug);
      if (at) at.push(i);
      else byTag.set(t.slug, [i]);
    }
  });
  return (post) => {
    const excluded = (p: Post) => p.key === post.key || p === post.newer || p === post.older;
    const score = new Map<number, number>();
    for (const slug of new Set(post.tags.map((t) => t.slug))) for (const i of byTag.get(slug) ?? []) score.set(i, (score.get(i) ?? 0) + 1);
    // The best RELATED_POSTS by most shared tags, then earliest in the listing (newest).
    const best: [number, number][] = [];
    for (const [i, s] of score) {
      if (excluded(listing[i]!)) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]![1] < s || (best[at - 1]![1] === s && best[at - 1]![0] > i))) at--;
      if (at < RELATED_POSTS) {
        best.splice(at, 0, [i, s]);
        best.length = Math.min(best.length, RELATED_POSTS);
      }
    }
    const related = best.map(([i]) => listing[i]!);
    // Too few share a tag: the newest of the rest (every post that shares one is already in).
    for (let i = 0; related.length < RELATED_POSTS && i < listing.length; i++) {
      if (!score.has(i) && !excluded(listing[i]!)) related.push(listing[i]!);
    }
    return related;
  };
}

export function collectTags(posts: readonly Post[]): Tag[] {
  const map = new Map<string, { slug: string; name: string; url: string; posts: Post[] }>();
  for (const post of posts) {
    for (const ref of post.tags) {
      let tag = map.get(ref.slug);
      if (!tag) map.set(ref.slug, (tag = { ...ref, posts: [] }));
      tag.posts.push(post);
    }
  }
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function paginate(posts: readonly Post[], base: string): { url: string; posts: readonly Post[]; pager: Pager }[] {
  const total = Math.max(1, Math.ceil(posts.length / POSTS_PER_PAGE));
  const urlOf = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: total }, (_, i) => ({
    url: urlOf(i + 1),
    posts: posts.slice(i * POSTS_PER_PAGE, (i + 1) * POSTS_PER_PAGE),
    pager: { page: i + 1, total, newer: i > 0 ? urlOf(i) : undefined, older: i + 1 < total ? urlOf(i + 2) : undefined },
  }));
}
