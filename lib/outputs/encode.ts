// Each output format has its own rules for what text may hold; these helpers make any
// string safe for one of them. Schema fields already refuse control characters, but
// Markdown bodies (and text the build writes itself) are not schema fields.

import { LONE_SURROGATE, wellFormed } from "../schema/unicode.ts";

// Every layer repairs text the same way; the writers here too.
export { LONE_SURROGATE, wellFormed };

// Outside the XML 1.0 Char production: C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
// surrogates that are not half of a pair.
const NOT_XML_CHAR_RE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters XML 1.0 cannot carry (a feed or sitemap with one is not XML). */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR_RE, "");
}

/** Text for an XML element or a double-quoted attribute. */
export function xmlEscape(s: string): string {
  return xmlText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// RFC 5545 TEXT allows no control characters but tab; line breaks are written as \n by the escaper.
const NOT_ICS_CHAR_RE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an iCalendar value, line breaks kept (for writers that escape them). */
export function icsText(s: string): string {
  return s.replace(NOT_ICS_CHAR_RE, "");
}

/** An iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function icsEscape(s: string): string {
  return icsText(s)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "\\n");
}
