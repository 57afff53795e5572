// Every local image goes through sharp (via @11ty/eleventy-img): AVIF, WebP and a
// JPEG/PNG fallback at several widths (never upscaled), orientation applied and all
// metadata stripped (phone photos carry GPS positions). Encoded files live in a cache
// folder that survives builds, so an unchanged image is never encoded twice; each build
// links the files it uses into its own output.
//
// A warm build loads neither sharp nor eleventy-img (about a fifth of a second of start-up
// between them): what eleventy-img said about an encoded photo (its widths, file names and
// sizes) is kept beside the files, keyed by the photo's bytes and the settings, and the
// HTML comes from eleventy-img's small generate-html module. Only a photo not encoded yet
// loads the encoder.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { linkOrCopy } from "./files.ts";
import path from "node:path";
import { createRequire } from "node:module";
import type { Sharp } from "sharp";
import { countedStep, type Progress } from "../build/progress.ts";
import { WIDTHS, widestUseful } from "./image-widths.ts";
import { stripPng } from "./png.ts";
import { queue, type PendingImages } from "./image-queue.ts";

interface ImageFormatEntry {
  url: string;
  srcset: string;
  width: number;
  height: number;
  outputPath: string;
  sourceType?: string;
  format: string;
}
type Metadata = Record<string, ImageFormatEntry[]>;
interface EleventyImage {
  (src: string, options: Record<string, unknown>): Promise<Metadata>;
  concurrency: number;
}
// eleventy-img is CommonJS; TypeScript 7 cannot see its exports, so it is typed here.
const require = createRequire(import.meta.url);
const generateHTML = require("@11ty/eleventy-img/src/generate-html.js") as (
  metadata: Metadata,
  attributes: Record<string, string | undefined>,
) => string;

/** eleventy-img and sharp, loaded the first time a photo needs encoding. */
let encoder: { Image: EleventyImage; sharp: typeof import("sharp") } | undefined;
function loadEncoder(): NonNullable<typeof encoder> {
  if (encoder) return encoder;
  const Image = require("@11ty/eleventy-img") as EleventyImage;
  // eleventy-img remembers, for the life of the process, that an output file did not exist;
  // a second build in the same process (npm start, tests) would then encode every image
  // again although the first build wrote them. Ask the disk each time instead: an
  // existsSync per output file costs microseconds, a needless AVIF encode costs seconds.
  const ExistsCache = require("@11ty/eleventy-img/src/exists-cache.js") as { prototype: { exists(p: string): boolean } };
  // An empty file is one a killed build left mid-encode (sharp opens it before it writes):
  // encode it again rather than publish a broken picture.
  ExistsCache.prototype.exists = function exists(p: string): boolean {
    if (/^[a-z]+:\/\//i.test(p)) return false;
    const found = statSync(p, { throwIfNoEntry: false });
    return found !== undefined && found.size > 0;
  };
  return (encoder = { Image, sharp: require("sharp") as typeof import("sharp") });
}

/** sharp, for the callers that draw (icons, social card), loaded on first use: a warm build needs none. */
export function loadSharp(): typeof import("sharp") {
  return encoder?.sharp ?? (require("sharp") as typeof import("sharp"));
}

export const SOCIAL = { width: 1200, height: 630 } as const;

/**
 * AVIF effort (sharp's default is 4). Measured on this project's photos (npm run bench and
 * docs/developers/performance.md): effort 2 takes a seventh to a fifteenth of effort 4's
 * CPU time, for files within a few hundred bytes (SSIM >= 0.993 against the resized
 * source at either setting; a camera photo came out smaller at 2). A new practice's
 * first build is the one that waits for it.
 */
export const AVIF_EFFORT = 2;

/** What eleventy-img is given for every photo; also part of the cache key of what it answered. */
const SETTINGS = {
  formats: ["avif", "webp", "auto"],
  // Animated GIFs stay animated (as animated WebP, with a GIF fallback).
  sharpOptions: { animated: true },
  sharpAvifOptions: { effort: AVIF_EFFORT },
  // Part of eleventy-img's file names: the explicit default changes every name once, so
  // PNGs encoded before stripPng existed (text chunks kept) are never published again.
  sharpPngOptions: { adaptiveFiltering: false },
  // SVGs are published as they are, after lib/content/pictures.ts found them plain drawings.
  svgShortCircuit: true,
};

export interface ImageJob {
  /** Absolute path of the source file. */
  abs: string;
  alt: string;
  sizes: string;
  /** The first large image of a page: fetched early, not lazily. */
  eager?: boolean;
  className?: string;
}

export interface ImageService {
  /** A <picture> element for the image. */
  picture(job: ImageJob): Promise<string>;
  /** A 1200×630 crop for Open Graph cards; returns its site path. */
  socialCrop(abs: string): Promise<string>;
  /** The cached files this build uses (to link into the output). */
  files(): string[];
}

/** A remembered answer as eleventy-img gave it: generateHTML reads the hidden `eleventyImage` property. */
function revive(text: string): Metadata | undefined {
  const { meta, eleventyImage } = JSON.parse(text) as { meta?: Metadata; eleventyImage?: unknown };
  // Anything else (a file from another version, cut short) is not an answer: the photo goes through eleventy-img again.
  if (!meta || typeof meta !== "object" || !eleventyImage) return undefined;
  Object.defineProperty(meta, "eleventyImage", { enumerable: false, writable: false, value: eleventyImage });
  return meta;
}

/** Memoises an async step by key: each photo is worked on once per build (per set of widths). */
function once<T>(work: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const started = new Map<string, Promise<T>>();
  return (key) => {
    let result = started.get(key);
    if (!result) started.set(key, (result = work(key)));
    return result;
  };
}

export function createImageService(opts: {
  cacheDir: string;
  prefix: string;
  progress?: Progress;
  /**
   * The preview: a photo not encoded yet does not hold up the save's pages. It is shown as
   * one quick, metadata-free WebP while its widths and formats are encoded in the
   * background, after the build (startBackgroundImages); the encoder's answer is then
   * written to img/meta/, which the preview watches (lib/build/configure.ts), and the
   * rebuild that follows shows the real picture.
   */
  background?: PendingImages;
}): ImageService {
  const outputDir = path.join(opts.cacheDir, "img");
  const used = new Set<string>();
  // A new photo is encoded in up to four widths and three formats: seconds on a cold cache.
  const encoding = countedStep(opts.progress, "Encoding photos");

  // One source photo is often used by many posts: each is read and hashed once per build,
  // and (on a cold cache) encoded once per set of widths, however many pages show it.
  // Only the hash is kept: a practice's photos held in memory for a whole build would be hundreds of MB.
  const bytesOf = once(async (abs) => ({
    hash: createHash("sha256")
      .update(await readFile(abs))
      .digest("hex"),
  }));
  const metadataFor = once(async (key) => {
    const [widest, abs] = [Number(key.slice(0, key.indexOf(" "))), key.slice(key.indexOf(" ") + 1)];
    // At least two: with one candidate eleventy-img leaves out the sizes attribute, and a
    // browser then takes the image as 100vw wide when it chooses what to fetch.
    return metadata(
      abs,
      WIDTHS.filter((w, i) => w <= widest || i < 2),
    );
  });
  const socialCropFor = once(cropFor);

  /** eleventy-img's answer for a photo: remembered beside the files, or encoded now. */
  async function metadata(abs: string, widths: number[]): Promise<Metadata> {
    const { hash } = await bytesOf(abs);
    const key = createHash("sha256")
      .update(JSON.stringify([hash, widths, opts.prefix, SETTINGS]))
      .digest("hex")
      .slice(0, 20);
    const remembered = path.join(outputDir, "meta", `${key}.json`);
    const known = await readFile(remembered, "utf8")
      .then(revive)
      .catch(() => undefined);
    const files = known && Object.values(known).flatMap((entries) => entries.map((e) => path.join(outputDir, path.basename(e.outputPath))));
    if (known && files!.every((f) => existsSync(f))) {
      for (const entries of Object.values(known)) for (const e of entries) e.outputPath = path.join(outputDir, path.basename(e.outputPath));
      files!.forEach((f) => used.add(f));
      return known;
    }
    if (opts.background && queue(opts.background, key, () => encodeAndRemember(abs, widths, remembered))) return standIn(abs, hash);
    return encodeAndRemember(abs, widths, remembered);
  }

  async function encodeAndRemember(abs: string, widths: number[], remembered: string): Promise<Metadata> {
    const finished = encoding.start();
    try {
      const meta = await encode(abs, widths);
      await mkdir(path.dirname(remembered), { recursive: true });
      // Whole or not at all: a build beside this one never reads half a file.
      const temp = `${remembered}.${process.pid}.tmp`;
      // With the HTML options eleventy-img hides on its answer (they set the attributes' order).
      await writeFile(temp, JSON.stringify({ meta, eleventyImage: (meta as { eleventyImage?: unknown }).eleventyImage }));
      await rename(temp, remembered);
      return meta;
    } finally {
      finished();
    }
  }

  /** The preview's picture of a photo still being encoded: one WebP, 800 px at most, orientation applied and no metadata (sharp writes none unless asked). */
  async function standIn(abs: string, hash: string): Promise<Metadata> {
    const file = path.join(outputDir, `pending-${hash.slice(0, 16)}.webp`);
    let size: { width?: number; height?: number } | undefined = await loadSharp()(file)
      .metadata()
      .catch(() => undefined);
    if (!size?.width || !size.height) {
      await mkdir(outputDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      size = await loadSharp()(abs).rotate().resize({ width: 800, withoutEnlargement: true }).webp({ quality: 70, effort: 0 }).toFile(temp);
      await rename(temp, file);
    }
    const { width = 0, height = 0 } = size;
    used.add(file);
    const url = `${opts.prefix}/img/${path.basename(file)}`;
    const entry = { url, srcset: `${url} ${width}w`, width, height, outputPath: file, format: "webp", sourceType: "image/webp" };
    return { webp: [entry] };
  }

  async function encode(abs: string, widths: number[]): Promise<Metadata> {
    const { Image } = loadEncoder();
    const svgHook = require("@11ty/eleventy-img/src/format-hooks/svg.js") as (sharpInstance: unknown) => Promise<Buffer>;
    const meta = await Image(abs, {
      ...SETTINGS,
      widths,
      outputDir,
      urlPath: `${opts.prefix}/img/`,
      formatHooks: {
        svg: svgHook,
        // PNG fallbacks: encoded by sharp as eleventy-img would, then stripped of metadata chunks.
        png: async (instance: Sharp) => stripPng(await instance.png({ adaptiveFiltering: false }).toBuffer()),
      },
    });
    for (const entries of Object.values(meta)) for (const e of entries) used.add(e.outputPath);
    return meta;
  }

  return {
    async picture(job) {
      const meta = await metadataFor(`${widestUseful(job.sizes)} ${job.abs}`);
      const attributes = {
        alt: job.alt,
        sizes: job.sizes,
        class: job.className,
        loading: job.eager ? "eager" : "lazy",
        decoding: job.eager ? undefined : "async",
        fetchpriority: job.eager ? "high" : undefined,
      };
      return generateHTML(meta, Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)));
    },
    socialCrop: socialCropFor,
    files: () => [...used].sort(),
  };

  async function cropFor(abs: string): Promise<string> {
    const hash = (await bytesOf(abs)).hash.slice(0, 12);
    const file = path.join(outputDir, `og-${hash}.jpg`);
    const url = `/img/${path.basename(file)}`;
    if (!(await stat(file).catch(() => undefined))) {
      // The preview: the card's crop is made beside the photo's encoding; its file appearing
      // sets off the rebuild that publishes it (nothing in the preview fetches it meanwhile).
      if (opts.background && queue(opts.background, file, () => crop(abs, file))) return url;
      await crop(abs, file);
    }
    used.add(file);
    return url;
  }

  async function crop(abs: string, file: string): Promise<void> {
    await mkdir(outputDir, { recursive: true });
    // Whole or not at all: a killed build never leaves half a card to publish.
    const temp = `${file}.${process.pid}.tmp`;
    // rotate() applies EXIF orientation; sharp writes no metadata to a JPEG unless asked to.
    await writeFile(
      temp,
      await loadSharp()(await readFile(abs))
        .rotate()
        .resize(SOCIAL.width, SOCIAL.height, { fit: "cover", position: "attention" })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer(),
    );
    await rename(temp, file);
  }
}

/** Links the cached image files a build uses into its output folder. */
export async function publishImages(files: readonly string[], outDir: string): Promise<void> {
  if (!files.length) return;
  const target = path.join(outDir, "img");
  await mkdir(target, { recursive: true });
  await Promise.all(
    files.map(async (file) => {
      const dest = path.join(target, path.basename(file));
      if (await stat(dest).catch(() => undefined)) return;
      await linkOrCopy(file, dest);
    }),
  );
}
