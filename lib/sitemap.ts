// sitemap.xml and robots.txt: model in, string out.
import type { Route, Site } from "./model.ts";

const HTML_KINDS = new Set<Route["kind"]>(["home", "page", "post", "provider", "blog", "tag", "tags", "events", "event"]);

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function sitemap(site: Site): string {
  const entries = site.routes
    .filter((r) => HTML_KINDS.has(r.kind))
    .filter((r) => !(r.kind === "post" && r.post.status !== "published") && !(r.kind === "page" && r.page.status !== "published") && !(r.kind === "event" && r.event.status !== "published"))
    .map((r) => {
      const lastmod = r.kind === "post" ? `<lastmod>${r.post.date.dt.toISODate()}</lastmod>` : "";
      return `  <url><loc>${xmlEscape(site.urls.absolute(r.url))}</loc>${lastmod}</url>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

export function robots(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.urls.absolute("/sitemap.xml")}\n`;
}
