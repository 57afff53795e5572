// Markdown bodies: rendered once per file (kept for the preview server's next load), on two
// threads up front for large sites, with practice facts filled in and problems reported
// against the file's own lines.
import type { Rendered } from "../markdown/index.ts";
import { renderChecked } from "../markdown/checked.ts";
import type { Lang } from "../i18n/index.ts";
import { PARALLEL_MIN, processFiles, SCHEMAS, type FileTask } from "./parallel.ts";
import { fillFacts } from "./facts.ts";
import { isReadCached, rememberRead, sourceDigest, type SourceFile } from "./read.ts";
import type { ContentKind } from "./paths.ts";
import { practiceIn, type LoadContext } from "./load-context.ts";

// Markdown rendered per file for the preview server's next load (lib/content/caches.ts). The
// body is always the body of `f`, so the file's digest (sourceDigest) identifies it.
function cachedRender(ctx: LoadContext, f: SourceFile, lang: Lang): Rendered | undefined {
  const hit = ctx.caches.renders.get(f.abs);
  if (hit && hit.digest === sourceDigest(f) && hit.lang === lang && hit.prefix === ctx.prefix && hit.checked.every(([p, was]) => ctx.exists(p) === was)) return hit.result;
  return undefined;
}

function renderCached(ctx: LoadContext, source: string, f: SourceFile, lang: Lang): Rendered {
  const hit = cachedRender(ctx, f, lang);
  if (hit) return hit;
  const { result, checked } = renderChecked({ source, lang, prefix: ctx.prefix }, ctx.root);
  ctx.caches.renders.set(f.abs, { digest: sourceDigest(f), lang, prefix: ctx.prefix, checked, result });
  return result;
}

export async function prepareFiles(ctx: LoadContext, root: string, files: readonly { f: SourceFile; kind: ContentKind }[], worker: URL | undefined): Promise<void> {
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
    if (body && read?.ok && !("error" in id)) ctx.caches.renders.set(task.f.abs, { digest: sourceDigest(task.f), lang: id.lang, prefix: ctx.prefix, checked: body.checked, result: body.result });
  });
}

/** Renders a body, practice facts filled in; what the author must fix there is reported against the file. */
export function renderBody(ctx: LoadContext, source: string, f: SourceFile, lang: Lang) {
  const rendered = renderCached(ctx, source, f, lang);
  // Lines the renderer names are the body's; staff count them from the top of the file.
  // Counted only when a problem names a line: this runs for every file of every build.
  const frontLines = () => f.source.split("\n").length - source.split("\n").length;
  const report = (message: string) => ctx.problems.push({ file: f.file, field: "body", message: message.replace(/^line (\d+):/, (_m, n: string) => `line ${Number(n) + frontLines()}:`) });
  rendered.problems.forEach(report);
  if (rendered.images.length) ctx.bodyImages.set(f.file, rendered.images);
  if (!rendered.facts.length) return { ...rendered, live: false };
  const filled = fillFacts(rendered.html, rendered.facts, practiceIn(ctx, lang), { now: ctx.now, lang });
  if (!ctx.practiceStandIn) filled.problems.forEach(report);
  return { ...rendered, html: filled.html, live: filled.live };
}
