// The three item builders (provider, page, post): a validated file in, a model item out, or
// a problem naming the file and field. readAll reads every file of one kind through one.
import { announceOf, type PageFrontMatter, type PostFrontMatter, type ProviderFrontMatter } from "../schema/content.ts";
import { readingMinutes } from "../markdown/index.ts";
import { SCHEMAS } from "./parallel.ts";
import { initials } from "./photos.ts";
import type { Lang } from "../i18n/index.ts";
import { toZoned } from "../model/time.ts";
import type { Page, Post, Provider } from "../model/model.ts";
import { fillFacts } from "./facts.ts";
import { extractFaq } from "../markdown/faq.ts";
import { quote } from "./problems.ts";
import { readMarkdownFile, type SourceFile } from "./read.ts";
import { parseFileName, slugOf, type ContentKind } from "./paths.ts";
import { resolveReview } from "./review.ts";
import { readingLevelOf } from "../readability/index.ts";
import { practiceIn, type LoadContext } from "./load-context.ts";
import { renderBody } from "./bodies.ts";

type Builder<FM, T> = (ctx: LoadContext, f: SourceFile, fm: FM, body: string, id: { key: string; lang: Lang }) => T | undefined;

export function readAll<T extends { status: string }, FM>(
  ctx: LoadContext,
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

export const toProvider: Builder<ProviderFrontMatter, Provider> = (ctx, f, fm, source, id) => {
  const rendered = renderBody(ctx, source, f, id.lang);
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

export const toPage = (ctx: LoadContext, f: SourceFile, fm: PageFrontMatter, source: string, id: { key: string; lang: Lang }, providers: Map<string, Provider>): Page | undefined => {
  const review = resolveReview(ctx, f.file, fm, id.lang, providers);
  if (!review) return undefined;
  const rendered = renderBody(ctx, source, f, id.lang);
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

export function toPost(
  ctx: LoadContext,
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
  const rendered = renderBody(ctx, source, f, id.lang);
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
    ...(fm.announce !== undefined && { announce: announceOf(fm.announce) }),
  };
}
