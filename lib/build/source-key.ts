// A fingerprint of the product's own code: what parsing and rendering a content file depends
// on besides the file's text. Cached results of an older or edited version are never reused
// (lib/content/stored.ts keeps them under this key).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PRODUCT = fileURLToPath(new URL("../../", import.meta.url));
// The code that reads and renders content, its strings (lib/i18n/*.yaml), and the exact
// versions of its dependencies (layouts only use the results).
const SOURCES = ["lib", "package.json", "package-lock.json"];

export function sourceKey(product = PRODUCT): string {
  const hash = createHash("sha256").update(process.version);
  const walk = (rel: string) => {
    const abs = path.join(product, rel);
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOTDIR") return;
      hash.update(`${rel}\0`).update(readFileSync(abs)).update("\0");
      return;
    }
    for (const name of names) if (/\.(ts|tsx|mjs|js|json|yaml)$/.test(name) || !name.includes(".")) walk(path.join(rel, name));
  };
  SOURCES.forEach(walk);
  return hash.digest("hex").slice(0, 16);
}
