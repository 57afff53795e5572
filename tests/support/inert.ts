// Independent checks that HTML is inert, read with a real HTML parser (not with the
// URL policy the site itself uses, which is what they test).
import { parse } from "node-html-parser";

/** Attributes through which a browser fetches something as the page loads (or as media starts). */
const LOADS: Record<string, string[]> = {
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  iframe: ["src"],
  frame: ["src"],
  embed: ["src"],
  object: ["data"],
  script: ["src"],
  input: ["src"],
  image: ["href", "xlink:href"],
  use: ["href", "xlink:href"],
};

function urlsOf(attr: string, value: string): string[] {
  return attr === "srcset"
    ? value
        .split(",")
        .map((c) => c.trim().split(/\s+/)[0] ?? "")
        .filter(Boolean)
    : [value];
}

/** Every resource the HTML would load from an origin other than `origin` (the site's own). */
export function thirdPartyResources(html: string, origin: string): string[] {
  const out: string[] = [];
  const root = parse(html);
  for (const el of root.querySelectorAll("*")) {
    const tag = el.rawTagName?.toLowerCase() ?? "";
    const attrs = [
      ...(LOADS[tag] ?? []),
      ...(tag === "link" && !/\b(alternate|canonical)\b/i.test(el.getAttribute("rel") ?? "") ? ["href"] : []),
    ];
    for (const attr of attrs) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      for (const url of urlsOf(attr, value)) {
        let resolved: URL;
        try {
          resolved = new URL(url, `${origin}/`);
        } catch {
          continue;
        }
        if (resolved.protocol === "data:") continue;
        if (resolved.origin !== origin) out.push(`<${tag} ${attr}="${url}">`);
      }
    }
  }
  return out;
}

/** Attributes a browser (or the site's own scripts: data-embed becomes an iframe's src) follows as a URL. */
const URL_ATTRS = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "poster",
  "data",
  "xlink:href",
  "cite",
  "background",
  "data-embed",
]);

/** Event handlers, and URLs a browser would run as script (javascript:, vbscript:, data:text/html), however they are spelled. */
export function scriptUrls(html: string): string[] {
  const out: string[] = [];
  for (const el of parse(html).querySelectorAll("*")) {
    for (const [name, value] of Object.entries(el.attributes)) {
      const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
      // As a browser's URL parser reads a scheme: letters right before the colon ("javascript\\x3A:" is a relative path).
      if (/^on/i.test(name) || (URL_ATTRS.has(name.toLowerCase()) && /^(javascript|vbscript):|^data:text\/html/.test(squeezed)))
        out.push(`${name}="${value}"`);
    }
  }
  return out;
}
