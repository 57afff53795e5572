// Reads a WordPress export (WXR: the RSS-based XML that Tools → Export writes) into plain
// typed data. Pure: text in, data out. Only the fields the import uses are ever read:
// commenters' emails, IP addresses, web sites and user agents stay in the export, so
// nothing downstream can write them by mistake.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseHtml } from "node-html-parser";

export const WXR_VERSIONS = ["1.0", "1.1", "1.2"] as const;

export class WxrError extends Error {}

export interface WxrAuthor {
  login: string;
  displayName: string;
}

export interface WxrTerm {
  /** "category" or "post_tag" (other taxonomies are kept but not turned into tags). */
  domain: string;
  /** The term's slug as WordPress used it in URLs (/category/<nicename>/). */
  nicename: string;
  name: string;
}

export type CommentApproval = "approved" | "pending" | "spam" | "trash";

export interface WxrComment {
  id: number;
  parent: number;
  author: string;
  /** The WordPress user who wrote it (0 for visitors): staff replies are matched by it. */
  userId: number;
  /** "YYYY-MM-DD HH:MM:SS" in UTC, or "0000-00-00 00:00:00". */
  dateGmt: string;
  /** The same in the old site's own zone. */
  date: string;
  /** HTML as WordPress stored it. */
  content: string;
  approval: CommentApproval;
  /** "comment", "pingback" or "trackback". */
  type: string;
}

export interface WxrItem {
  id: number;
  title: string;
  /** The item's public permalink on the old site. */
  link: string;
  guid: string;
  type: string;
  status: string;
  /** wp:post_name, percent-decoded; empty on many drafts. */
  slug: string;
  parent: number;
  dateGmt: string;
  date: string;
  /** The author's login (dc:creator). */
  creator: string;
  content: string;
  excerpt: string;
  commentStatus: string;
  terms: WxrTerm[];
  meta: Record<string, string>;
  /** Set when the post was password-protected on WordPress (the password itself is never kept). */
  password: boolean;
  /** Attachments only: the uploaded file's address. */
  attachmentUrl?: string;
  comments: WxrComment[];
}

export interface Wxr {
  version: string;
  title: string;
  /** The old site's address, e.g. https://www.example-peds.org (no trailing slash). */
  siteUrl: string;
  authors: WxrAuthor[];
  /** Every category and tag the export defines, used or not (for /category/ redirects). */
  terms: WxrTerm[];
  items: WxrItem[];
}

const ARRAYS = new Set([
  "rss.channel.item",
  "rss.channel.wp:author",
  "rss.channel.wp:category",
  "rss.channel.wp:tag",
  "rss.channel.item.category",
  "rss.channel.item.wp:postmeta",
  "rss.channel.item.wp:comment",
  "rss.channel.item.wp:comment.wp:commentmeta",
]);

type Node = Record<string, unknown>;

/** Text of an element however the XML parser returned it (string, number, { "#text" }). */
function str(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "#text" in (value as Node)) return str((value as Node)["#text"]);
  return "";
}

function int(value: unknown): number {
  const n = Number.parseInt(str(value), 10);
  return Number.isFinite(n) ? n : 0;
}

/** Titles and names in exports carry HTML entities (&#8217;, &amp;): plain text out. */
export function decodeEntities(s: string): string {
  if (!/[&<]/.test(s)) return s.trim();
  return parseHtml(`<p>${s.replace(/</g, "&lt;")}</p>`).text.trim();
}

function decodeSlug(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function approvalOf(raw: string): CommentApproval {
  if (raw === "1" || raw === "approve" || raw === "approved") return "approved";
  if (raw === "spam") return "spam";
  if (raw === "trash" || raw === "post-trashed") return "trash";
  return "pending";
}

/** Parses the whole export, or throws a WxrError saying in plain words what is wrong with the file. */
export function parseWxr(xml: string, fileName = "the export"): Wxr {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (!text.trim()) throw new WxrError(`${fileName} is empty: export again from WordPress (Tools → Export → All content)`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, msg } = valid.err;
    throw new WxrError(
      `${fileName} is not a complete XML file (line ${line}: ${msg}). It may have been cut off while downloading: export again from WordPress (Tools → Export → All content)`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
  });
  const doc = parser.parse(text) as Node;
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || typeof channel !== "object") {
    throw new WxrError(`${fileName} is XML but not a WordPress export (no <rss><channel>): export from WordPress with Tools → Export`);
  }
  const version = str(channel["wp:wxr_version"]);
  if (!version)
    throw new WxrError(
      `${fileName} is an RSS feed, not a WordPress export (no <wp:wxr_version>): export from WordPress with Tools → Export`,
    );
  if (!(WXR_VERSIONS as readonly string[]).includes(version)) {
    throw new WxrError(
      `${fileName} is WordPress export version ${version}, which this importer does not know (it reads ${WXR_VERSIONS.join(", ")})`,
    );
  }
  const siteUrl = (str(channel["wp:base_blog_url"]) || str(channel.link) || str(channel["wp:base_site_url"])).replace(/\/+$/, "");

  const authors = ((channel["wp:author"] as Node[] | undefined) ?? []).map((a) => ({
    login: str(a["wp:author_login"]),
    displayName: decodeEntities(str(a["wp:author_display_name"])) || str(a["wp:author_login"]),
  }));
  const terms: WxrTerm[] = [
    ...((channel["wp:category"] as Node[] | undefined) ?? []).map((c) => ({
      domain: "category",
      nicename: decodeSlug(str(c["wp:category_nicename"])),
      name: decodeEntities(str(c["wp:cat_name"])),
    })),
    ...((channel["wp:tag"] as Node[] | undefined) ?? []).map((t) => ({
      domain: "post_tag",
      nicename: decodeSlug(str(t["wp:tag_slug"])),
      name: decodeEntities(str(t["wp:tag_name"])),
    })),
  ];

  const items = ((channel.item as Node[] | undefined) ?? []).map((it): WxrItem => {
    const meta: Record<string, string> = {};
    for (const m of (it["wp:postmeta"] as Node[] | undefined) ?? []) meta[str(m["wp:meta_key"])] = str(m["wp:meta_value"]);
    const itemTerms = ((it.category as unknown[] | undefined) ?? []).map((c) => {
      const node = (typeof c === "object" && c !== null ? c : { "#text": c }) as Node;
      return { domain: str(node["@domain"]), nicename: decodeSlug(str(node["@nicename"])), name: decodeEntities(str(node)) };
    });
    // Only these comment fields are read; author_email, author_IP and author_url never are.
    const comments = ((it["wp:comment"] as Node[] | undefined) ?? []).map((c) => ({
      id: int(c["wp:comment_id"]),
      parent: int(c["wp:comment_parent"]),
      author: decodeEntities(str(c["wp:comment_author"])),
      userId: int(c["wp:comment_user_id"]),
      dateGmt: str(c["wp:comment_date_gmt"]),
      date: str(c["wp:comment_date"]),
      content: str(c["wp:comment_content"]),
      approval: approvalOf(str(c["wp:comment_approved"])),
      type: str(c["wp:comment_type"]) || "comment",
    }));
    const guid = it.guid;
    return {
      id: int(it["wp:post_id"]),
      title: decodeEntities(str(it.title)),
      link: str(it.link),
      guid: str(guid),
      type: str(it["wp:post_type"]),
      status: str(it["wp:status"]),
      slug: decodeSlug(str(it["wp:post_name"])),
      parent: int(it["wp:post_parent"]),
      dateGmt: str(it["wp:post_date_gmt"]),
      date: str(it["wp:post_date"]),
      creator: str(it["dc:creator"]),
      content: str(it["content:encoded"]),
      excerpt: str(it["excerpt:encoded"]),
      commentStatus: str(it["wp:comment_status"]),
      terms: itemTerms,
      meta,
      password: str(it["wp:post_password"]) !== "",
      attachmentUrl: str(it["wp:attachment_url"]) || undefined,
      comments,
    };
  });
  return { version, title: decodeEntities(str(channel.title)), siteUrl, authors, terms, items };
}
