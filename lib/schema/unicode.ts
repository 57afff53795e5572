// Well-formed text: the schema refuses a lone UTF-16 surrogate in a field, and whatever
// writes text out (share links, feeds, imports) repairs one rather than throw on it.

/** Half of a UTF-16 pair, alone: no valid Unicode (a bad copy or import), and URL encoding throws on it. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 encoder would. */
export function wellFormed(s: string): string {
  return s.replace(new RegExp(LONE_SURROGATE.source, "g"), "\ufffd");
}
