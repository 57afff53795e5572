// One URL policy for everything a body can link to or load: the sanitiser applies it to
// author-typed HTML, and it is applied again to the finished HTML of every body, after
// every plugin has added its own markup (video facades, transcripts, image links), so a
// URL a plugin builds from content cannot skip it.
import { decodeHTMLAttribute } from "entities";

/** Schemes a parent's browser may follow from a page. No javascript:, data:, vbscript:, file:... */
export const ALLOWED_SCHEMES = ["http", "https", "mailto", "tel"] as const;

/** Attributes that hold one URL, and srcset (a list of them). */
const URL_ATTRS = ["href", "src", "poster", "cite", "action", "formaction", "background", "data-embed", "xlink:href"];
const ATTR_RE = new RegExp(`\\s(${URL_ATTRS.join("|")}|srcset)\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "gi");

/**
 * Whether a URL may stand in the site's HTML: a path, query or fragment on this site, or a
 * web, mail or phone address. Browsers ignore tabs and line breaks inside URLs and leading
 * spaces and control characters, so those are removed before the scheme is read.
 */
export function allowedUrl(raw: string): boolean {
  const url = raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (/[\u0000-\u001f\u007f-\u009f]/.test(url)) return false;
  if (/^[\\/][\\/]/.test(url)) return false; // protocol-relative: another site, whatever the page's scheme
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return true;
  return (ALLOWED_SCHEMES as readonly string[]).includes(scheme[1]!.toLowerCase());
}

/** Every URL in the HTML that the policy refuses (entities decoded, as the browser reads them). */
export function refusedUrls(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(ATTR_RE)) {
    const value = decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? "");
    const urls = m[1]!.toLowerCase() === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
    for (const url of urls) if (!allowedUrl(url)) out.push(url);
  }
  return out;
}

/** The HTML with every refused URL replaced by "#": inert, while the author is told (see renderMarkdown). */
export function neutralizeUrls(html: string): string {
  return html.replace(ATTR_RE, (whole, attr: string, dq?: string, sq?: string, bare?: string) => {
    const value = decodeHTMLAttribute(dq ?? sq ?? bare ?? "");
    const urls = attr.toLowerCase() === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
    return urls.every(allowedUrl) ? whole : ` ${attr}="#"`;
  });
}
