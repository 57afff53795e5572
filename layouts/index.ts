// One entry point from a route to its output: HTML layouts for pages, writers for feeds.
import { renderToString } from "./render.ts";
import type { Route, Site } from "../lib/model/model.ts";
import { atomFeed, jsonFeed } from "../lib/outputs/feeds.ts";
import { robots, sitemap, sitemapIndex } from "../lib/outputs/sitemap.ts";
import { LanguageAssistanceView } from "./language.tsx";
import { headersFile, siteHeaders } from "../lib/outputs/headers.ts";
import { BlogView, EventView, EventsView, NotFoundView, PageView, ProviderView, TagView, TagsView } from "./pages.tsx";
import { Home } from "./home.tsx";
import { PostView } from "./post.tsx";
import { calendarFile } from "../lib/outputs/ics.ts";
import { socialSprite } from "../lib/model/social.ts";
import { SearchView } from "./search.tsx";
import { AccessibilityView, PrivacyView } from "./trust.tsx";

export function view(site: Site, route: Route): JSX.Element | string {
  switch (route.kind) {
    default:
      return unreachable(route);
    case "home":
      return Home({ site, route });
    case "page":
      return PageView({ site, route });
    case "post":
      return PostView({ site, route });
    case "provider":
      return ProviderView({ site, route });
    case "blog":
      return BlogView({ site, route });
    case "tag":
      return TagView({ site, route });
    case "tags":
      return TagsView({ site, route });
    case "events":
      return EventsView({ site, route });
    case "event":
      return EventView({ site, route });
    case "eventIcs":
      return calendarFile(site, [route.event], route.lang);
    case "calendar":
      return calendarFile(site, [...(site.byLang[route.lang]?.upcoming ?? []), ...(site.byLang[route.lang]?.past ?? [])], route.lang);
    case "notFound":
      return NotFoundView({ site, route });
    case "search":
      return SearchView({ site, route });
    case "privacy":
      return PrivacyView({ site, route });
    case "accessibility":
      return AccessibilityView({ site, route });
    case "atom":
      return atomFeed(site, route.lang);
    case "jsonFeed":
      return jsonFeed(site, route.lang);
    case "sitemap":
      return sitemap(site, route.lang);
    case "sitemapIndex":
      return sitemapIndex(site);
    case "languageAssistance":
      return LanguageAssistanceView({ site, route });
    case "robots":
      return robots(site);
    case "socialSprite":
      return socialSprite();
    case "headers":
      return headersFile(siteHeaders(site), site.prefix);
  }
}

function unreachable(route: never): never {
  throw new Error(`no layout for route ${JSON.stringify(route)}`);
}

export function renderRoute(site: Site, route: Route): string {
  const out = view(site, route);
  return typeof out === "string" ? out : renderToString(out);
}
