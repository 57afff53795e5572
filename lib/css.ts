// The one stylesheet, minified for the published site with lightningcss (the source in
// assets/css/ stays readable; `npm start` serves it as written).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { transform } from "lightningcss";
import { CSS_PATH } from "./assets.ts";

export async function writeMinifiedCss(root: string, outDir: string): Promise<void> {
  const source = await readFile(path.join(root, CSS_PATH));
  const { code } = transform({ filename: "site.css", code: source, minify: true });
  const target = path.join(outDir, CSS_PATH);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, code);
}
