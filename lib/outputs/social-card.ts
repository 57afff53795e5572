// The default social card (1200×630 PNG) shown when a page is shared: drawn from the
// practice's name and tagline as SVG, rasterised with sharp, and cached by content hash so
// an unchanged card is never re-encoded.
import type { Palette } from "../model/brand.ts";
import { createHash } from "node:crypto";
import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { CARD } from "../model/site-files.ts";
import { loadSharp } from "./images.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Breaks text into lines of at most `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3);
}

export interface CardLook {
  /** The practice's palette (lib/model/brand.ts); the stylesheet's teal without one. */
  palette?: Pick<Palette, "brand" | "brandDark" | "brandSoft">;
  /** The practice's logo (already checked: a drawing only), shown in place of the leaf. */
  logo?: Buffer;
  logoType?: string;
}

export function socialCardSvg(name: string, tagline: string | undefined, phone: string, look: CardLook = {}): string {
  const brand = look.palette?.brand ?? "#0b6e69";
  const dark = look.palette?.brandDark ?? "#08524e";
  const soft = look.palette?.brandSoft ?? "#d9f0ec";
  const mark = look.logo
    ? `<circle cx="130" cy="120" r="56" fill="#fff"/><image x="90" y="80" width="80" height="80" href="data:${look.logoType ?? "image/svg+xml"};base64,${look.logo.toString("base64")}"/>`
    : `<circle cx="130" cy="120" r="40" fill="#fff"/><path d="M130 95c-9 12-18 20-18 32a18 18 0 0 0 36 0c0-12-9-20-18-32Z" fill="${brand}"/>`;
  const names = wrap(name, 26);
  const title = names.map((l, i) => `<text x="96" y="${250 + i * 84}" class="t">${esc(l)}</text>`).join("");
  const top = 250 + (names.length - 1) * 84 + 80;
  const sub = tagline
    ? wrap(tagline, 48)
        .map((l, i) => `<text x="96" y="${top + i * 48}" class="s">${esc(l)}</text>`)
        .join("")
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">
<style>.t{font:700 72px 'DejaVu Sans','Liberation Sans',sans-serif;fill:#fff}.s{font:400 38px 'DejaVu Sans','Liberation Sans',sans-serif;fill:${soft}}.p{font:700 34px 'DejaVu Sans','Liberation Sans',sans-serif;fill:#ffe3a3}</style>
<rect width="100%" height="100%" fill="${brand}"/><rect y="560" width="100%" height="70" fill="${dark}"/>
<circle cx="1050" cy="150" r="70" fill="#fff" opacity=".12"/>${mark}
${title}${sub}<text x="96" y="606" class="p">${esc(phone)}</text></svg>`;
}

/** Writes the card into the site, reusing a cached PNG when the SVG has not changed. */
export async function writeSocialCard(svg: string, outDir: string, cacheDir: string): Promise<void> {
  const hash = createHash("sha256").update(svg).digest("hex").slice(0, 16);
  const cached = path.join(cacheDir, `social-card-${hash}.png`);
  if (!(await stat(cached).catch(() => undefined))) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cached, await loadSharp()(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer());
  }
  const target = path.join(outDir, CARD.path);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(cached, target);
}
