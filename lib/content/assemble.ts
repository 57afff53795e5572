// Site-wide lists and the route table, computed once per build (never per page):
// posts by date, previous/next, tags, navigation, pagination, and a check that no
// two files claim one address.
import type { Lang } from "../i18n/index.ts";
import { t } from "../i18n/index.ts";
import { WEEKDAYS } from "../schema/practice.ts";
import type { Practice } from "../schema/practice.ts";
import type { Urls } from "../urls.ts";
import type { DateTime } from "luxon";
import type { Alert, Event, LangSite, Mode, NavItem, Page, Pager, Post, Provider, Route, Site, Tag, Today } from "../model.ts";
import type { Problem } from "./problems.ts";
import type { FormLink } from "./forms.ts";

export const POSTS_PER_PAGE = 10;
export const HOME_LATEST = 3;
export const HOME_EVENTS = 3;

export interface AssembleInput {
  practice: Practice;
  mode: Mode;
  now: DateTime;
  langs: readonly Lang[];
  defaultLang: Lang;
  urls: Urls;
  prefix: string;
  problems: Problem[];
  providers: Provider[];
  pages: Page[];
  posts: Post[];
  events: Event[];
  alerts: Alert[];
  forms: FormLink[];
  assets: Site["assets"];
}

export function assemble(input: AssembleInput): Site {
  const { urls } = input;
  const routes: Route[] = [];
  const byLang: Record<Lang, LangSite> = {};

  for (const lang of input.langs) {
    const posts = input.posts
      .filter((p) => p.lang === lang)
      .sort((a, b) => b.date.dt.toMillis() - a.date.dt.toMillis() || a.key.localeCompare(b.key));
    posts.forEach((p, i) => {
      p.newer = posts[i - 1];
      p.older = posts[i + 1];
    });
    const providers = input.providers.filter((p) => p.lang === lang).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    const pages = input.pages.filter((p) => p.lang === lang);
    const tags = collectTags(posts);
    const events = input.events.filter((e) => e.lang === lang);
    const upcoming = events.filter((e) => e.endsAt > input.now).sort((a, b) => a.start.dt.toMillis() - b.start.dt.toMillis() || a.key.localeCompare(b.key));
    const past = events.filter((e) => e.endsAt <= input.now).sort((a, b) => b.start.dt.toMillis() - a.start.dt.toMillis() || a.key.localeCompare(b.key));
    const nav: NavItem[] = [
      ...pages
        .filter((p) => p.nav !== undefined)
        .sort((a, b) => a.nav! - b.nav! || a.title.localeCompare(b.title))
        .map((p) => ({ title: p.navTitle ?? p.title, url: p.url })),
    ];
    // The blog sits after the practice pages parents need first.
    nav.splice(Math.min(nav.length, 4), 0, { title: t(lang, "nav.blog"), url: urls.local(lang, "/blog/") });
    if (events.length) nav.splice(Math.min(nav.length, 5), 0, { title: t(lang, "nav.events"), url: urls.local(lang, "/events/") });
    byLang[lang] = { lang, posts, upcoming, past, tags, pages, providers, nav };

    const home = pages.find((p) => p.key === "index");
    routes.push({ kind: "home", url: urls.local(lang, "/"), lang, page: home, latest: posts.slice(0, HOME_LATEST), upcoming: upcoming.slice(0, HOME_EVENTS) });
    for (const page of pages) if (page !== home) routes.push({ kind: "page", url: page.url, lang, page });
    for (const post of posts) routes.push({ kind: "post", url: post.url, lang, post });
    for (const provider of providers) {
      routes.push({ kind: "provider", url: provider.url, lang, provider, posts: posts.filter((p) => p.author === provider) });
    }
    for (const chunk of paginate(posts, urls.local(lang, "/blog/"))) routes.push({ kind: "blog", lang, ...chunk });
    routes.push({ kind: "tags", url: urls.local(lang, "/blog/tags/"), lang, tags });
    routes.push({ kind: "search", url: urls.local(lang, "/search/"), lang });
    for (const tag of tags) for (const chunk of paginate(tag.posts, tag.url)) routes.push({ kind: "tag", lang, tag, ...chunk });
    if (events.length) {
      routes.push({ kind: "events", url: urls.local(lang, "/events/"), lang });
      for (const event of events) {
        routes.push({ kind: "event", url: event.url, lang, event });
        routes.push({ kind: "eventIcs", url: event.ics, lang, event });
      }
      routes.push({ kind: "calendar", url: urls.local(lang, "/events.ics"), lang });
    }
    routes.push({ kind: "atom", url: urls.local(lang, "/feed.xml"), lang });
    routes.push({ kind: "jsonFeed", url: urls.local(lang, "/feed.json"), lang });
  }
  routes.push({ kind: "notFound", url: "/404.html", lang: input.defaultLang });
  routes.push({ kind: "sitemap", url: "/sitemap.xml", lang: input.defaultLang });
  routes.push({ kind: "robots", url: "/robots.txt", lang: input.defaultLang });
  routes.push({ kind: "headers", url: "/_headers", lang: input.defaultLang });

  checkUniqueUrls(routes, input.problems);

  return {
    practice: input.practice,
    mode: input.mode,
    zone: input.practice.timezone,
    now: input.now,
    defaultLang: input.defaultLang,
    langs: input.langs,
    urls,
    prefix: input.prefix,
    byLang,
    today: today(input.practice, input.now),
    forms: input.forms,
    closuresAhead: (input.practice.closures ?? [])
      .filter((c) => (c.until ?? c.from) >= input.now.toISODate()!)
      .sort((a, b) => a.from.localeCompare(b.from)),
    alerts: input.alerts.filter((a) => a.from <= input.now && input.now < a.until).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]),
    routes,
    assets: input.assets,
  };
}

const LEVEL_ORDER = { urgent: 0, warning: 1, info: 2 } as const;

function collectTags(posts: readonly Post[]): Tag[] {
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

function paginate(posts: readonly Post[], base: string): { url: string; posts: readonly Post[]; pager: Pager }[] {
  const total = Math.max(1, Math.ceil(posts.length / POSTS_PER_PAGE));
  const urlOf = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: total }, (_, i) => ({
    url: urlOf(i + 1),
    posts: posts.slice(i * POSTS_PER_PAGE, (i + 1) * POSTS_PER_PAGE),
    pager: { page: i + 1, total, newer: i > 0 ? urlOf(i) : undefined, older: i + 1 < total ? urlOf(i + 2) : undefined },
  }));
}

function ownerOf(route: Route): string {
  switch (route.kind) {
    case "page":
      return route.page.file;
    case "post":
      return route.post.file;
    case "provider":
      return route.provider.file;
    case "event":
    case "eventIcs":
      return route.event.file;
    case "home":
      return route.page?.file ?? "the built-in home page";
    default:
      return `the built-in ${route.kind} page`;
  }
}

function checkUniqueUrls(routes: readonly Route[], problems: Problem[]): void {
  const seen = new Map<string, Route>();
  for (const route of routes) {
    const first = seen.get(route.url);
    if (!first) {
      seen.set(route.url, route);
      continue;
    }
    // Report on the file staff can rename (never a built-in page), and the same one every run.
    const [a, b] = [ownerOf(first), ownerOf(route)].sort((x, y) => Number(y.startsWith("the built-in")) - Number(x.startsWith("the built-in")) || x.localeCompare(y));
    const [other, file] = [a!, b!];
    problems.push({ file, message: `claims the address ${route.url}, which ${other} already uses; rename one of them` });
  }
}

function today(practice: Practice, now: DateTime): Today {
  const weekday = WEEKDAYS[now.weekday - 1]!;
  return {
    weekday,
    date: now,
    hours: practice.locations.map((location) => ({ location, intervals: location.hours[weekday] ?? [] })),
  };
}
