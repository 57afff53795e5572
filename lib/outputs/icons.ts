// Every icon from one source logo: the SVG favicon, PNG icons for phones' home screens,
// the apple-touch-icon and a web app manifest. Encoded PNGs are cached by content hash.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ICONS } from "../model/site-files.ts";
import { loadSharp } from "./images.ts";
import { stripPng } from "./png.ts";

export interface IconOptions {
  /** Absolute path of the source logo (SVG or a large square PNG). */
  logo: string;
  outDir: string;
  cacheDir: string;
  name: string;
  shortName: string;
  themeColor: string;
  /** Host sub-path, for the manifest's start URL and icon paths. */
  prefix: string;
}

export function manifest(o: Pick<IconOptions, "name" | "shortName" | "themeColor" | "prefix">): string {
  return (
    JSON.stringify(
      {
        name: o.name,
        short_name: o.shortName,
        start_url: `${o.prefix}/`,
        scope: `${o.prefix}/`,
        display: "browser",
        background_color: "#ffffff",
        theme_color: o.themeColor,
        icons: [
          { src: `${o.prefix}${ICONS.png192}`, sizes: "192x192", type: "image/png" },
          { src: `${o.prefix}${ICONS.png512}`, sizes: "512x512", type: "image/png" },
          { src: `${o.prefix}${ICONS.png512}`, sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      null,
      2,
    ) + "\n"
  );
}

async function cachedPng(source: Buffer, size: number, padding: number, cacheDir: string): Promise<string> {
  const hash = createHash("sha256").update(source).update(`${size}/${padding}`).digest("hex").slice(0, 16);
  const file = path.join(cacheDir, `icon-${hash}.png`);
  if (!(await stat(file).catch(() => undefined))) {
    // Loaded only for a logo not drawn yet: a warm build never loads sharp.
    const sharp = loadSharp();
    const inner = size - padding * 2;
    const logo = await sharp(source, { density: 384 })
      .resize(inner, inner, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: 0 } })
      .png()
      .toBuffer();
    await mkdir(cacheDir, { recursive: true });
    await writeFile(
      file,
      // Only the drawing: a PNG logo's text chunks (a camera's or an editor's notes) are not copied.
      stripPng(
        await sharp({ create: { width: size, height: size, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } })
          .composite([{ input: logo }])
          .png({ compressionLevel: 9 })
          .toBuffer(),
      ),
    );
  }
  return file;
}

export async function writeIcons(o: IconOptions): Promise<void> {
  const source = await readFile(o.logo);
  await mkdir(o.outDir, { recursive: true });
  const out = (p: string) => path.join(o.outDir, p);
  if (o.logo.toLowerCase().endsWith(".svg")) await copyFile(o.logo, out(ICONS.svg));
  else await copyFile(await cachedPng(source, 64, 0, o.cacheDir), out(ICONS.svg.replace(".svg", ".png")));
  await copyFile(await cachedPng(source, 192, 12, o.cacheDir), out(ICONS.png192));
  await copyFile(await cachedPng(source, 512, 48, o.cacheDir), out(ICONS.png512));
  await copyFile(await cachedPng(source, 180, 14, o.cacheDir), out(ICONS.apple));
  await writeFile(out(ICONS.manifest), manifest(o));
}
