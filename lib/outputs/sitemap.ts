// Sitemaps and robots.txt: model in, string out. One sitemap per language, each page
// listing its translations (hreflang alternates), and a sitemap index that names them.
import type { Lang } from "../i18n/index.ts";
import type { Route, Site } from "../model/model.ts";
import { xmlEscape } from "./encode.ts";

const HTML_KINDS = new Set<Route["kind"]>([
  "home",
  "page",
  "post",
  "provider",
  "blog",
  "tag",
  "tags",
  "events",
  "event",
  "languageAssistance",
  "privacy",
  "accessibility",
]);

function isPublic(r: Route): boolean {
  if (!HTML_KINDS.has(r.kind)) return false;
  if (r.kind === "post") return r.post.status === "published";
  if (r.kind === "page") return r.page.status === "published";
  if (r.kind === "event") return r.event.status === "published";
  if (r.kind === "provider") return r.provider.status === "published";
  return true;
}

export function sitemap(site: Site, lang: Lang): string {
  const u = site.urls;
  const entries = site.routes
    .filter((r) => r.lang === lang && isPublic(r))
    .map((r) => {
      const lastmod = r.kind === "post" ? `<lastmod>${r.post.date.dt.toISODate()}</lastmod>` : "";
      const alternates = site.alternates.get(r.url) ?? [];
      const links =
        alternates.length > 1
          ? [
              ...alternates.map(
                (a) => `<xhtml:link rel="alternate" hreflang="${xmlEscape(a.lang)}" href="${xmlEscape(u.absolute(a.url))}"/>`,
              ),
              `<xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(u.absolute(alternates[0]!.url))}"/>`,
            ].join("")
          : "";
      return `  <url><loc>${xmlEscape(u.absolute(r.url))}</loc>${lastmod}${links}</url>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(site: Site): string {
  const maps = site.routes
    .filter((r) => r.kind === "sitemap")
    .map((r) => `  <sitemap><loc>${xmlEscape(site.urls.absolute(r.url))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${maps.join("\n")}\n</sitemapindex>\n`;
}

export function robots(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.urls.absolute("/sitemap.xml")}\n`;
}
