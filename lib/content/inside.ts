// Every file the site publishes or reads for publishing comes from inside the site's own
// folders: the content folder and assets/. A reference is judged by the file it really
// names (links followed), so neither "../../etc/x.png" nor a link to a file elsewhere
// can put another file of the machine on the web. Links are checked once per build
// (checkLinks); the output never holds a link (copyDereferenced, findLinks).
import { cpSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "./problems.ts";

/** The folders a build may read published files from, each by its real path. */
export interface SiteFolders {
  root: string;
  /** The content folder as given (tests use a temporary one outside the root) and its real path. */
  content: string;
  /** root/assets. */
  assets: string;
  /** Real paths of both, for comparing real paths of files. */
  real: readonly string[];
}

const realOr = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

export function siteFolders(root: string, contentDir: string): SiteFolders {
  const content = path.resolve(root, contentDir);
  const assets = path.join(root, "assets");
  return { root, content, assets, real: [realOr(content), realOr(assets)] };
}

const within = (p: string, dirs: readonly string[]) => dirs.some((d) => p === d || p.startsWith(d.endsWith(path.sep) ? d : d + path.sep));

export type Inside = { ok: true; abs: string } | { ok: false; why: "missing" | "outside"; abs: string };

/**
 * Where `abs` really is, and whether that is inside the content folder or assets/. A file
 * that does not exist is "missing" when its path stays inside, "outside" when not.
 */
export function inside(abs: string, folders: SiteFolders): Inside {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    const lexical = path.resolve(abs);
    return { ok: false, why: within(lexical, [folders.content, folders.assets, ...folders.real]) ? "missing" : "outside", abs: lexical };
  }
  return within(real, folders.real) ? { ok: true, abs: real } : { ok: false, why: "outside", abs: real };
}

/** A site path such as /assets/forms/a.pdf, judged as a file of the project. */
export function insideSitePath(sitePath: string, folders: SiteFolders): Inside {
  return inside(path.join(folders.root, sitePath), folders);
}

/** Whether a site path such as /assets/video/a.vtt is a file really inside root/assets. */
export function assetInside(root: string, sitePath: string): boolean {
  if (!sitePath.startsWith("/assets/")) return false;
  const r = inside(path.join(root, sitePath), { root, content: path.join(root, "assets"), assets: path.join(root, "assets"), real: [realOr(path.join(root, "assets"))] });
  return r.ok && statSync(r.abs).isFile();
}

/** Forward-slashed, relative to the root: how messages name files. */
export const relName = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join("/");

export const LINK_NOWHERE = "is a link to a file that does not exist; remove the link, or copy the file here instead";

export interface Walked {
  /** Absolute path (not followed). */
  abs: string;
  /** The file a link leads to (real path), for links inside the site. */
  target?: string;
}

/**
 * Walks the content folder and assets/ once: every link whose target is missing or outside
 * both folders is a problem naming the link. Returns every regular file (links inside
 * followed), so callers can check what is published without walking again.
 */
export function checkLinks(folders: SiteFolders, problems: Problem[]): Walked[] {
  const files: Walked[] = [];
  for (const top of [folders.content, folders.assets]) {
    let entries;
    try {
      entries = readdirSync(top, { withFileTypes: true, recursive: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const abs = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
      if (e.isFile()) files.push({ abs });
      if (!e.isSymbolicLink()) continue;
      const file = relName(folders.root, abs);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        problems.push({ file, message: LINK_NOWHERE });
        continue;
      }
      if (!within(real, folders.real)) {
        problems.push({ file, message: `is a link to a file outside the site (${real}); copy the file here instead` });
        continue;
      }
      // A folder would be published again under the link's name (or loop): copy its files instead.
      if (statSync(real).isDirectory()) problems.push({ file, message: `is a link to a folder (${relName(folders.root, real)}); copy the files here instead` });
      else files.push({ abs, target: real });
    }
  }
  return files;
}

/** Copies a folder into the output with every link replaced by the file it leads to. */
export function copyDereferenced(from: string, to: string): void {
  try {
    if (!statSync(from).isDirectory()) return;
  } catch {
    return;
  }
  // Hidden files (.gitkeep, .DS_Store, an editor's backups) are not part of the site.
  cpSync(from, to, { recursive: true, dereference: true, force: true, filter: (src) => src === from || !path.basename(src).startsWith(".") });
}

/** Every symbolic link under a folder (the built site must hold none). */
export function findLinks(dir: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return found;
  }
  for (const e of entries) if (e.isSymbolicLink()) found.push(path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  // readdir's types can be missing on some file systems; lstat what it could not tell.
  for (const e of entries) {
    if (e.isFile() || e.isDirectory() || e.isSymbolicLink()) continue;
    const abs = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    if (lstatSync(abs).isSymbolicLink()) found.push(abs);
  }
  return found;
}
