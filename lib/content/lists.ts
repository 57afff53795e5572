// Site-wide lists computed once per build: related posts, the tag index and the blog's
// pages of ten.
import type { Pager, Post, Tag } from "../model/model.ts";

export const POSTS_PER_PAGE = 10;

export const RELATED_POSTS = 3;

/**
 * Other posts a parent reading one may want next: those sharing the most tags with it, then
 * the newest; never the post itself, nor the posts its previous/next links already offer.
 */
export function relatedPosts(post: Post, listing: readonly Post[]): Post[] {
  const tags = new Set(post.tags.map((t) => t.slug));
  const shared = (p: Post) => p.tags.filter((t) => tags.has(t.slug)).length;
  return listing
    .filter((p) => p.key !== post.key && p !== post.newer && p !== post.older)
    .map((p, i) => ({ p, i, score: shared(p) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, RELATED_POSTS)
    .map((x) => x.p);
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
