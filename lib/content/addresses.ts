// Addresses of the routes: which file makes each one, that no two claim the same address or
// one the build writes itself, and which pages are the same page in another language.
import type { Lang } from "../i18n/index.ts";
import type { Alternate, Route } from "../model/model.ts";
import type { Problem } from "./problems.ts";

/** Which pages are the same page in another language, for hreflang links and the switcher. */
function identityOf(route: Route): string | undefined {
  switch (route.kind) {
    case "home": case "tags": case "events": case "search": case "languageAssistance": case "privacy": case "accessibility":
      return route.kind;
    case "page": return `page:${route.page.key}`;
    case "post": return `post:${route.post.key}`;
    case "provider": return `provider:${route.provider.key}`;
    case "event": return `event:${route.event.key}`;
    case "blog": return `blog:${route.pager.page}`;
    case "tag": return `tag:${route.tag.slug}:${route.pager.page}`;
    default: return undefined;
  }
}

export function alternatesOf(routes: readonly Route[], defaultLang: Lang): ReadonlyMap<string, readonly Alternate[]> {
  const groups = new Map<string, Alternate[]>();
  const byUrl = new Map<string, readonly Alternate[]>();
  for (const route of routes) {
    const id = identityOf(route);
    if (!id) continue;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push({ lang: route.lang, url: route.url });
    byUrl.set(route.url, group);
  }
  for (const group of groups.values()) group.sort((a, b) => Number(b.lang === defaultLang) - Number(a.lang === defaultLang) || a.lang.localeCompare(b.lang));
  return byUrl;
}

/** The content file a route is made from, if any. */
export function routeFile(route: Route): string | undefined {
  const owner = ownerOf(route);
  return owner.startsWith("the built-in") ? undefined : owner;
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

/**
 * Top-level folders the build writes besides the routes, and what lives there. A page or
 * post that took one would overwrite it, or be overwritten (a page named "admin" would
 * replace the staff editor), so its file is refused before anything is written.
 */
export const GENERATED_FOLDERS: Readonly<Record<string, string>> = {
  admin: "the staff web editor",
  assets: "the site's own files (stylesheet, scripts, logo)",
  img: "resized photos",
  pagefind: "the search index",
  uploads: "documents kept with the content",
  "404": "the page-not-found page",
};

export function checkReservedUrls(routes: readonly Route[], problems: Problem[]): void {
  for (const route of routes) {
    const owner = ownerOf(route);
    if (owner.startsWith("the built-in")) continue;
    const first = route.url.split("/")[1] ?? "";
    const what = GENERATED_FOLDERS[first];
    if (what) problems.push({ file: owner, message: `takes the address ${route.url}, which the site uses for ${what}; rename the file` });
  }
}

export function checkUniqueUrls(routes: readonly Route[], problems: Problem[]): void {
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
