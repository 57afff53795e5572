// What every step of one load shares: practice.yaml, the languages, the problems found so
// far, the caches of the build session. Made by loadSite (lib/content/load.ts), passed on.
import type { Practice } from "../schema/practice.ts";
import type { MarkdownImage } from "../markdown/images.ts";
import type { Lang } from "../i18n/index.ts";
import type { Urls } from "../model/urls.ts";
import type { Clock } from "../build/clock.ts";
import type { Mode } from "../model/model.ts";
import { resolveLocalized, type Resolved } from "./localize.ts";
import type { Problem } from "./problems.ts";
import type { ContentCaches } from "./caches.ts";
import type { SiteFolders } from "./inside.ts";

export interface LoadContext {
  practice: Practice;
  /**
   * practice.yaml has problems, so `practice` is a stand-in: facts drawn from it (a body's
   * [[phone]]) would be reported missing when they are only unread. Its own problems say what to fix.
   */
  practiceStandIn?: boolean;
  langs: readonly Lang[];
  defaultLang: Lang;
  urls: Urls;
  prefix: string;
  problems: Problem[];
  mode: Mode;
  now: ReturnType<Clock>;
  /** Whether a site path such as /assets/video/a.vtt exists in the project. */
  exists: (sitePath: string) => boolean;
  root: string;
  /** The content folder and assets/: every file the site uses comes from there. */
  folders: SiteFolders;
  /** Body images per content file, turned into pictures once every file is read. */
  bodyImages: Map<string, MarkdownImage[]>;
  resolved: Map<Lang, Resolved<Practice>>;
  caches: ContentCaches;
}

/** practice.yaml in one language (each resolved once per load). */
export function practiceIn(ctx: LoadContext, lang: Lang): Resolved<Practice> {
  let resolved = ctx.resolved.get(lang);
  if (!resolved) ctx.resolved.set(lang, (resolved = resolveLocalized(ctx.practice, lang, ctx.defaultLang, ctx.langs)));
  return resolved;
}
