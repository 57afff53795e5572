// Turns image references in content into responsive pictures once every file is read:
// Markdown body images (left as markers by the renderer) and front-matter images (a
// post's `image`, a provider's `photo`). Missing files are problems naming the file.
import { openSync, readSync, closeSync } from "node:fs";
import path from "node:path";
import type { ImageService } from "../outputs/images.ts";
import type { MarkdownImage } from "../markdown/images.ts";
import { quote, type Problem } from "./problems.ts";
import { inside, type SiteFolders } from "./inside.ts";
import { checkSvgFile } from "./published.ts";
import { looksLikeXml } from "./svg.ts";

export const SIZES = {
  body: "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
  hero: "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
  portrait: "(min-width: 40rem) 16rem, 40vw",
  /** The home page's photo: half the 70rem column beside the welcome; the width of a phone. */
  homeHero: "(min-width: 48rem) 34rem, calc(100vw - 2rem)",
  /** A post's thumbnail in lists (7rem, 5.5rem on phones: CSS .post-card__thumb). */
  thumb: "(min-width: 40rem) 7rem, 5.5rem",
  /** A portrait in the team grid (CSS .provider-card__photo). */
  avatar: "7rem",
} as const;

/** "./photo.jpg" is beside the content file; "/assets/x.jpg" is under the project. */
export function resolveImage(src: string, contentFile: string, root: string): string | undefined {
  if (src.startsWith("/")) return src.startsWith("/assets/") ? path.join(root, src) : undefined;
  return path.resolve(root, path.dirname(contentFile), src);
}

/**
 * The real file an image reference names, or what is wrong with it: missing, outside the
 * content folder and assets/, or an SVG that is more than a drawing (an SVG is published
 * as it is, so it must be as harmless as a photo).
 */
export function locateImage(src: string, contentFile: string, folders: SiteFolders): { abs: string } | { message: string } {
  const abs = resolveImage(src, contentFile, folders.root);
  if (!abs) return { message: `image ${quote(src)} does not exist (use ./file.jpg beside the page, or /assets/...)` };
  const found = inside(abs, folders);
  if (!found.ok && found.why === "outside") return { message: `image ${quote(src)} is outside the site's folders; keep images beside the page or under /assets/` };
  if (!found.ok) return { message: `image ${quote(src)} does not exist` };
  if (startsLikeXml(found.abs)) {
    const svg = checkSvgFile(found.abs);
    if (svg) return { message: `image ${quote(src)} ${svg}` };
  }
  return { abs: found.abs };
}

/** Image tools go by content, not name: an "x.png" holding SVG is treated as SVG. */
function startsLikeXml(abs: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(abs, "r");
    const head = Buffer.alloc(256);
    return looksLikeXml(head.subarray(0, readSync(fd, head, 0, 256, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface PictureTarget {
  file: string;
  html: string;
  /** Whether the page already has a large image above the body (then no body image is eager). */
  hasHero: boolean;
}

export async function replaceBodyImages(
  item: PictureTarget,
  images: readonly MarkdownImage[],
  service: ImageService,
  folders: SiteFolders,
  problems: Problem[],
): Promise<string> {
  let html = item.html;
  await Promise.all(
    images.map(async (img, i) => {
      const found = locateImage(img.src, item.file, folders);
      let picture = "";
      if ("message" in found) {
        problems.push({ file: item.file, field: "body", message: found.message });
      } else {
        try {
          picture = await service.picture({ abs: found.abs, alt: img.alt, sizes: SIZES.body, eager: i === 0 && !item.hasHero });
        } catch (err) {
          problems.push({ file: item.file, field: "body", message: `image ${quote(img.src)} could not be read: ${(err as Error).message.split("\n")[0]}` });
        }
      }
      html = html.replace(img.marker, picture);
    }),
  );
  return html;
}

export async function frontMatterPicture(
  src: string,
  alt: string,
  field: string,
  file: string,
  opts: { service: ImageService; folders: SiteFolders; problems: Problem[]; sizes: string; eager: boolean; className: string },
): Promise<{ html: string; abs: string } | undefined> {
  const found = locateImage(src, file, opts.folders);
  if ("message" in found) {
    // Front matter names no alternative way of writing the path (the body's message does).
    opts.problems.push({ file, field, message: found.message.replace(/ \(use \.\/file\.jpg.*\)$/, "") });
    return undefined;
  }
  const abs = found.abs;
  try {
    const html = await opts.service.picture({ abs, alt, sizes: opts.sizes, eager: opts.eager, className: opts.className });
    return { html, abs };
  } catch (err) {
    opts.problems.push({ file, field, message: `image ${quote(src)} could not be read: ${(err as Error).message.split("\n")[0]}` });
    return undefined;
  }
}
