// Loads the whole site once: read every file, validate it, resolve references, and
// hand back one model, or throw a ContentError listing every problem at once. The steps
// live beside it: load-context.ts (what they share), bodies.ts (Markdown), items.ts
// (providers, pages, posts), events.ts, item-pictures.ts, practice-files.ts, assemble.ts.
import { brandProblems } from "../model/brand.ts";
import path from "node:path";
import type { AlertFrontMatter, EventFrontMatter, PageFrontMatter, PostFrontMatter } from "../schema/content.ts";
import { practiceSchema, type Practice } from "../schema/practice.ts";
import { assetExists } from "../markdown/checked.ts";
import { createImageService } from "../outputs/images.ts";
import type { PendingImages } from "../outputs/image-queue.ts";
import type { Progress } from "../build/progress.ts";
import { heroPictures } from "./photos.ts";
import { missingKeys, stringsFile, type Lang } from "../i18n/index.ts";
import { createUrls, normalizePrefix } from "../model/urls.ts";
import type { Clock } from "../build/clock.ts";
import type { Alert, Event, Mode, Page, Post, Site } from "../model/model.ts";
import { checkPractice, toAlert, toEvent } from "./events.ts";
import { measureForms } from "./forms.ts";
import { checkLocalized } from "./localize.ts";
import { ContentError, type Problem } from "./problems.ts";
import { listMarkdown, readYamlFile, type SourceFile } from "./read.ts";
import { FOLDERS, type ContentKind } from "./paths.ts";
import { assemble } from "./assemble.ts";
import { attachComments, COMMENTS_FOLDER } from "../comments/load.ts";
import { createContentCaches, trimContentCaches, type ContentCaches } from "./caches.ts";
import { checkLinks, siteFolders } from "./inside.ts";
import { checkPublished } from "./published.ts";
import { checkLogo, checkNotice } from "./practice-files.ts";
import { practiceIn, type LoadContext } from "./load-context.ts";
import { prepareFiles, renderBody } from "./bodies.ts";
import { readAll, toPage, toPost, toProvider } from "./items.ts";
import { addPictures } from "./item-pictures.ts";

export interface LoadOptions {
  /** Where encoded images are kept between builds (default: root/.cache). */
  cacheDir?: string;
  /** Parsed and rendered files kept from the last load of the same build session (default: none kept); trimmed after this load. */
  caches?: ContentCaches;
  /** The content worker's script, when not the one beside lib/content/parallel.ts (scripts/build.mjs runs a compiled one). */
  contentWorker?: URL;
  /** Project root; messages name files relative to it. */
  root: string;
  /** Folder with _data/, blog/, pages/, providers/ (default: root/content). */
  contentDir?: string;
  mode: Mode;
  clock: Clock;
  /** Host sub-path such as /my-practice (GitHub Pages project sites). */
  prefix?: string;
  assets?: Site["assets"];
  /** Lines about long steps (a cold cache's photo encoding). */
  progress?: Progress;
  /** The preview: new photos are encoded in the background, shown meanwhile as a quick stand-in (lib/outputs/images.ts). */
  backgroundImages?: PendingImages;
}

export async function loadSite(opts: LoadOptions): Promise<Site> {
  const root = path.resolve(opts.root);
  const contentDir = path.resolve(root, opts.contentDir ?? "content");
  const problems: Problem[] = [];
  // One walk of the content folder and assets/: links leading elsewhere, and what is published as it is.
  const folders = siteFolders(root, contentDir);
  const svgChecked = checkPublished(folders, checkLinks(folders, problems), problems);

  const practicePath = path.join(contentDir, "_data", "practice.yaml");
  const [practiceResult, postFiles, pageFiles, providerFiles, eventFiles, alertFiles] = await Promise.all([
    readYamlFile(practiceSchema, practicePath, root),
    listMarkdown(path.join(contentDir, FOLDERS.post), root, problems),
    listMarkdown(path.join(contentDir, FOLDERS.page), root, problems),
    listMarkdown(path.join(contentDir, FOLDERS.provider), root, problems),
    listMarkdown(path.join(contentDir, FOLDERS.event), root, problems),
    listMarkdown(path.join(contentDir, FOLDERS.alert), root, problems),
  ]);
  if (!practiceResult.ok) problems.push(...practiceResult.problems);
  else checkPractice(practiceResult.data, path.relative(root, practicePath).split(path.sep).join("/"), problems);
  const practiceFile = path.relative(root, practicePath).split(path.sep).join("/");
  const formSizes = practiceResult.ok ? await measureForms(practiceResult.data, folders, practiceFile, problems) : new Map<string, number>();
  if (practiceResult.ok && practiceResult.data.brand) for (const p of brandProblems(practiceResult.data.brand)) problems.push({ file: practiceFile, ...p });
  if (practiceResult.ok && practiceResult.data.logo) checkLogo(practiceResult.data.logo, folders, practiceFile, svgChecked, problems);
  if (practiceResult.ok) await checkNotice(practiceResult.data.noticeOfPrivacyPractices, folders, practiceFile, problems);
  // Keep validating content even when practice.yaml is broken, so one run shows everything.
  const practice: Practice = practiceResult.ok ? practiceResult.data : (practiceResult.partial ?? FALLBACK_PRACTICE);

  const defaultLang = practice.language;
  // The default language first, then the others in the order practice.yaml lists them.
  const langs: Lang[] = [defaultLang, ...(practice.languages ?? []).filter((l) => l !== defaultLang)];
  if (practiceResult.ok) {
    checkLocalized(practice, practiceFile, langs, defaultLang, problems);
    for (const lang of langs) {
      for (const key of missingKeys(lang)) problems.push({ file: stringsFile(lang), field: key, message: `missing translation for the site language "${lang}"` });
    }
  }
  const prefix = normalizePrefix(opts.prefix);
  const ctx: LoadContext = {
    practice,
    practiceStandIn: !practiceResult.ok && !practiceResult.partial,
    langs,
    defaultLang,
    urls: createUrls({ siteUrl: practice.url, prefix, defaultLang }),
    prefix,
    problems,
    mode: opts.mode,
    now: opts.clock().setZone(practice.timezone),
    bodyImages: new Map(),
    resolved: new Map(),
    root,
    folders,
    exists: (sitePath) => assetExists(root, sitePath),
    caches: opts.caches ?? createContentCaches(),
  };
  // Large sites are parsed and rendered on two threads up front; the readers below then find every file ready.
  const byKind: [ContentKind, SourceFile[]][] = [["provider", providerFiles], ["page", pageFiles], ["post", postFiles], ["event", eventFiles], ["alert", alertFiles]];
  await prepareFiles(ctx, root, byKind.flatMap(([kind, files]) => files.map((f) => ({ f, kind }))), opts.contentWorker);

  const providers = readAll(ctx, "provider", providerFiles, toProvider);
  const providerByKey = new Map(providers.map((p) => [`${p.lang}:${p.key}`, p]));
  const pages = readAll<Page, PageFrontMatter>(ctx, "page", pageFiles, (c, f, fm, body, id) => toPage(c, f, fm, body, id, providerByKey));
  const posts = readAll<Post, PostFrontMatter>(ctx, "post", postFiles, (c, f, fm, body, id) => toPost(c, f, fm, body, id, providerByKey));
  const events = readAll<Event, EventFrontMatter>(ctx, "event", eventFiles, (c, f, fm, source, id) => {
    const rendered = renderBody(c, source, f, id.lang);
    const event = toEvent(c, f, fm, rendered.html, id);
    return event && { ...event, videoHosts: rendered.videoHosts, live: rendered.live };
  });
  const alerts = readAll<Alert & { status: "published" }, AlertFrontMatter>(ctx, "alert", alertFiles, (c, f, fm, _source, id) => {
    const alert = toAlert(c, f, fm, id);
    return alert && { ...alert, status: "published" };
  });

  await attachComments({ ...ctx, dir: path.join(contentDir, COMMENTS_FOLDER), root, practiceFile, postFiles, posts, pages, providers: providerByKey });

  // Production builds never contain drafts or posts scheduled for later.
  const visible = <T extends { status: string }>(items: T[]) => (ctx.mode === "preview" ? items : items.filter((i) => i.status === "published"));
  // Images: one pass over everything read, so encoding runs in parallel and in one queue.
  const images = createImageService({
    cacheDir: opts.cacheDir ?? path.join(root, ".cache"),
    prefix,
    progress: opts.progress,
    background: opts.backgroundImages,
  });
  await addPictures(ctx, root, images, { posts, pages, providers, events });
  const heroes = await heroPictures(practice.brand?.hero, (lang) => practiceIn(ctx, lang).brand?.hero?.alt, langs, practiceFile, { service: images, folders, problems });
  const site = assemble({ ...ctx, providers: visible(providers), pages: visible(pages), posts: visible(posts), events: visible(events), alerts, formSizes, heroes, imageFiles: images.files(), assets: opts.assets ?? { css: "/assets/css/site.css" } });
  // Every file of the site was read: what this load did not use (a deleted file) goes.
  trimContentCaches(ctx.caches);
  // A link leading nowhere is found by the walk and again by the reader: say it once.
  if (problems.length) throw new ContentError([...new Map(problems.map((p) => [`${p.file}\0${p.field}\0${p.message}`, p])).values()]);
  return site;
}

const FALLBACK_PRACTICE: Practice = {
  name: "Practice",
  description: "Fallback used only to keep validating content while practice.yaml has problems.",
  url: "https://example.org",
  timezone: "UTC",
  language: "en",
  phone: "000000",
  newPatients: { accepting: false },
  locations: [],
  hosting: { host: "other", name: "the host", privacyUrl: "https://example.org" },
  noticeOfPrivacyPractices: "https://example.org",
};
