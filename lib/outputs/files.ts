// Publishing files kept in .cache/ (encoded images, search bundles) into an output folder.
import { copyFile, link, rm, stat } from "node:fs/promises";

/**
 * A hard link costs no copying; across file systems it falls back to a copy. `replace`: the
 * output folder is reused (the preview's), so a file already there is kept when it is this very
 * file or a copy of it, and replaced otherwise.
 */
export async function linkOrCopy(from: string, to: string, opts: { replace?: boolean } = {}): Promise<void> {
  if (opts.replace) {
    const [a, b] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
    // The same file, or (across file systems) a copy made since the file last changed.
    if (b && ((a.ino === b.ino && a.dev === b.dev) || (a.size === b.size && b.mtimeMs >= a.mtimeMs))) return;
    if (b) await rm(to, { force: true });
  }
  await link(from, to).catch(() => copyFile(from, to));
}
