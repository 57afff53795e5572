// Files published as they are, beside the pages: assets/ and content/uploads/ (documents
// from a WordPress import; assets/uploads/ is where the staff editor puts files). Nothing
// there may run on the site's origin: uploads are documents and images only, and every
// SVG must be a plain drawing (lib/content/svg.ts).
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { relName, type SiteFolders, type Walked } from "./inside.ts";
import { svgFindings, svgMessage } from "./svg.ts";
import type { Problem } from "./problems.ts";

/** What an upload may be: documents parents download and pictures. */
export const UPLOAD_TYPES = ["pdf", "doc", "docx", "rtf", "txt", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx", "csv", "jpg", "jpeg", "png", "webp", "avif", "gif", "svg"];

const hidden = (rel: string) => rel.split(path.sep).some((part) => part.startsWith("."));

/** Checks an SVG file; undefined when it is a plain drawing. */
export function checkSvgFile(abs: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (err) {
    return `could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  const findings = svgFindings(text);
  return findings.length ? svgMessage(findings) : undefined;
}

/**
 * Problems with the files the build publishes as they are. `files` comes from checkLinks
 * (one walk of the content folder and assets/); returns the real paths of the SVGs checked.
 */
export function checkPublished(folders: SiteFolders, files: readonly Walked[], problems: Problem[]): Set<string> {
  const checked = new Set<string>();
  const uploads = [path.join(folders.content, "uploads"), path.join(folders.assets, "uploads")];
  const under = (abs: string, dir: string) => abs.startsWith(dir + path.sep);
  for (const f of files) {
    const top = under(f.abs, folders.assets) ? folders.assets : under(f.abs, uploads[0]!) ? uploads[0]! : undefined;
    // Hidden files (.gitkeep, .DS_Store) are never published (see copyDereferenced).
    if (!top || hidden(path.relative(top, f.abs))) continue;
    const file = relName(folders.root, f.abs);
    const base = path.basename(f.abs);
    const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
    if (uploads.some((u) => under(f.abs, u)) && !UPLOAD_TYPES.includes(ext)) {
      problems.push({
        file,
        message: `files of this type (${ext ? `.${ext}` : "no extension"}) are not published from an uploads folder: a browser could run them as part of the site. Upload documents (PDF, Word, Excel, text) or pictures (JPEG, PNG, WebP, GIF) instead`,
      });
      continue;
    }
    if (ext !== "svg") continue;
    let real = f.target ?? f.abs;
    try {
      real = realpathSync(real);
    } catch {
      // Read below, and reported as unreadable.
    }
    checked.add(real);
    const message = checkSvgFile(real);
    if (message) problems.push({ file, message });
  }
  return checked;
}
