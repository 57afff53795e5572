// Writing Markdown from the old site's text: escaping (nothing the old site showed as text
// becomes markup), whitespace as HTML collapses it, and the links the converter may keep.
/** A bare web address, alone: kept as it is so the site links it (or makes a video facade). */
export const URL_ONLY = /^https?:\/\/[^\s<>"]+$/;

/** Escapes Markdown in plain text; web addresses stay whole so they still become links. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"()[\]]+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\`*_[\]<>|{]/g, "\\$&").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")))
    .join("");
}

/** Line starts that Markdown would read as structure: headings, quotes, lists, rules, attributes. */
export function escapeLineStarts(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^(\s*)([#>+=~{-])/, "$1\\$2").replace(/^(\s*)(\d+)([.)])(?=\s|$)/, "$1$2\\$3"))
    .join("\n");
}

export function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0]+/g, (m) => (m.includes("\u00a0") && !/[\n\t ]/.test(m) ? "\u00a0" : " "));
}

export function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  const squashed = href.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
  if (scheme && !["http", "https", "mailto", "tel"].includes(scheme[1]!)) return undefined;
  if (!href) return undefined;
  return href;
}

export function markdownUrl(href: string): string {
  return href.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/</g, "%3C").replace(/>/g, "%3E");
}

/** Emphasis markers around inline Markdown, outside its leading and trailing spaces. */
export function wrap(marker: string, inner: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!m[2]) return inner;
  return `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}
