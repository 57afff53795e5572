// Allowlist for HTML that authors type into Markdown (tables, details, abbreviations):
// no scripts, styles, forms, frames or event handlers, and only safe link schemes.
import { createRequire } from "node:module";
import type sanitize from "sanitize-html";
import { ALLOWED_SCHEMES } from "./url-policy.ts";

// Loaded on first use, not with the build: when every body comes from the content store
// (lib/content/stored.ts) nothing is sanitized, and sanitize-html with PostCSS is a tenth of
// a second of start-up.
const load = createRequire(import.meta.url);
let loaded: typeof sanitize | undefined;
const sanitizer = () => (loaded ??= load("sanitize-html") as typeof sanitize);

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    // No "img": lib/markdown/raw-images.ts has turned every <img> into a picture marker or a link.
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
  ],
  allowedAttributes: {
    a: ["href", "title", "hreflang"],
    abbr: ["title"],
    time: ["datetime"],
    td: ["colspan", "rowspan", "class"],
    th: ["colspan", "rowspan", "scope", "class"],
    ol: ["start", "reversed"],
    "*": ["id", "lang", "dir"],
  },
  // No style attributes at all (the CSP forbids inline styles); alignment comes as classes.
  allowedClasses: { td: ["align-left", "align-right", "align-center"], th: ["align-left", "align-right", "align-center"] },
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: { h1: "h2" },
};

export function sanitizeHtml(html: string): string {
  return sanitizer()(html, OPTIONS);
}
