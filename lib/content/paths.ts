// What a content file is, from its path alone: kind, key (the language-independent
// identity shared by translations), language and URL slug.
import slugify from "@sindresorhus/slugify";
import type { Lang } from "../i18n/index.ts";
import type { KeptWhileUsed } from "../build/cache.ts";

export type ContentKind = "post" | "page" | "provider" | "event" | "alert";

export const FOLDERS: Readonly<Record<ContentKind, string>> = { post: "blog", page: "pages", provider: "providers", event: "events", alert: "alerts" };

export interface ContentId {
  kind: ContentKind;
  key: string;
  lang: Lang;
}

/** Tag names repeat across thousands of posts: a build session transliterates each once (lib/content/caches.ts). */
export type SlugCache = KeptWhileUsed<string, string>;

export function slugOf(text: string, cache?: SlugCache): string {
  let slug = cache?.get(text);
  if (slug === undefined) {
    slug = slugify(text, { decamelize: false });
    cache?.set(text, slug);
  }
  return slug;
}

/** "2024-05-01-Flu Shots.es.md" → key "flu-shots", lang "es". Returns an error message when it can't. */
export function parseFileName(
  kind: ContentKind,
  fileName: string,
  langs: readonly Lang[],
  defaultLang: Lang,
  slugs?: SlugCache,
): { key: string; lang: Lang } | { error: string } {
  let stem = fileName.replace(/\.md$/i, "");
  let lang = defaultLang;
  const suffix = /\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)$/.exec(stem);
  if (suffix) {
    if (!langs.includes(suffix[1]!)) {
      return { error: `file name ends in ".${suffix[1]}", which is not one of the site's languages (${langs.join(", ")})` };
    }
    lang = suffix[1]!;
    stem = stem.slice(0, -suffix[0].length);
  }
  // Posts drop the date from their address; events keep it (a clinic series shares a name).
  if (kind === "post") stem = stem.replace(/^\d{4}-\d{2}-\d{2}-/, "");
  const key = slugOf(stem, slugs);
  if (!key) return { error: "file name has no letters or digits to make a web address from" };
  if (key.length > 80) return { error: `file name is too long for a web address (${key.length} characters; at most 80)` };
  return { key, lang };
}
