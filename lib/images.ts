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
const ExistsCache = require("@11ty/eleventy-img/src/exists-cache.js") as { prototype: { exists(p: string): boolean } };
ExistsCache.prototype.exists = function exists(p: string): boolean {
  return !/^[a-z]+:\/\//i.test(p) && existsSync(p);
};

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

export function createImageService(opts: { cacheDir: string; prefix: string }): ImageService {
  const outputDir = path.join(opts.cacheDir, "img");
  const used = new Set<string>();

  // One source photo is often used by many posts: each is read, hashed and (on a cold
  // cache) encoded once per build, however many pages show it.
  const metadataFor = oncePerSource(encode);
  const socialCropFor = oncePerSource(cropFor);

  async function encode(abs: string): Promise<Metadata> {
    const meta = await Image(abs, {
      widths: WIDTHS,
      formats: ["avif", "webp", "auto"],
      outputDir,
      urlPath: `${opts.prefix}/img/`,
      // Animated GIFs stay animated (as animated WebP, with a GIF fallback).
      sharpOptions: { animated: true },
      svgShortCircuit: true,
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
      // rotate() applies EXIF orientation; sharp writes no metadata unless asked to.
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
