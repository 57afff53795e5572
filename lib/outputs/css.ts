// The one stylesheet, minified for the published site with lightningcss (the source in
// lib/public/css/ stays readable; `npm start` serves it as written). The minified file is
// kept in the cache by a hash of its input and of lightningcss's version, so a build whose
// stylesheet has not changed does not load lightningcss at all (a tenth of a second or so
// of start-up, measured with --cpu-prof).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { readFile, writeFile, mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { CSS_PATH, publicFile } from "./assets.ts";

const require = createRequire(import.meta.url);

/** The package does not export its package.json; it sits one folder above the entry point (node/index.js). */
function lightningcssVersion(): string {
  return (
    JSON.parse(readFileSync(path.join(path.dirname(require.resolve("lightningcss")), "..", "package.json"), "utf8")) as { version: string }
  ).version;
}

/** `extra`: rules appended to the stylesheet (the practice's palette, lib/model/brand.ts). `cacheDir`: where minified copies are kept. */
export async function writeMinifiedCss(outDir: string, extra = "", cacheDir?: string): Promise<void> {
  const source = Buffer.concat([await readFile(publicFile(CSS_PATH)), Buffer.from(extra)]);
  const target = path.join(outDir, CSS_PATH);
  await mkdir(path.dirname(target), { recursive: true });
  const version = lightningcssVersion();
  const key = createHash("sha256").update(`lightningcss ${version}\n`).update(source).digest("hex").slice(0, 16);
  const cached = cacheDir && path.join(cacheDir, "css", `site-${key}.css`);
  const hit = cached && (await readFile(cached).catch(() => undefined));
  if (hit) return writeFile(target, hit);
  const { transform } = await import("lightningcss");
  const { code } = transform({ filename: "site.css", code: source, minify: true });
  await writeFile(target, code);
  if (cached) {
    await mkdir(path.dirname(cached), { recursive: true });
    // Whole or not at all: a build beside this one never reads half a file.
    await writeFile(`${cached}.${process.pid}.tmp`, code);
    await rename(`${cached}.${process.pid}.tmp`, cached);
  }
}
