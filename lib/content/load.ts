// Loads the whole site once: read every file, validate it, resolve references, and
// hand back one model, or throw a ContentError listing every problem at once.
import { brandProblems } from "../model/brand.ts";
import path from "node:path";
import type { AlertFrontMatter, EventFrontMatter, PageFrontMatter, PostFrontMatter, ProviderFrontMatter } from "../schema/content.ts";
import { practiceSchema, type Practice } from "../schema/practice.ts";
import { readingMinutes, type Rendered } from "../markdown/index.ts";
import { assetExists, renderChecked } from "../markdown/checked.ts";
import { PARALLEL_MIN, processFiles, SCHEMAS, type FileTask } from "./parallel.ts";
import type { MarkdownImage } from "../markdown/images.ts";
import { createImageService, type ImageService } from "../outputs/images.ts";
import type { Progress } from "../build/progress.ts";
import { frontMatterPicture, replaceBodyImages, SIZES } from "./pictures.ts";
import { addThumbnail, heroPictures, initials } from "./photos.ts";
import { missingKeys, stringsFile, type Lang } from "../i18n/index.ts";
import { toZoned } from "../model/time.ts";
import { createUrls, normalizePrefix, type Urls } from "../model/urls.ts";
import type { Clock } from "../build/clock.ts";
import type { Alert, Event, Mode, Page, Post, Provider, Site } from "../model/model.ts";
import { checkPractice, toAlert, toEvent } from "./events.ts";
import { measureForms } from "./forms.ts";
import { checkLocalized, resolveLocalized, type Resolved } from "./localize.ts";
import { fillFacts } from "./facts.ts";
import { extractFaq } from "../markdown/faq.ts";
import { ContentError, quote, type Problem } from "./problems.ts";
import { isReadCached, listMarkdown, readMarkdownFile, readYamlFile, rememberRead, type SourceFile } from "./read.ts";
import { FOLDERS, parseFileName, slugOf, type ContentKind } from "./paths.ts";
import { assemble } from "./assemble.ts";
import { resolveReview } from "./review.ts";
import { readingLevelOf } from "../readability/index.ts";
import { checkNotice } from "./notice.ts";
import { attachComments, COMMENTS_FOLDER } from "../comments/load.ts";
import { createContentCaches, trimContentCaches, type ContentCaches } from "./caches.ts";
import { checkLinks, insideSitePath, siteFolders, type SiteFolders } from "./inside.ts";
import { checkPublished, checkSvgFile } from "./published.ts";

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
}

interface Ctx {
  practice: Practice;
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
  const practice: Practice = practiceResult.ok ? practiceResult.data : FALLBACK_PRACTICE;

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
  const ctx: Ctx = {
    practice,
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
    const rendered = body(c, source, f, id.lang);
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
  const images = createImageService({ cacheDir: opts.cacheDir ?? path.join(root, ".cache"), prefix, progress: opts.progress });
  await addPictures(ctx, root, images, { posts, pages, providers, events });
  const heroes = await heroPictures(practice.brand?.hero, (lang) => practiceIn(ctx, lang).brand?.hero?.alt, langs, practiceFile, { service: images, folders, problems });
  const site = assemble({ ...ctx, providers: visible(providers), pages: visible(pages), posts: visible(posts), events: visible(events), alerts, formSizes, heroes, imageFiles: images.files(), assets: opts.assets ?? { css: "/assets/css/site.css" } });
  // Every file of the site was read: what this load did not use (a deleted file) goes.
  trimContentCaches(ctx.caches);
  // A link leading nowhere is found by the walk and again by the reader: say it once.
  if (problems.length) throw new ContentError([...new Map(problems.map((p) => [`${p.file}\0${p.field}\0${p.message}`, p])).values()]);
  return site;
}

/** The logo is published as it is (favicon.svg) and made into icons: a file of the site, and a plain drawing. */
function checkLogo(logo: string, folders: SiteFolders, file: string, svgChecked: ReadonlySet<string>, problems: Problem[]): void {
  const found = insideSitePath(logo, folders);
  if (!found.ok) {
    const message = found.why === "outside" ? `logo "${logo}" is outside the site's folders; keep the logo under /assets/` : `no such file: ${logo.slice(1)}`;
    problems.push({ file, field: "logo", message });
    return;
  }
  // An SVG under assets/ was checked with every other published file, and reported there.
  if (found.abs.toLowerCase().endsWith(".svg") && !svgChecked.has(found.abs)) {
    const message = checkSvgFile(found.abs);
    if (message) problems.push({ file, field: "logo", message: `${logo.slice(1)}: ${message}` });
  }
}

type Builder<FM, T> = (ctx: Ctx, f: SourceFile, fm: FM, body: string, id: { key: string; lang: Lang }) => T | undefined;

function readAll<T extends { status: string }, FM>(
  ctx: Ctx,
  kind: ContentKind,
  files: SourceFile[],
  build: Builder<FM, T>,
): T[] {
  const schema = SCHEMAS[kind];
  const out: T[] = [];
  for (const f of files) {
    const id = parseFileName(kind, f.name, ctx.langs, ctx.defaultLang, ctx.caches.slugs);
    if ("error" in id) {
      ctx.problems.push({ file: f.file, message: id.error });
      continue;
    }
    const result = readMarkdownFile(schema, f, ctx.caches.reads);
    if (!result.ok) {
      ctx.problems.push(...result.problems);
      continue;
    }
    const item = build(ctx, f, result.data as FM, result.body, id);
    if (item) out.push(item);
  }
  return out;
}

// Markdown rendered per file for the preview server's next load (lib/content/caches.ts).
function cachedRender(ctx: Ctx, source: string, f: SourceFile, lang: Lang): Rendered | undefined {
  const hit = ctx.caches.renders.get(f.abs);
  if (hit && hit.source === source && hit.lang === lang && hit.prefix === ctx.prefix && hit.checked.every(([p, was]) => ctx.exists(p) === was)) return hit.result;
  return undefined;
}

function renderCached(ctx: Ctx, source: string, f: SourceFile, lang: Lang): Rendered {
  const hit = cachedRender(ctx, source, f, lang);
  if (hit) return hit;
  const { result, checked } = renderChecked({ source, lang, prefix: ctx.prefix }, ctx.root);
  ctx.caches.renders.set(f.abs, { source, lang, prefix: ctx.prefix, checked, result });
  return result;
}

async function prepareFiles(ctx: Ctx, root: string, files: readonly { f: SourceFile; kind: ContentKind }[], worker: URL | undefined): Promise<void> {
  const todo: FileTask[] = [];
  for (const { f, kind } of files) {
    if (isReadCached(SCHEMAS[kind], f, ctx.caches.reads)) continue;
    todo.push({ kind, f, langs: ctx.langs, defaultLang: ctx.defaultLang, prefix: ctx.prefix });
  }
  if (todo.length < PARALLEL_MIN) return;
  const results = await processFiles(todo, root, { worker });
  todo.forEach((task, i) => {
    const { id, read, rendered: body } = results[i]!;
    if (read) rememberRead(SCHEMAS[task.kind], task.f, read, ctx.caches.reads);
    if (body && read?.ok && !("error" in id)) ctx.caches.renders.set(task.f.abs, { source: read.body, lang: id.lang, prefix: ctx.prefix, checked: body.checked, result: body.result });
  });
}

/** Renders a body, practice facts filled in; what the author must fix there is reported against the file. */
function body(ctx: Ctx, source: string, f: SourceFile, lang: Lang) {
  const rendered = renderCached(ctx, source, f, lang);
  // Lines the renderer names are the body's; staff count them from the top of the file.
  // Counted only when a problem names a line: this runs for every file of every build.
  const frontLines = () => f.source.split("\n").length - source.split("\n").length;
  const report = (message: string) => ctx.problems.push({ file: f.file, field: "body", message: message.replace(/^line (\d+):/, (_m, n: string) => `line ${Number(n) + frontLines()}:`) });
  rendered.problems.forEach(report);
  if (rendered.images.length) ctx.bodyImages.set(f.file, rendered.images);
  if (!rendered.facts.length) return { ...rendered, live: false };
  const filled = fillFacts(rendered.html, rendered.facts, practiceIn(ctx, lang), { now: ctx.now, lang });
  filled.problems.forEach(report);
  return { ...rendered, html: filled.html, live: filled.live };
}

/** practice.yaml in one language (each resolved once per load). */
function practiceIn(ctx: Ctx, lang: Lang): Resolved<Practice> {
  let resolved = ctx.resolved.get(lang);
  if (!resolved) ctx.resolved.set(lang, (resolved = resolveLocalized(ctx.practice, lang, ctx.defaultLang, ctx.langs)));
  return resolved;
}

const toProvider: Builder<ProviderFrontMatter, Provider> = (ctx, f, fm, source, id) => {
  const rendered = body(ctx, source, f, id.lang);
  return {
    kind: "provider",
    key: id.key,
    lang: id.lang,
    file: f.file,
    url: ctx.urls.local(id.lang, `/providers/${id.key}/`),
    html: rendered.html,
    videoHosts: rendered.videoHosts,
    live: rendered.live,
    status: fm.draft ? "draft" : "published",
    name: fm.name,
    credentials: fm.credentials,
    fullName: fm.credentials ? `${fm.name}, ${fm.credentials}` : fm.name,
    role: fm.role,
    languages: fm.languages ?? [],
    order: fm.order ?? 999,
    since: fm.since,
    photo: fm.photo,
    photoAlt: fm.photoAlt,
    initials: initials(fm.name),
  };
};

const toPage = (ctx: Ctx, f: SourceFile, fm: PageFrontMatter, source: string, id: { key: string; lang: Lang }, providers: Map<string, Provider>): Page | undefined => {
  const review = resolveReview(ctx, f.file, fm, id.lang, providers);
  if (!review) return undefined;
  const rendered = body(ctx, source, f, id.lang);
  return {
    kind: "page",
    key: id.key,
    lang: id.lang,
    file: f.file,
    url: ctx.urls.local(id.lang, id.key === "index" ? "/" : `/${id.key}/`),
    html: rendered.html,
    videoHosts: rendered.videoHosts,
    live: rendered.live,
    status: fm.draft ? "draft" : "published",
    title: fm.title,
    description: fm.description,
    nav: fm.nav,
    navTitle: fm.navTitle,
    blocks: fm.blocks ?? [],
    faq: fm.faq ? extractFaq(source, { prefix: ctx.prefix, fill: (html, facts) => fillFacts(html, facts, practiceIn(ctx, id.lang), { now: ctx.now, lang: id.lang }).html }) : undefined,
    searchTerms: fm.searchTerms,
    ...review,
  };
};

function toPost(
  ctx: Ctx,
  f: SourceFile,
  fm: PostFrontMatter,
  source: string,
  id: { key: string; lang: Lang },
  providers: Map<string, Provider>,
): Post | undefined {
  let author: Provider | undefined;
  if (fm.author) {
    author = providers.get(`${id.lang}:${fm.author}`) ?? providers.get(`${ctx.defaultLang}:${fm.author}`);
    if (!author) {
      const known = [...new Set([...providers.values()].map((p) => p.key))].join(", ") || "none yet";
      ctx.problems.push({ file: f.file, field: "author", message: `no provider with the slug "${fm.author}" (known: ${known})` });
      return undefined;
    }
  }
  if (fm.image && !fm.imageAlt) {
    ctx.problems.push({ file: f.file, field: "imageAlt", message: `image "${fm.image}" has no alt text; describe it for parents who cannot see it` });
    return undefined;
  }
  const tags = [];
  const seen = new Set<string>();
  for (const name of fm.tags ?? []) {
    const slug = slugOf(name, ctx.caches.slugs);
    if (!slug) {
      ctx.problems.push({ file: f.file, field: "tags", message: `tag ${quote(name)} has no letters or digits to make a web address from` });
      return undefined;
    }
    if (seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ slug, name, url: ctx.urls.local(id.lang, `/blog/tags/${slug}/`) });
  }
  const review = resolveReview(ctx, f.file, fm, id.lang, providers);
  if (!review) return undefined;
  const date = toZoned(fm.date, ctx.practice.timezone);
  const rendered = body(ctx, source, f, id.lang);
  return {
    kind: "post",
    key: id.key,
    lang: id.lang,
    file: f.file,
    url: ctx.urls.local(id.lang, `/blog/${id.key}/`),
    html: rendered.html,
    videoHosts: rendered.videoHosts,
    live: rendered.live,
    status: fm.draft ? "draft" : date.dt > ctx.now ? "scheduled" : "published",
    title: fm.title,
    description: fm.description,
    date,
    tags,
    author,
    ...review,
    readingMinutes: readingMinutes(rendered.words),
    // For staff only: production builds never measure it, so no page can show it.
    ...(ctx.mode === "preview" && { reading: readingLevelOf(f.abs, source, id.lang, ctx.caches.readingLevels) }),
    comments: fm.comments ?? ctx.practice.comments ?? "off",
    image: fm.image,
    imageAlt: fm.imageAlt,
  };
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

async function addPictures(
  ctx: Ctx,
  root: string,
  service: ImageService,
  items: { posts: Post[]; pages: Page[]; providers: Provider[]; events: Event[] },
): Promise<void> {
  const common = { service, folders: ctx.folders, problems: ctx.problems };
  await Promise.all([
    ...items.posts.map(async (post) => {
      if (post.image && post.imageAlt) {
        const hero = await frontMatterPicture(post.image, post.imageAlt, "image", post.file, { ...common, sizes: SIZES.hero, eager: true, className: "hero-image" });
        if (hero) {
          post.picture = hero.html;
          post.socialImage = { url: await service.socialCrop(hero.abs), alt: post.imageAlt };
          await addThumbnail(post, common);
        }
      }
    }),
    ...items.providers.map(async (provider) => {
      if (provider.photo) {
        const alt = provider.photoAlt ?? "";
        const portrait = await frontMatterPicture(provider.photo, alt, "photo", provider.file, { ...common, sizes: SIZES.portrait, eager: false, className: "portrait" });
        if (portrait) provider.picture = portrait.html;
        const avatar = portrait && (await frontMatterPicture(provider.photo, "", "photo", provider.file, { ...common, sizes: SIZES.avatar, eager: false, className: "avatar" }));
        if (avatar) provider.avatar = avatar.html;
      }
    }),
  ]);
  const all: (Post | Page | Provider | Event)[] = [...items.posts, ...items.pages, ...items.providers, ...items.events];
  await Promise.all(
    all.map(async (item) => {
      const images = ctx.bodyImages.get(item.file);
      if (!images) return;
      item.html = await replaceBodyImages({ file: item.file, html: item.html, hasHero: item.kind === "post" && !!item.picture }, images, service, ctx.folders, ctx.problems);
    }),
  );
}
