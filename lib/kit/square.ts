// The 1080×1080 square Instagram wants (it crops the 1200×630 card to a narrow strip): the
// post's or event's title in large type on the practice's brand colour, the date and place
// of an event, the practice's name, and the post's photo on top when it has one. Drawn as
// SVG and rasterised with sharp like the 1200×630 card (lib/outputs/social-card.ts), and cached by
// content hash so an unchanged square is never encoded again on the preview's rebuilds.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadSharp } from "../outputs/images.ts";
import type { Palette } from "../model/brand.ts";

export const SQUARE = { width: 1080, height: 1080 } as const;
/** The photo's band at the top of a square that has one (about the 1200×630 card's shape). */
const PHOTO_HEIGHT = 540;
const MARGIN = 72;
const FONT = "'DejaVu Sans','Liberation Sans',sans-serif";

export interface SquareInput {
  title: string;
  /** Smaller lines under the title: an event's date and place. */
  details: readonly string[];
  /** The practice's name, in the band at the bottom. */
  name: string;
  palette?: Pick<Palette, "brand" | "brandDark" | "brandSoft">;
  /** The post's photo (any format sharp reads); shown cropped across the top. */
  photo?: Buffer;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);

/**
 * Breaks text into at most `maxLines` lines of at most `max` characters (graphemes), at
 * spaces; a word longer than a line is cut, and text that does not fit ends in "…".
 */
export function wrapLines(text: string, max: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  const words = text.trim().split(/\s+/).filter(Boolean).map(graphemes);
  let cut = false;
  for (let word of words) {
    while (word.length > max) {
      if (line.length) lines.push(line.join(""));
      lines.push(word.slice(0, max).join(""));
      word = word.slice(max);
      line = [];
    }
    if (line.length && line.length + 1 + word.length > max) {
      lines.push(line.join(""));
      line = [];
    }
    line = line.length ? [...line, " ", ...word] : word;
  }
  if (line.length) lines.push(line.join(""));
  if (lines.length > maxLines) {
    lines.length = maxLines;
    cut = true;
  }
  if (cut) {
    const last = graphemes(lines[maxLines - 1]!);
    lines[maxLines - 1] = `${(last.length >= max ? last.slice(0, max - 1) : last).join("").trimEnd()}…`;
  }
  return lines;
}

/** Larger type for short titles; a long one gets smaller type and more lines. */
function titleType(title: string, room: number): { size: number; perLine: number; lines: string[] } {
  for (const [size, perLine] of [
    [96, 16],
    [80, 19],
    [68, 23],
    [58, 27],
  ] as const) {
    const lineHeight = size * 1.18;
    const fits = Math.max(1, Math.floor(room / lineHeight));
    const lines = wrapLines(title, perLine, fits);
    if (!lines.at(-1)?.endsWith("…") || size === 58) return { size, perLine, lines };
  }
  throw new Error("unreachable");
}

/** The square as SVG; the photo, when there is one, is laid under it by squareImage. */
export function squareSvg(input: SquareInput, withPhoto = Boolean(input.photo)): string {
  const brand = input.palette?.brand ?? "#0b6e69";
  const dark = input.palette?.brandDark ?? "#08524e";
  const soft = input.palette?.brandSoft ?? "#d9f0ec";
  const band = 110;
  const top = withPhoto ? PHOTO_HEIGHT : 0;
  const details = input.details.flatMap((d) => wrapLines(d, 42, 2)).slice(0, 3);
  const detailsHeight = details.length ? details.length * 48 + 24 : 0;
  const free = SQUARE.height - band - top - 2 * MARGIN;
  const type = titleType(input.title, free - detailsHeight);
  const lineHeight = Math.round(type.size * 1.18);
  // The title and details as one block, centred in the space left.
  const block = type.lines.length * lineHeight + detailsHeight;
  let y = top + MARGIN + Math.max(0, Math.round((free - block) / 2)) + type.size;
  const title = type.lines.map((l, i) => `<text x="${MARGIN}" y="${y + i * lineHeight}" class="t">${esc(l)}</text>`).join("");
  y += (type.lines.length - 1) * lineHeight + 24 + 48;
  const sub = details.map((l, i) => `<text x="${MARGIN}" y="${y + i * 48}" class="s">${esc(l)}</text>`).join("");
  const name = wrapLines(input.name, 36, 1)[0] ?? "";
  const decoration = withPhoto ? "" : `<circle cx="960" cy="130" r="190" fill="#fff" opacity=".1"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SQUARE.width}" height="${SQUARE.height}" viewBox="0 0 ${SQUARE.width} ${SQUARE.height}">
<style>.t{font:700 ${type.size}px ${FONT};fill:#fff}.s{font:400 38px ${FONT};fill:${soft}}.n{font:700 42px ${FONT};fill:#fff}</style>
<rect y="${top}" width="100%" height="${SQUARE.height - top}" fill="${brand}"/>${decoration}
<rect y="${SQUARE.height - band}" width="100%" height="${band}" fill="${dark}"/>
${title}${sub}<text x="${MARGIN}" y="${SQUARE.height - band / 2 + 15}" class="n">${esc(name)}</text></svg>`;
}

export interface SquareImage {
  data: Buffer;
  /** PNG for flat colour and type (sharp edges, small file); JPEG with a photo. */
  type: "png" | "jpeg";
}

/** Rasterises the square: the photo cropped into the top band, the SVG over it. */
export async function squareImage(input: SquareInput, type: SquareImage["type"] = input.photo ? "jpeg" : "png"): Promise<SquareImage> {
  // sharp loads only when a square is drawn: a warm build loads no image library (lib/outputs/images.ts).
  const sharp = loadSharp();
  const svg = sharp(Buffer.from(squareSvg(input)));
  const layers = input.photo
    ? [
        {
          input: await sharp(input.photo).rotate().resize(SQUARE.width, PHOTO_HEIGHT, { fit: "cover", position: "attention" }).toBuffer(),
          top: 0,
          left: 0,
        },
      ]
    : [];
  const flat = svg.composite(layers).flatten({ background: "#ffffff" });
  const data =
    type === "jpeg" ? await flat.jpeg({ quality: 86, mozjpeg: true }).toBuffer() : await flat.png({ compressionLevel: 9 }).toBuffer();
  return { data, type };
}

/** The file extension of a square: with a photo or without (see SquareImage). */
export const squareExt = (withPhoto: boolean) => (withPhoto ? "jpg" : "png");

/**
 * Writes the square to `file`, as JPEG or PNG by its extension, reusing the copy in
 * `cacheDir` made from the same input.
 */
export async function writeSquare(input: SquareInput, file: string, cacheDir: string): Promise<void> {
  const type = file.endsWith(".jpg") ? "jpeg" : "png";
  const hash = createHash("sha256")
    .update(squareSvg(input))
    .update(input.photo ?? "")
    .digest("hex")
    .slice(0, 16);
  const cached = path.join(cacheDir, `square-${hash}.${squareExt(type === "jpeg")}`);
  if (!(await stat(cached).catch(() => undefined))) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cached, (await squareImage(input, type)).data);
  }
  await mkdir(path.dirname(file), { recursive: true });
  await copyFile(cached, file);
}

/** Reads a photo for a square, or nothing when it is gone (the page then offers the square without it). */
export async function readPhoto(file: string | undefined): Promise<Buffer | undefined> {
  return file ? readFile(file).catch(() => undefined) : undefined;
}
