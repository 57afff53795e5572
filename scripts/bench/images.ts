// Photos for the bench: the pool synthetic posts draw from, and a large new photo for the
// preview's "a new photo doesn't block other pages" check.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { between, mulberry32, pick, SEED } from "./random.ts";

// Images come from a pool (like a practice reusing its photos), so the image cache
// holds 20 originals however many posts there are.
export const POOL = 20;
export const POOL_DIR = "bench-images";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** 20 photo-sized JPEGs (different sizes and colours), drawn once per temp folder. */
export async function writeImagePool(dir: string): Promise<void> {
  const { default: sharp } = await import("sharp");
  await mkdir(dir, { recursive: true });
  const rng = mulberry32(SEED);
  await Promise.all(
    Array.from({ length: POOL }, async (_, k) => {
      const [w, h] = pick(rng, [
        [1600, 1067],
        [2400, 1600],
        [1200, 1200],
        [1080, 1350],
      ] as const);
      const hue = Math.floor(rng() * 360);
      const shapes = Array.from(
        { length: 12 },
        () =>
          `<circle cx="${Math.floor(rng() * w)}" cy="${Math.floor(rng() * h)}" r="${between(rng, 40, 400)}" fill="hsl(${(hue + between(rng, 0, 120)) % 360},60%,${between(rng, 35, 75)}%)" opacity="0.7"/>`,
      ).join("");
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="hsl(${hue},40%,85%)"/>${shapes}</svg>`;
      await sharp(Buffer.from(svg))
        .jpeg({ quality: 85 })
        .toFile(path.join(dir, `pool-${pad2(k + 1)}.jpg`));
    }),
  );
}

/** A camera-sized (3000×2000) photo-like JPEG: noise and shapes, so encoders work as hard as on a real photo. */
export async function writeLargePhoto(file: string, seed = SEED): Promise<void> {
  const { default: sharp } = await import("sharp");
  const rng = mulberry32(seed);
  const [w, h] = [3000, 2000];
  const shapes = Array.from(
    { length: 40 },
    () =>
      `<circle cx="${Math.floor(rng() * w)}" cy="${Math.floor(rng() * h)}" r="${between(rng, 40, 600)}" fill="hsl(${between(rng, 0, 359)},60%,${between(rng, 30, 80)}%)" opacity="0.6"/>`,
  ).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#cde"/>${shapes}</svg>`;
  const noise = await sharp({
    create: { width: w, height: h, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } },
  })
    .png()
    .toBuffer();
  await sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: "soft-light" }])
    .jpeg({ quality: 88 })
    .toFile(file);
}
