// Stylesheet URL with a short content hash, so a changed stylesheet is never served
// stale from a parent's browser cache.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CSS_PATH = "/assets/css/site.css";

/**
 * The product's own files for browsers (stylesheet, scripts), published at /assets/ beside
 * the practice's files. They live with the code, not in the practice's assets/ folder, so
 * taking a new version of Practice Press never touches a file the practice owns.
 */
export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "public");

/** The file in PUBLIC_DIR a site path such as /assets/css/site.css names. */
export function publicFile(sitePath: string): string {
  return path.join(PUBLIC_DIR, sitePath.replace(/^\/assets\//, ""));
}

export function assetUrls(): { css: string } {
  const css = readFileSync(publicFile(CSS_PATH));
  return { css: `${CSS_PATH}?v=${createHash("sha256").update(css).digest("hex").slice(0, 10)}` };
}
