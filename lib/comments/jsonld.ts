// schema.org for a post's comments: BlogPosting's commentCount and comment list.
import type { Post, Site } from "../model/model.ts";
import { machineDate } from "../model/time.ts";

export function commentsJsonLd(site: Site, post: Post): Record<string, unknown> {
  const d = post.discussion;
  if (post.comments === "off" || !d) return {};
  const u = site.urls;
  const idOf = (id: string) => `${u.absolute(post.url)}#comment-${id}`;
  return {
    commentCount: d.count,
    comment: d.all.map((c) => ({
      "@type": "Comment",
      "@id": idOf(c.id),
      url: idOf(c.id),
      datePublished: machineDate(c.date),
      text: c.text,
      inLanguage: c.lang,
      author: c.provider
        ? { "@type": "Person", name: c.provider.name, honorificSuffix: c.provider.credentials, url: u.absolute(c.provider.url) }
        : { "@type": "Person", name: c.author },
      ...(c.replyTo ? { parentItem: { "@id": idOf(c.replyTo) } } : {}),
    })),
  };
}
