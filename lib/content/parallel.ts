// Reading thousands of content files on two threads: this one and a worker. Each file
// is parsed, validated against its schema and its Markdown rendered, all pure work on
// its own text. Both threads take batches from one shared counter, so whichever is free
// takes the next: on a small site the worker is still starting when this thread has
// done everything; on a large one they split the work (the machines this runs on,
// CI runners included, have two cores or more). Results are the same either way.
import { Worker } from "node:worker_threads";
import type { Lang } from "../i18n/index.ts";
import { renderChecked, type RenderedWithChecks } from "../markdown/checked.ts";
import { alertSchema, eventSchema, pageSchema, postSchema, providerSchema } from "../schema/content.ts";
import { parseFileName, type ContentKind } from "./paths.ts";
import { parseMarkdownFile, type SourceFile, type Validated } from "./read.ts";

export const SCHEMAS = { post: postSchema, page: pageSchema, provider: providerSchema, event: eventSchema, alert: alertSchema } as const;

export interface FileTask {
  kind: ContentKind;
  f: SourceFile;
  langs: readonly Lang[];
  defaultLang: Lang;
  prefix: string;
}

export interface FileResult {
  /** The file's key and language, or why its name is not usable. */
  id: { key: string; lang: Lang } | { error: string };
  read?: Validated<unknown>;
  /** The body, for kinds that have one and files that validated. */
  rendered?: RenderedWithChecks;
}

/** Below this many files a worker costs more to start than it saves. */
export const PARALLEL_MIN = 300;
const BATCH = 25;

export function processFile(task: FileTask, root: string): FileResult {
  const id = parseFileName(task.kind, task.f.name, task.langs, task.defaultLang);
  if ("error" in id) return { id };
  const read = parseMarkdownFile(SCHEMAS[task.kind], task.f);
  if (!read.ok || task.kind === "alert") return { id, read };
  return { id, read, rendered: renderChecked({ source: read.body, lang: id.lang, prefix: task.prefix }, root) };
}

export async function processFiles(
  tasks: readonly FileTask[],
  root: string,
  opts: {
    parallel?: boolean;
    /** false: leave every batch to the worker (tests use it to check the worker's results). */
    mainTakesPart?: boolean;
    /** Filled in: how many files the worker did. */
    stats?: { byWorker: number };
    /** The worker's script (default: parallel-worker.mjs beside this file, which runs the TypeScript through tsx). */
    worker?: URL;
  } = {},
): Promise<FileResult[]> {
  const out = new Array<FileResult>(tasks.length);
  if (!(opts.parallel ?? tasks.length >= PARALLEL_MIN)) {
    tasks.forEach((task, i) => (out[i] = processFile(task, root)));
    return out;
  }
  const next = new Int32Array(new SharedArrayBuffer(4));
  // scripts/build.mjs passes its compiled parallel-run.ts: it starts in half the time.
  const script = opts.worker ?? new URL("./parallel-worker.mjs", import.meta.url);
  const worker = new Worker(script, { workerData: { tasks, root, next, batch: BATCH } });
  const fromWorker = new Promise<void>((resolve, reject) => {
    worker.on("message", (msg: { start: number; results: FileResult[] } | { done: true }) => {
      if ("done" in msg) resolve();
      else {
        msg.results.forEach((r, k) => (out[msg.start + k] = r));
        if (opts.stats) opts.stats.byWorker += msg.results.length;
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`content worker stopped with code ${code}`))));
  });
  if (opts.mainTakesPart !== false) {
    for (let start = Atomics.add(next, 0, BATCH); start < tasks.length; start = Atomics.add(next, 0, BATCH)) {
      for (let i = start; i < Math.min(start + BATCH, tasks.length); i++) out[i] = processFile(tasks[i]!, root);
    }
  }
  try {
    await fromWorker;
  } finally {
    await worker.terminate();
  }
  const missing = out.findIndex((r) => r === undefined);
  if (missing >= 0) throw new Error(`content worker returned nothing for ${tasks[missing]!.f.file}`);
  return out;
}
