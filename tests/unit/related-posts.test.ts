// Related posts (lib/content/lists.ts) come from a tag index rather than a sort of the whole
// listing per post; on random listings they must be exactly what the plain definition gives:
// most shared tags first, then the newest, never the post itself nor its previous/next posts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { relatedPostsOf, RELATED_POSTS } from "../../lib/content/lists.ts";
import type { Post } from "../../lib/model/model.ts";

// The definition, written the obvious way.
function byDefinition(post: Post, listing: readonly Post[]): Post[] {
  const tags = new Set(post.tags.map((t) => t.slug));
  const shared = (p: Post) => p.tags.filter((t) => tags.has(t.slug)).length;
  return listing
    .filter((p) => p.key !== post.key && p !== post.newer && p !== post.older)
    .map((p, i) => ({ p, i, score: shared(p) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, RELATED_POSTS)
    .map((x) => x.p);
}

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function listingOf(n: number, tagCount: number, random: () => number): Post[] {
  const posts = Array.from({ length: n }, () => {
    const tags = Array.from({ length: Math.floor(random() * 4) }, () => {
      const slug = `t${Math.floor(random() * tagCount)}`;
      return { slug, name: slug, url: `/blog/tags/${slug}/` };
    });
    // Some keys repeat, as a translation and its original share one.
    return { key: `p${Math.floor(random() * n * 0.9)}`, tags } as unknown as Post;
  });
  posts.forEach((p, i) => {
    if (random() < 0.8) p.newer = posts[i - 1];
    if (random() < 0.8) p.older = posts[i + 1];
  });
  return posts;
}

test("related posts match the definition on random listings (ties, no tags, repeated tags, few posts)", () => {
  const random = rng(7);
  let compared = 0;
  for (const [n, tagCount] of [
    [0, 3],
    [1, 3],
    [2, 1],
    [4, 2],
    [30, 1],
    [60, 5],
    [200, 12],
    [300, 40],
  ] as const) {
    const listing = listingOf(n, tagCount, random);
    const related = relatedPostsOf(listing);
    for (const post of listing) {
      assert.deepEqual(related(post), byDefinition(post, listing), `listing of ${n}, post ${post.key}`);
      compared++;
    }
  }
  assert.ok(compared > 500);
});
