// The content caches kept on disk from one build to the next (.cache/content/), like the
// encoded photos beside them: a file whose text did not change is not parsed, validated or
// rendered again by the next `npm run build` or `npm start`, nor by the nightly build that
// restores .cache. A stored result is reused on exactly the terms of the in-memory caches
// (same text, language and prefix, every file it asked about still there or still missing:
// lib/content/read.ts, bodies.ts), and only by the same code: the file is named by a
// fingerprint of lib/ and the dependencies' versions (lib/build/source-key.ts), so an
// update or an edit of the product starts afresh. A missing, old or damaged file is a cold
// cache, never a failed build.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { SCHEMAS } from "./parallel.ts";
import { commentSchema } from "../schema/comment.ts";
import type { CommentHtmlCache, ContentCaches, RenderCache } from "./caches.ts";
import type { Validated } from "./read.ts";

const EXT = ".v8";

// Every schema whose files go through the read cache: the content kinds and visitors' comments.
const STORED_SCHEMAS = { ...SCHEMAS, comment: commentSchema } as const;
type StoredKind = keyof typeof STORED_SCHEMAS;

type RenderEntry = RenderCache extends { get(key: string): infer V | undefined } ? V : never;
type CommentEntry = CommentHtmlCache extends { get(key: string): infer V | undefined } ? V : never;

interface Stored {
  reads: [abs: string, kind: StoredKind, digest: string, result: Validated<unknown>][];
  renders: [abs: string, entry: RenderEntry][];
  comments: [abs: string, entry: CommentEntry][];
}

/** The store of one version of the code, in the build's cache folder. */
export function storeFile(cacheDir: string, codeKey: string): string {
  return path.join(cacheDir, "content", `${codeKey}${EXT}`);
}

/** Fills the caches from the store; returns how many files' results it found (0 when there is none or it cannot be used). */
export function restoreContentCaches(caches: ContentCaches, file: string): number {
  let stored: Stored;
  try {
    // Structured clone, as the content worker's results cross threads: the same values come back.
    stored = v8.deserialize(readFileSync(file)) as Stored;
    if (!Array.isArray(stored?.reads) || !Array.isArray(stored.renders) || !Array.isArray(stored.comments)) return 0;
  } catch {
    return 0;
  }
  for (const [abs, kind, digest, result] of stored.reads) {
    const schema = STORED_SCHEMAS[kind];
    if (Object.hasOwn(STORED_SCHEMAS, kind) && typeof digest === "string") caches.reads.set(abs, { schema, digest, result });
  }
  for (const [abs, entry] of stored.renders) caches.renders.set(abs, entry);
  for (const [abs, entry] of stored.comments) caches.commentHtml.set(abs, entry);
  // Restored counts as kept from an earlier load, so the next load's trim lets go of what it
  // does not use (a deleted file); and it is not new: only what a load parses or renders
  // itself is worth writing back.
  for (const cache of [caches.reads, caches.renders, caches.commentHtml]) {
    cache.trim();
    cache.takeChanged();
  }
  return stored.reads.length;
}

/** Writes the caches back when a load added or dropped anything (whole or not at all: a build beside this one reads the old file or the new). */
export function saveContentCaches(caches: ContentCaches, file: string): void {
  const changed = [caches.reads.takeChanged(), caches.renders.takeChanged(), caches.commentHtml.takeChanged()].some(Boolean);
  if (!changed) return;
  const kindOf = new Map<unknown, StoredKind>(Object.entries(STORED_SCHEMAS).map(([kind, schema]) => [schema, kind as StoredKind]));
  const stored: Stored = { reads: [], renders: [...caches.renders.entries()], comments: [...caches.commentHtml.entries()] };
  for (const [abs, { schema, digest, result }] of caches.reads.entries()) {
    const kind = kindOf.get(schema);
    if (kind) stored.reads.push([abs, kind, digest, result]);
  }
  const dir = path.dirname(file);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, v8.serialize(stored));
    renameSync(temp, file);
    // Stores of other versions of the code are never read again.
    for (const name of readdirSync(dir)) if (name.endsWith(EXT) && path.join(dir, name) !== file) rmSync(path.join(dir, name), { force: true });
  } catch {
    // A cache that cannot be written (read-only or full disk) only makes the next build slower.
    rmSync(temp, { force: true });
  }
}
