// Which files of a practice's content/ and assets/ are still the demo's. A fork's content/
// is the demo as it was when the practice forked (the product never changes content/, so
// that taking a new version never conflicts), while examples/demo moves on. So the demo's
// file today is not enough: examples/demo/shipped-versions.txt lists every version the
// product ever shipped, as Git blob ids, and a file matching one is the demo's.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Git's blob id for a file's bytes (what `git hash-object` prints). */
export function blobId(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** "blobid path" for every shipped version, path relative to the project (content/…, assets/…). */
export function shippedVersions(demo: string): Set<string> {
  const file = path.join(demo, "shipped-versions.txt");
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => /^[0-9a-f]{40} \S/.test(l)),
  );
}

/** True when the project's file is byte for byte a version of the demo's file at that path. */
export function isDemoVersion(project: string, demo: string, file: string, shipped: ReadonlySet<string>): boolean {
  const abs = path.join(project, file);
  if (!existsSync(abs)) return false;
  const bytes = readFileSync(abs);
  const current = path.join(demo, file);
  if (existsSync(current) && readFileSync(current).equals(bytes)) return true;
  return shipped.has(`${blobId(bytes)} ${file}`);
}
