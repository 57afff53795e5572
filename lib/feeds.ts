// Atom and JSON Feed for one language's posts: model in, string out.
import { Feed } from "feed";
import type { Lang } from "./i18n/index.ts";
import { t, localeOf } from "./i18n/index.ts";
import type { Site } from "./model.ts";

export const FEED_SIZE = 20;

/** Feed readers show posts away from the site, so root-relative links must become absolute. */
export function absolutizeLinks(html: string, origin: string): string {
  return html.replace(/(\s(?:href|src))="(\/(?!\/)[^"]*)"/g, (_m, attr: string, path: string) => `${attr}="${origin}${path}"`);
}

/** Atom titles and summaries are typed as HTML by the feed writer, so text must be escaped for it. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function buildFeed(site: Site, lang: Lang, text: (s: string) => string): Feed {
  const u = site.urls;
  const posts = (site.byLang[lang]?.posts ?? []).filter((p) => p.status === "published").slice(0, FEED_SIZE);
  const home = u.absolute(u.local(lang, "/"));
  const feed = new Feed({
    id: home,
    link: home,
    title: text(t(lang, "feed.title", { practice: site.practice.name })),
    description: text(site.practice.description),
    language: localeOf(lang),
    // The newest post's date, not the build time, so unchanged content gives an unchanged feed.
    updated: posts[0]?.date.dt.toJSDate() ?? new Date(0),
    generator: "Practice Press",
    feedLinks: { atom: u.absolute(u.local(lang, "/feed.xml")), json: u.absolute(u.local(lang, "/feed.json")) },
    copyright: `© ${site.practice.name}`,
    author: { name: site.practice.name, link: home },
  });
  for (const post of posts) {
    const link = u.absolute(post.url);
    feed.addItem({
      title: text(post.title),
      id: link,
      link,
      date: post.date.dt.toJSDate(),
      published: post.date.dt.toJSDate(),
      description: text(post.description),
      content: absolutizeLinks(post.html, u.origin),
      author: post.author ? [{ name: `${post.author.name}, ${post.author.credentials}`, link: u.absolute(post.author.url) }] : undefined,
      category: post.tags.map((tag) => ({ name: tag.name, term: tag.slug })),
    });
  }
  return feed;
}

export function atomFeed(site: Site, lang: Lang): string {
  return buildFeed(site, lang, escapeHtml).atom1();
}

export function jsonFeed(site: Site, lang: Lang): string {
  return buildFeed(site, lang, (s) => s).json1();
}
