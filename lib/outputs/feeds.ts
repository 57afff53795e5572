// Atom and JSON Feed 1.1 for one language's posts: model in, string out.
import { Feed } from "feed";
import type { Lang } from "../i18n/index.ts";
import { t, localeOf } from "../i18n/index.ts";
import type { Site } from "../model/model.ts";
import { xmlText } from "./encode.ts";

export const FEED_SIZE = 20;
export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/** Feed readers show posts away from the site, so root-relative links must become absolute. */
export function absolutizeLinks(html: string, origin: string): string {
  return html.replace(/(\s(?:href|src))="(\/(?!\/)[^"]*)"/g, (_m, attr: string, path: string) => `${attr}="${origin}${path}"`);
}

/** Atom entry titles and summaries are typed as HTML by the feed writer, so text must be escaped for it. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// How each format takes a value: `text` for plain text, `html` for entry titles, summaries
// and content (HTML in Atom, where the writer puts them in CDATA sections), `plain` for
// text inside an HTML-typed element. Every value loses the characters XML cannot carry
// (Markdown bodies are not schema fields, so they may hold any character).
interface Encoders {
  text: (s: string) => string;
  entryText: (s: string) => string;
  html: (s: string) => string;
}

// The writer ends a CDATA section at the first "]]>" only; ">" as &gt; means the same in HTML.
const ATOM: Encoders = { text: xmlText, entryText: (s) => escapeHtml(xmlText(s)), html: (s) => xmlText(s).replace(/\]\]>/g, "]]&gt;") };
const JSON_FEED: Encoders = { text: xmlText, entryText: xmlText, html: xmlText };

function buildFeed(site: Site, lang: Lang, enc: Encoders): Feed {
  const u = site.urls;
  const posts = (site.byLang[lang]?.posts ?? []).filter((p) => p.status === "published").slice(0, FEED_SIZE);
  const home = u.absolute(u.local(lang, "/"));
  const feed = new Feed({
    id: home,
    link: home,
    title: enc.text(t(lang, "feed.title", { practice: site.practice.name })),
    description: enc.text(site.practice.description),
    language: localeOf(lang),
    // The newest post's date, not the build time, so unchanged content gives an unchanged feed.
    updated: posts[0]?.date.dt.toJSDate() ?? new Date(0),
    generator: "Practice Press",
    feedLinks: { atom: u.absolute(u.local(lang, "/feed.xml")), json: u.absolute(u.local(lang, "/feed.json")) },
    copyright: enc.text(`© ${site.practice.name}`),
    author: { name: enc.text(site.practice.name), link: home },
  });
  for (const post of posts) {
    const link = u.absolute(post.url);
    feed.addItem({
      title: enc.entryText(post.title),
      id: link,
      link,
      date: post.date.dt.toJSDate(),
      published: post.date.dt.toJSDate(),
      description: enc.entryText(post.description),
      content: enc.html(absolutizeLinks(post.html, u.origin)),
      author: post.author ? [{ name: enc.text(post.author.fullName), link: u.absolute(post.author.url) }] : undefined,
      category: post.tags.map((tag) => ({ name: enc.text(tag.name), term: tag.slug })),
    });
  }
  return feed;
}

// The writer escapes only `"` in attributes (it turns `&` into &amp; before), so a "<" in a
// tag name (a category label) would end the XML; attribute values never hold `"` raw, so
// each one is found exactly.
function escapeAttributeLt(xml: string): string {
  return xml.replace(
    /<category((?:\s+[\w:-]+="[^"]*")*)\s*\/>/g,
    (m: string) => m.slice(0, -2).replace(/="([^"]*)"/g, (_a, v: string) => `="${v.replace(/</g, "&lt;")}"`) + "/>",
  );
}

export function atomFeed(site: Site, lang: Lang): string {
  return escapeAttributeLt(buildFeed(site, lang, ATOM).atom1());
}

interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the writer's version 1 document with `authors` lists and a language. */
export function jsonFeed(site: Site, lang: Lang): string {
  const v1 = JSON.parse(buildFeed(site, lang, JSON_FEED).json1()) as Record<string, unknown> & {
    author?: JsonFeedAuthor;
    items: Record<string, unknown>[];
  };
  const { version: _version, author, items, ...top } = v1;
  const withAuthors = <T extends { author?: JsonFeedAuthor }>(o: T) => {
    const { author: one, ...rest } = o;
    return one ? { ...rest, authors: [one] } : rest;
  };
  const items11 = items.map((item) => withAuthors(item as { author?: JsonFeedAuthor }));
  return JSON.stringify(
    { version: JSON_FEED_VERSION, ...top, language: localeOf(lang), ...(author ? { authors: [author] } : {}), items: items11 },
    null,
    4,
  );
}
