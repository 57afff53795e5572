// Small pure helpers of the WordPress import: old addresses and upload paths, dates,
// people's names, front matter. Kept apart from plan.ts so each file has one job.
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { slugOf } from "../../content/paths.ts";
import { wellFormed } from "../../outputs/encode.ts";
import type { WxrComment, WxrItem } from "./wxr.ts";

/** Pages a WordPress page may not replace: the site's own addresses. */
export const RESERVED_PAGES = [
  "blog",
  "privacy",
  "accessibility",
  "search",
  "events",
  "providers",
  "language-assistance",
  "admin",
  "assets",
  "uploads",
  "pagefind",
  "index",
  "404",
  "feed",
  "wp-content",
  "wp-admin",
];

/** The content folder whose files every build publishes as they are, at /uploads/ (see .eleventy.ts). */
export const UPLOADS = "uploads";
/** Uploaded files that are copied when a post links to them: documents parents download, never web pages or scripts. */
export const DOCUMENT_EXT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|txt|csv)$/i;
export const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i;

/** Where a document from wp-content/uploads is kept: "2024/10/Consent Form.pdf" → "uploads/2024/10/Consent-Form.pdf". */
export function documentPath(rel: string): string {
  const parts = rel
    .split("/")
    .filter((p) => p && p !== "." && p !== "..")
    .map((p) =>
      p
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/^[-.]+/, "")
        .replace(/-+(?=\.[A-Za-z0-9]+$)/, ""),
    )
    .filter(Boolean);
  return `${UPLOADS}/${parts.join("/")}`;
}

const HONORIFICS = /^(dr|doctor|mr|mrs|ms|miss|prof)\.?\s+/i;

/** "Dr. Maya Okafor, MD" → "maya okafor": for matching WordPress users to providers. */
export function personKey(name: string): string {
  return name
    .split(",")[0]!
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(HONORIFICS, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** "2024-10-01 15:30:00" (UTC, or the old site's zone when GMT is zero) → practice-zone "YYYY-MM-DDTHH:MM". */
export function wpDate(gmt: string, local: string, zone: string): string | undefined {
  const fmt = "yyyy-MM-dd HH:mm:ss";
  const zero = !gmt || gmt.startsWith("0000-00-00");
  const dt = zero ? DateTime.fromFormat(local, fmt, { zone }) : DateTime.fromFormat(gmt, fmt, { zone: "utc" }).setZone(zone);
  return dt.isValid ? dt.toFormat("yyyy-MM-dd'T'HH:mm") : undefined;
}

/** The upload path of a media address, without WordPress's resized suffixes: "2024/10/a-300x200.jpg" → "2024/10/a.jpg". */
export function uploadPath(url: string): { rel: string; original: string } | undefined {
  // A site hosted on WordPress.com keeps its uploads at <site>.files.wordpress.com/2024/10/a.jpg.
  const m =
    /\/wp-content\/uploads\/([^?#]+)/.exec(url) ?? /^https?:\/\/[a-z0-9-]+\.files\.wordpress\.com\/(\d{4}\/\d{2}\/[^?#]+)/i.exec(url);
  if (!m) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(m[1]!);
  } catch {
    rel = m[1]!;
  }
  if (rel.includes("..")) return undefined;
  const original = rel.replace(/-(\d+x\d+|scaled|rotated)(?=\.[a-z0-9]+$)/i, "");
  return { rel, original };
}

/** The old site's folder on its host: "" for https://example.org, "/news" for https://example.org/news (a subfolder or a multisite sub-site). */
export function basePathOf(siteUrl: string): string {
  try {
    return new URL(`${siteUrl}/`).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

/**
 * An address on the old site as the host sees it ("/news/2019/10/flu/?p=3"), or undefined for
 * another site. A site in a subfolder keeps its folder: once the new site takes over the
 * host, old links still arrive with it. Uploads count as the old site's wherever they are
 * (a multisite sub-site's live in /wp-content/uploads/sites/4/, outside its folder).
 */
export function pathOf(url: string, siteUrl: string): string | undefined {
  try {
    const u = new URL(url, `${siteUrl}/`);
    const base = new URL(`${siteUrl}/`);
    if (u.hostname.replace(/^www\./, "") !== base.hostname.replace(/^www\./, "")) return undefined;
    const folder = basePathOf(siteUrl);
    const p = u.pathname.replace(/\/{2,}/g, "/");
    if (folder && !(p === folder || p.startsWith(`${folder}/`) || /^\/(wp-content|files)\//.test(p))) return undefined;
    return `${p}${u.search}`;
  } catch {
    return undefined;
  }
}

export function quote(s: string): string {
  return JSON.stringify(s);
}

export function frontMatter(fields: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(quote).join(", ")}]` : typeof v === "string" ? quote(v) : String(v)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** A WordPress title may hold line breaks, tabs and control characters; the title field holds one line of text. */
export function oneLine(text: string): string {
  return wellFormed(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

export function shortHash(s: string): string {
  return createHash("sha256").update(s).digest("hex").slice(0, 8);
}

export function describe(item: WxrItem): string {
  return `${item.type === "page" ? "page" : "post"} “${item.title || "(no title)"}” (id ${item.id})`;
}

export function keyOf(raw: string, max = 80): string {
  return slugOf(raw).slice(0, max).replace(/-+$/, "");
}

/**
 * Whether a comment's replies lead back to itself (an export edited by hand or a plugin can
 * hold a comment that answers itself): the build refuses such threads, so it is shown on its own.
 */
export function circular(c: WxrComment, comments: readonly { c: WxrComment }[]): boolean {
  const parentOf = new Map(comments.map((k) => [k.c.id, k.c.parent]));
  const seen = new Set<number>([c.id]);
  for (let at = c.parent; at; at = parentOf.get(at) ?? 0) {
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}
