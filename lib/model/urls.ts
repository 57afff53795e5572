// Every link is built here, so the language folder and the host's path prefix
// (e.g. /my-practice/ on GitHub Pages project sites) are applied in one place.
import type { Lang } from "../i18n/index.ts";

export interface Urls {
  /** A site path for a language: ("es", "/blog/") → "/es/blog/". Unprefixed: also the output path. */
  local(lang: Lang, path: string): string;
  /** What goes in an href: the path with the host's prefix. */
  href(path: string): string;
  /** Absolute URL for feeds, canonical links, sitemaps. */
  absolute(path: string): string;
  /** Scheme and host, for making already-prefixed links absolute. */
  origin: string;
}

export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : "";
}

export function createUrls(opts: { siteUrl: string; prefix?: string; defaultLang: Lang }): Urls {
  const prefix = normalizePrefix(opts.prefix);
  const origin = new URL(opts.siteUrl).origin;
  return {
    origin,
    local(lang, path) {
      if (!path.startsWith("/")) throw new Error(`urls.local: path must start with "/": ${path}`);
      return lang === opts.defaultLang ? path : `/${lang}${path}`;
    },
    href(path) {
      return prefix + path;
    },
    absolute(path) {
      return origin + prefix + path;
    },
  };
}

/** A phone number as a link that calls it: tel: with the digits (and a leading +) only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/**
 * The href of a link from practice.yaml (lib/schema/fields.ts link(), already checked against
 * the URL policy): a page of this site gets the host's prefix, another site's address is kept,
 * with its host name (what the privacy page names).
 */
export function linkHref(urls: Urls, link: string): { href: string; external: boolean; host?: string } {
  if (link.startsWith("/")) return { href: urls.href(link), external: false };
  return { href: link, external: true, host: URL.canParse(link) ? new URL(link).host : undefined };
}
