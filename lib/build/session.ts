// One build session: everything a build needs to know or keep, passed explicitly to the
// Eleventy configuration (lib/build/configure.ts) instead of living in module globals or
// travelling through process.env. `npm run build` (lib/build/build.ts) makes one per build, so
// two builds in one process never see each other's state; `npm start` makes one for the
// life of the preview server, so its caches make each rebuild after a save quick.
import path from "node:path";
import { assetUrls } from "../outputs/assets.ts";
import { systemClock, type Clock } from "./clock.ts";
import { loadSite } from "../content/load.ts";
import { createContentCaches, type ContentCaches } from "../content/caches.ts";
import { restoreContentCaches, saveContentCaches, storeFile } from "../content/stored.ts";
import { sourceKey } from "./source-key.ts";
import type { PendingImages } from "../outputs/image-queue.ts";
import type { Mode, Site } from "../model/model.ts";
import { createProgress, type Progress } from "./progress.ts";

/** How Eleventy runs the session: "build" writes once; "serve" (npm start) and "watch" rebuild on every save. */
export type RunMode = "build" | "serve" | "watch";

export interface SessionOptions {
  /** The practice's project folder (content/, assets/, .cache/), absolute. */
  root: string;
  /** The content folder, absolute. */
  contentDir: string;
  mode: Mode;
  /** Host sub-path such as "/my-practice", or "". */
  prefix: string;
  /** The build's "now". */
  clock: Clock;
  /** Encoded images, icons and search bundles kept between builds, absolute. */
  cacheDir: string;
  run: RunMode;
  /** The content worker's script when not the TypeScript one (scripts/build.mjs runs it compiled). */
  contentWorker?: URL;
  /** Where lines about long steps go (the terminal); none when absent. */
  progress?: Progress;
  /** The content caches kept on disk between builds (lib/content/stored.ts), in cacheDir. */
  contentStore: string;
}

export interface BuildSession {
  readonly options: Readonly<SessionOptions>;
  /** Parsed and rendered files kept from one load to the next (the preview's rebuilds). */
  readonly caches: ContentCaches;
  /** Fingerprints of the indexed pages the current build rendered, by output file (lib/outputs/search/shards.ts). */
  readonly digests: Map<string, string>;
  /** A model already loaded and checked for the next build (lib/build/build.ts validates before Eleventy starts). */
  preloaded: Site | undefined;
  /** Whether the caches were filled from the content store yet (the session's first load does it). */
  restored: boolean;
  /** Pages `npm run build` wrote itself (lib/build/configure.ts), not through Eleventy. */
  pagesWritten: number;
  /** The preview's photos being encoded in the background (lib/outputs/images.ts); `npm run build` encodes before it writes. */
  readonly pendingImages: PendingImages;
}

export interface SessionInput {
  /** Default: the working directory. */
  root?: string;
  /** Relative to root (default "content"). */
  contentDir?: string;
  mode?: Mode;
  prefix?: string;
  /** Default: the real time. */
  clock?: Clock;
  /** Relative to root (default ".cache"). */
  cacheDir?: string;
  run?: RunMode;
  contentWorker?: URL;
  /** Prints a line about a step that takes more than two seconds (lib/build/progress.ts). */
  progress?: (line: string) => void;
}

export function createSession(input: SessionInput = {}): BuildSession {
  const root = path.resolve(input.root ?? process.cwd());
  const cacheDir = path.resolve(root, input.cacheDir || ".cache");
  const options: SessionOptions = {
    root,
    contentDir: path.resolve(root, input.contentDir || "content"),
    mode: input.mode ?? "production",
    prefix: input.prefix ?? "",
    clock: input.clock ?? systemClock,
    cacheDir,
    run: input.run ?? "build",
    contentStore: storeFile(cacheDir, sourceKey()),
    ...(input.contentWorker && { contentWorker: input.contentWorker }),
    ...(input.progress && { progress: createProgress(input.progress) }),
  };
  return {
    options: Object.freeze(options),
    caches: createContentCaches(),
    digests: new Map(),
    preloaded: undefined,
    restored: false,
    pagesWritten: 0,
    pendingImages: new Map(),
  };
}

/** The model for the next build: the one loaded ahead, else a fresh load through the session's caches. */
export async function loadModel(session: BuildSession): Promise<Site> {
  const ready = session.preloaded;
  session.preloaded = undefined;
  if (ready) return ready;
  const o = session.options;
  // The first load of a preview encodes its photos before it writes (it is the one before the
  // file watcher is up, which a background encode relies on to rebuild).
  const first = !session.restored;
  if (first) {
    session.restored = true;
    restoreContentCaches(session.caches, o.contentStore);
  }
  try {
    return await loadSite({
      root: o.root,
      contentDir: o.contentDir,
      mode: o.mode,
      prefix: o.prefix,
      clock: o.clock,
      cacheDir: o.cacheDir,
      assets: assetUrls(),
      caches: session.caches,
      contentWorker: o.contentWorker,
      progress: o.progress,
      backgroundImages: o.run === "build" || first ? undefined : session.pendingImages,
    });
  } finally {
    // Also after a load with problems: every file it did read is worth keeping.
    saveContentCaches(session.caches, o.contentStore);
  }
}

/** The digests recorded since the last call, which starts the next build's. */
export function takeDigests(session: BuildSession): Map<string, string> {
  const taken = new Map(session.digests);
  session.digests.clear();
  return taken;
}
