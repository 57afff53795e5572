// The site model from what was read, once per build (never per page): posts by date,
// previous/next, navigation, the lists of lists.ts, the route table and its addresses
// (addresses.ts).
import { createHash } from "node:crypto";
import { DEFAULT_BRAND, derivePalette, paletteCss } from "../model/brand.ts";
import type { Lang } from "../i18n/index.ts";
import { t } from "../i18n/index.ts";
import { WEEKDAYS } from "../schema/practice.ts";
import type { Practice } from "../schema/practice.ts";
import type { Urls } from "../model/urls.ts";
import type { DateTime } from "luxon";
import type { Alert, Event, LangSite, Mode, NavItem, Page, Post, PracticeText, Provider, Route, Site, Today } from "../model/model.ts";
import type { Problem } from "./problems.ts";
import { formLinks } from "./forms.ts";
import { SPRITE_PATH } from "../model/social.ts";
import { resolveLocalized } from "./localize.ts";
import { resolveHosting } from "../model/hosting.ts";
import { planSearchShards } from "../model/search.ts";
import { clickToLoadHosts, noticeLink } from "../model/trust.ts";
import { closuresAhead, openNow } from "../model/hours.ts";
import { collectTags, paginate, relatedPostsOf } from "./lists.ts";
import { alternatesOf, checkReservedUrls, checkUniqueUrls } from "./addresses.ts";

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
  formSizes: ReadonlyMap<string, number>;
  /** practice.yaml brand.hero as a <picture> per language (lib/content/photos.ts). */
  heroes?: ReadonlyMap<Lang, string>;
  imageFiles: readonly string[];
  assets: Site["assets"];
}

const byDateDesc = (a: Post, b: Post) => b.date.dt.toMillis() - a.date.dt.toMillis() || a.key.localeCompare(b.key);
const byStart = (a: Event, b: Event) => a.start.dt.toMillis() - b.start.dt.toMillis() || a.key.localeCompare(b.key);

export function assemble(input: AssembleInput): Site {
  const { urls, defaultLang } = input;
  const routes: Route[] = [];
  const byLang: Record<Lang, LangSite> = {};
  checkTranslations(input);

  for (const lang of input.langs) {
    // Items written in this language, and the default language's items not translated yet:
    // those are listed too (marked as English and linked to the English page), never faked.
    const own = <T extends { lang: Lang; key: string }>(items: readonly T[]) => items.filter((i) => i.lang === lang);
    const withFallback = <T extends { lang: Lang; key: string }>(items: readonly T[]) => {
      const mine = own(items);
      if (lang === defaultLang) return mine;
      const have = new Set(mine.map((i) => i.key));
      return [...mine, ...items.filter((i) => i.lang === defaultLang && !have.has(i.key))];
    };
    const practice = resolveLocalized(input.practice, lang, defaultLang, input.langs);
    const posts = own(input.posts).sort(byDateDesc);
    posts.forEach((p, i) => {
      p.newer = posts[i - 1];
      p.older = posts[i + 1];
    });
    const listing = withFallback(input.posts).sort(byDateDesc);
    const providers = withFallback(input.providers).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    const pages = withFallback(input.pages);
    const tags = collectTags(posts);
    const events = withFallback(input.events);
    const upcoming = events.filter((e) => e.endsAt > input.now).sort(byStart);
    const past = events.filter((e) => e.endsAt <= input.now).sort((a, b) => byStart(b, a));
    const nav: NavItem[] = pages
      .filter((p) => p.nav !== undefined)
      .sort((a, b) => a.nav! - b.nav! || a.title.localeCompare(b.title))
      .map((p) => ({ title: p.navTitle ?? p.title, url: p.url, lang: p.lang }));
    // The blog sits after the practice pages parents need first.
    nav.splice(Math.min(nav.length, 4), 0, { title: t(lang, "nav.blog"), url: urls.local(lang, "/blog/"), lang });
    if (events.length) nav.splice(Math.min(nav.length, 5), 0, { title: t(lang, "nav.events"), url: urls.local(lang, "/events/"), lang });
    const alerts = withFallback(input.alerts)
      .filter((a) => a.from <= input.now && input.now < a.until)
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.key.localeCompare(b.key));
    byLang[lang] = {
      lang,
      practice,
      posts,
      listing,
      upcoming,
      past,
      tags,
      pages,
      providers,
      nav,
      alerts,
      heroPicture: input.heroes?.get(lang),
      forms: formLinks(practice, input.formSizes),
      today: today(practice, input.now),
      closuresAhead: closuresAhead(practice, input.now, input.practice.timezone),
      openNow: openNow(practice, lang, input.now),
    };

    const home = pages.find((p) => p.key === "index");
    routes.push({ kind: "home", url: urls.local(lang, "/"), lang, page: home, latest: listing.slice(0, HOME_LATEST), upcoming: upcoming.filter((e) => !e.cancelled).slice(0, HOME_EVENTS) });
    for (const page of own(pages)) if (page.key !== "index") routes.push({ kind: "page", url: page.url, lang, page });
    const relatedPosts = relatedPostsOf(listing);
    for (const post of posts) routes.push({ kind: "post", url: post.url, lang, post, related: relatedPosts(post) });
    for (const provider of own(providers)) {
      routes.push({ kind: "provider", url: provider.url, lang, provider, posts: listing.filter((p) => p.author?.key === provider.key) });
    }
    for (const chunk of paginate(listing, urls.local(lang, "/blog/"))) routes.push({ kind: "blog", lang, ...chunk });
    routes.push({ kind: "tags", url: urls.local(lang, "/blog/tags/"), lang, tags });
    routes.push({ kind: "search", url: urls.local(lang, "/search/"), lang });
    // What the site promises parents, generated from its configuration (layouts/privacy.tsx, accessibility.tsx).
    routes.push({ kind: "privacy", url: urls.local(lang, "/privacy/"), lang });
    routes.push({ kind: "accessibility", url: urls.local(lang, "/accessibility/"), lang });
    for (const tag of tags) for (const chunk of paginate(tag.posts, tag.url)) routes.push({ kind: "tag", lang, tag, ...chunk });
    if (events.length) {
      routes.push({ kind: "events", url: urls.local(lang, "/events/"), lang });
      for (const event of own(events)) {
        routes.push({ kind: "event", url: event.url, lang, event });
        routes.push({ kind: "eventIcs", url: event.ics, lang, event });
      }
      routes.push({ kind: "calendar", url: urls.local(lang, "/events.ics"), lang });
    }
    if (practice.languageAssistance) routes.push({ kind: "languageAssistance", url: urls.local(lang, "/language-assistance/"), lang });
    routes.push({ kind: "atom", url: urls.local(lang, "/feed.xml"), lang });
    routes.push({ kind: "jsonFeed", url: urls.local(lang, "/feed.json"), lang });
    routes.push({ kind: "sitemap", url: `/sitemap-${lang}.xml`, lang });
  }
  routes.push({ kind: "notFound", url: "/404.html", lang: defaultLang });
  routes.push({ kind: "sitemapIndex", url: "/sitemap.xml", lang: defaultLang });
  routes.push({ kind: "robots", url: "/robots.txt", lang: defaultLang });
  routes.push({ kind: "headers", url: "/_headers", lang: defaultLang });
  routes.push({ kind: "socialSprite", url: SPRITE_PATH, lang: defaultLang });

  checkUniqueUrls(routes, input.problems);
  checkReservedUrls(routes, input.problems);

  return {
    practice: byLang[defaultLang]!.practice,
    mode: input.mode,
    zone: input.practice.timezone,
    now: input.now,
    defaultLang,
    langs: input.langs,
    urls,
    prefix: input.prefix,
    byLang,
    alternates: alternatesOf(routes, defaultLang),
    imageFiles: input.imageFiles,
    routes,
    ...brandOf(input.practice.brand, input.assets),
    hosting: resolveHosting(input.practice.hosting),
    clickToLoadHosts: clickToLoadHosts([...input.posts, ...input.pages, ...input.providers, ...input.events]),
    privacyNotice: noticeLink(input.practice.noticeOfPrivacyPractices),
    searchShards: planSearchShards(routes, input.now),
  };
}

/** A translation must share its key with an original in the default language. */
function checkTranslations(input: AssembleInput): void {
  const kinds: [string, readonly { lang: Lang; key: string; file: string }[]][] = [
    ["post", input.posts], ["page", input.pages], ["provider", input.providers], ["event", input.events], ["alert", input.alerts],
  ];
  for (const [, items] of kinds) {
    const originals = new Set(items.filter((i) => i.lang === input.defaultLang).map((i) => i.key));
    for (const item of items) {
      if (item.lang !== input.defaultLang && !originals.has(item.key)) {
        input.problems.push({ file: item.file, message: `is a "${item.lang}" translation of "${item.key}", but there is no ${input.defaultLang} original with that name beside it` });
      }
    }
  }
}

const LEVEL_ORDER = { urgent: 0, warning: 1, info: 2 } as const;

function today(practice: PracticeText, now: DateTime): Today {
  const weekday = WEEKDAYS[now.weekday - 1]!;
  return {
    weekday,
    date: now,
    hours: practice.locations.map((location) => ({ location, intervals: location.hours[weekday] ?? [] })),
  };
}

/**
 * The palette from practice.yaml `brand`, and the stylesheet's address: the palette is
 * appended to the stylesheet, so it is part of what the address's version stands for.
 */
function brandOf(brand: { color?: string; accent?: string } | undefined, assets: Site["assets"]): Pick<Site, "assets" | "brand" | "themeColor"> {
  // Only a photo (brand.hero), no colours: the stylesheet's own palette, nothing appended.
  if (!brand?.color && !brand?.accent) return { assets, themeColor: DEFAULT_BRAND };
  const palette = derivePalette(brand.color ?? DEFAULT_BRAND, brand.accent);
  const version = createHash("sha256").update(paletteCss(palette)).digest("hex").slice(0, 8);
  return { assets: { css: `${assets.css}${assets.css.includes("?") ? "-" : "?v="}${version}` }, brand: palette, themeColor: palette.brand };
}
