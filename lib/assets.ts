// Stylesheet URL with a short content hash, so a changed stylesheet is never served
// stale from a parent's browser cache.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export const CSS_PATH = "/assets/css/site.css";

export function assetUrls(root: string): { css: string } {
  const css = readFileSync(path.join(root, CSS_PATH));
  return { css: `${CSS_PATH}?v=${createHash("sha256").update(css).digest("hex").slice(0, 10)}` };
}
