// Publishing files kept in .cache/ (encoded images, search bundles) into an output folder.
import { copyFile, link } from "node:fs/promises";

/** A hard link costs no copying; across file systems it falls back to a copy. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}
