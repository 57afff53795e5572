// One entry point from a route to its output: the layouts for HTML pages, the output
// writers for everything else (feeds, sitemaps, calendars, _headers). The build layer is the
// one place that knows both.
import { renderToString } from "../../layouts/render.ts";
import type { Route, Site } from "../model/model.ts";
import { atomFeed, jsonFeed } from "../outputs/feeds.ts";
import { robots, sitemap, sitemapIndex } from "../outputs/sitemap.ts";
import { LanguageAssistanceView } from "../../layouts/language.tsx";
import { siteHeaders } from "../model/policy.ts";
import { headersFile } from "../outputs/headers.ts";
import { PageView } from "../../layouts/page.tsx";
import { ProviderView } from "../../layouts/provider.tsx";
import { BlogView } from "../../layouts/blog.tsx";
import { TagView } from "../../layouts/tag.tsx";
import { TagsView } from "../../layouts/tags.tsx";
import { EventsView } from "../../layouts/events.tsx";
import { EventView } from "../../layouts/event.tsx";
import { NotFoundView } from "../../layouts/not-found.tsx";
import { Home } from "../../layouts/home.tsx";
import { PostView } from "../../layouts/post.tsx";
import { calendarFile } from "../outputs/ics.ts";
import { socialSprite } from "../outputs/social-sprite.ts";
import { SearchView } from "../../layouts/search.tsx";
import { PrivacyView } from "../../layouts/privacy.tsx";
import { AccessibilityView } from "../../layouts/accessibility.tsx";

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
