// One entry point from a route to its output: HTML layouts for pages, writers for feeds.
import { jsxToString } from "jsx-async-runtime";
import type { Route, Site } from "../lib/model.ts";
import { atomFeed, jsonFeed } from "../lib/feeds.ts";
import { robots, sitemap } from "../lib/sitemap.ts";
import { headersFile, securityHeaders } from "../lib/headers.ts";
import { BlogView, Home, NotFoundView, PageView, PostView, ProviderView, TagView, TagsView } from "./pages.tsx";

function view(site: Site, route: Route): JSX.Element | string {
  switch (route.kind) {
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
    case "notFound":
      return NotFoundView({ site, route });
    case "atom":
      return atomFeed(site, route.lang);
    case "jsonFeed":
      return jsonFeed(site, route.lang);
    case "sitemap":
      return sitemap(site);
    case "robots":
      return robots(site);
    case "headers":
      return headersFile(securityHeaders(), site.prefix);
  }
}

export async function renderRoute(site: Site, route: Route): Promise<string> {
  const out = view(site, route);
  if (typeof out === "string") return out;
  return jsxToString.call({}, out);
}
