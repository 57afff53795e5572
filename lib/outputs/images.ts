// Every local image goes through sharp (via @11ty/eleventy-img): AVIF, WebP and a
// JPEG/PNG fallback at several widths (never upscaled), orientation applied and all
// metadata stripped (phone photos carry GPS positions). Encoded files live in a cache
// folder that survives builds, so an unchanged image is never encoded twice; each build
// links the files it uses into its own output.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { linkOrCopy } from "./files.ts";
import path from "node:path";
import { createRequire } from "node:module";
import sharp from "sharp";
import { countedStep, type Progress } from "../build/progress.ts";

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
  generateHTML(metadata: Metadata, attributes: Record<string, string | undefined>): string;
}
// eleventy-img is CommonJS; TypeScript 7 cannot see its exports, so it is typed here.
const require = createRequire(import.meta.url);
const Image = require("@11ty/eleventy-img") as EleventyImage;

// eleventy-img remembers, for the life of the process, that an output file did not exist;
// a second build in the same process (npm start, tests) would then encode every image
// again although the first build wrote them. Ask the disk each time instead: an
// existsSync per output file costs microseconds, a needless AVIF encode costs seconds.
const svgHook = require("@11ty/eleventy-img/src/format-hooks/svg.js") as (sharpInstance: unknown) => Promise<Buffer>;
const ExistsCache = require("@11ty/eleventy-img/src/exists-cache.js") as { prototype: { exists(p: string): boolean } };
ExistsCache.prototype.exists = function exists(p: string): boolean {
  return !/^[a-z]+:\/\//i.test(p) && existsSync(p);
};

/**
 * PNG chunks an image needs to be drawn as intended; every other chunk goes. libvips
 * (sharp 0.33) copies a source PNG's text chunks (tEXt, zTXt, iTXt: a camera's Make and
 * Model, an editor's comments, sometimes a whole XMP packet) into every PNG it writes,
 * although it strips EXIF and XMP everywhere else; eXIf and tIME go the same way.
 */
const PNG_KEEP = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "acTL", "fcTL", "fdAT"]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG with only the chunks in PNG_KEEP (the pixels are untouched); anything else is returned as it is. */
export function stripPng(png: Buffer): Buffer {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return png;
  const parts: Buffer[] = [png.subarray(0, 8)];
  let at = 8;
  let dropped = false;
  while (at + 12 <= png.length) {
    const size = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const end = at + 12 + size;
    if (end > png.length) return png;
    if (PNG_KEEP.has(type)) parts.push(png.subarray(at, end));
    else dropped = true;
    at = end;
    if (type === "IEND") break;
  }
  return dropped ? Buffer.concat(parts) : png;
}

export const WIDTHS = [480, 800, 1200, 1600];
export const SOCIAL = { width: 1200, height: 630 } as const;

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

/** Memoises an async step by source path: each photo is worked on once per build. */
function oncePerSource<T>(work: (abs: string) => Promise<T>): (abs: string) => Promise<T> {
  const started = new Map<string, Promise<T>>();
  return (abs) => {
    let result = started.get(abs);
    if (!result) started.set(abs, (result = work(abs)));
    return result;
  };
}

export function createImageService(opts: { cacheDir: string; prefix: string; progress?: Progress }): ImageService {
  const outputDir = path.join(opts.cacheDir, "img");
  const used = new Set<string>();
  // A new photo is encoded in four widths and three formats: seconds each on a cold cache.
  const encoding = countedStep(opts.progress, "Encoding photos");

  // One source photo is often used by many posts: each is read, hashed and (on a cold
  // cache) encoded once per build, however many pages show it.
  const metadataFor = oncePerSource(encode);
  const socialCropFor = oncePerSource(cropFor);

  async function encode(abs: string): Promise<Metadata> {
    const finished = encoding.start();
    try {
      return await encodeOne(abs);
    } finally {
      finished();
    }
  }

  async function encodeOne(abs: string): Promise<Metadata> {
    const meta = await Image(abs, {
      widths: WIDTHS,
      formats: ["avif", "webp", "auto"],
      outputDir,
      urlPath: `${opts.prefix}/img/`,
      // Animated GIFs stay animated (as animated WebP, with a GIF fallback).
      sharpOptions: { animated: true },
      // Part of eleventy-img's file names: the explicit default changes every name once, so
      // PNGs encoded before stripPng existed (text chunks kept) are never published again.
      sharpPngOptions: { adaptiveFiltering: false },
      // SVGs are published as they are, after lib/content/pictures.ts found them plain drawings.
      svgShortCircuit: true,
      formatHooks: {
        svg: svgHook,
        // PNG fallbacks: encoded by sharp as eleventy-img would, then stripped of metadata chunks.
        png: async (instance: sharp.Sharp) => stripPng(await instance.png({ adaptiveFiltering: false }).toBuffer()),
      },
    });
    for (const entries of Object.values(meta)) for (const e of entries) used.add(e.outputPath);
    return meta;
  }

  return {
    async picture(job) {
      const meta = await metadataFor(job.abs);
      const attributes = {
        alt: job.alt,
        sizes: job.sizes,
        class: job.className,
        loading: job.eager ? "eager" : "lazy",
        decoding: job.eager ? undefined : "async",
        fetchpriority: job.eager ? "high" : undefined,
      };
      return Image.generateHTML(meta, Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)));
    },
    socialCrop: socialCropFor,
    files: () => [...used].sort(),
  };

  async function cropFor(abs: string): Promise<string> {
    const source = await readFile(abs);
    const hash = createHash("sha256").update(source).digest("hex").slice(0, 12);
    const file = path.join(outputDir, `og-${hash}.jpg`);
    if (!(await stat(file).catch(() => undefined))) {
      await mkdir(outputDir, { recursive: true });
      // rotate() applies EXIF orientation; sharp writes no metadata to a JPEG unless asked to.
      await writeFile(file, await sharp(source).rotate().resize(SOCIAL.width, SOCIAL.height, { fit: "cover", position: "attention" }).jpeg({ quality: 82, mozjpeg: true }).toBuffer());
    }
    used.add(file);
    return `/img/${path.basename(file)}`;
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
