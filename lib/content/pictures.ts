// Turns image references in content into responsive pictures once every file is read:
// Markdown body images (left as markers by the renderer) and front-matter images (a
// post's `image`, a provider's `photo`). Missing files are problems naming the file.
import { existsSync } from "node:fs";
import path from "node:path";
import type { ImageService } from "../images.ts";
import type { MarkdownImage } from "../markdown/images.ts";
import { quote, type Problem } from "./problems.ts";

export const SIZES = {
  body: "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
  hero: "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
  portrait: "(min-width: 40rem) 16rem, 40vw",
} as const;

/** "./photo.jpg" is beside the content file; "/assets/x.jpg" is under the project. */
export function resolveImage(src: string, contentFile: string, root: string): string | undefined {
  if (src.startsWith("/")) return src.startsWith("/assets/") && !src.includes("..") ? path.join(root, src) : undefined;
  return path.resolve(root, path.dirname(contentFile), src);
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
  root: string,
  problems: Problem[],
): Promise<string> {
  let html = item.html;
  await Promise.all(
    images.map(async (img, i) => {
      const abs = resolveImage(img.src, item.file, root);
      let picture = "";
      if (!abs || !existsSync(abs)) {
        problems.push({ file: item.file, field: "body", message: `image ${quote(img.src)} does not exist${abs ? "" : " (use ./file.jpg beside the page, or /assets/...)"}` });
      } else {
        try {
          picture = await service.picture({ abs, alt: img.alt, sizes: SIZES.body, eager: i === 0 && !item.hasHero });
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
  opts: { service: ImageService; root: string; problems: Problem[]; sizes: string; eager: boolean; className: string },
): Promise<{ html: string; abs: string } | undefined> {
  const abs = resolveImage(src, file, opts.root);
  if (!abs || !existsSync(abs)) {
    opts.problems.push({ file, field, message: `image ${quote(src)} does not exist` });
    return undefined;
  }
  try {
    const html = await opts.service.picture({ abs, alt, sizes: opts.sizes, eager: opts.eager, className: opts.className });
    return { html, abs };
  } catch (err) {
    opts.problems.push({ file, field, message: `image ${quote(src)} could not be read: ${(err as Error).message.split("\n")[0]}` });
    return undefined;
  }
}
