// What the content caches compare a file's text by: a digest rather than the text, so a cache
// restored from disk (lib/content/stored.ts) does not hold a second copy of every file.
import { createHash } from "node:crypto";

export function textDigest(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}
