// The one stylesheet, minified for the published site with lightningcss (the source in
// lib/public/css/ stays readable; `npm start` serves it as written).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { transform } from "lightningcss";
import { CSS_PATH, publicFile } from "./assets.ts";

/** `extra`: rules appended to the stylesheet (the practice's palette, lib/model/brand.ts). */
export async function writeMinifiedCss(outDir: string, extra = ""): Promise<void> {
  const source = Buffer.concat([await readFile(publicFile(CSS_PATH)), Buffer.from(extra)]);
  const { code } = transform({ filename: "site.css", code: source, minify: true });
  const target = path.join(outDir, CSS_PATH);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, code);
}
