// How each network counts a post's length, so the text we send is never refused for being
// too long. Pure functions, no I/O.
//
// - X (twitter-text v3 "weighted length", developer.x.com counting-characters): text is
//   NFC-normalised; each code point in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
//   U+2032–U+2037 weighs 1, every other code point 2; an emoji (a whole sequence, ZWJ
//   families included) weighs 2; every URL weighs 23 whatever its length. Limit 280.
// - Mastodon: grapheme clusters, with every http(s) URL counted as 23 (the server's
//   StatusLengthValidator). Limit 500 unless the instance says otherwise.
// - Bluesky: grapheme clusters of the record text, 300 at most (and 3000 UTF-8 bytes); links
//   are facets whose positions are UTF-8 byte offsets.
//
// A bare domain ("cdc.gov") is linked by X but not by Mastodon: where the rule is unsure
// we count what is longer, so the count is never below the network's.

export const LIMITS = { x: 280, mastodon: 500, bluesky: 300, blueskyBytes: 3000, facebook: 63206, copy: 500 } as const;
export const URL_WEIGHT = 23;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const encoder = new TextEncoder();

/** Grapheme clusters: what a reader sees as one character (an emoji family, é as e + accent). */
export function graphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

// A link with a scheme, up to whitespace; a closing bracket or sentence stop at the end is not part of it.
const SCHEME_URL = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’”]/giu;
// A bare domain (no scheme) that X would link: words with dots ending in a letters-only TLD.
const BARE_DOMAIN = /(?<![\p{L}\p{N}@./-])(?:[\p{L}\p{N}-]+\.)+[a-z]{2,24}(?:\/[^\s<>"]*[^\s<>".,;:!?)\]'’”])?(?![\p{L}\p{N}-])/giu;

export interface Span {
  start: number;
  end: number;
}

/** Where the links with a scheme are, as UTF-16 indexes. */
export function schemeUrls(text: string): Span[] {
  return [...text.matchAll(SCHEME_URL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function bareDomains(text: string, taken: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(BARE_DOMAIN)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!taken.some((t) => span.start < t.end && t.start < span.end)) out.push(span);
  }
  return out;
}

const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
const LIGHT: readonly [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function xWeightOf(text: string): number {
  let weight = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) {
      weight += 2;
      continue;
    }
    for (const ch of segment) {
      const cp = ch.codePointAt(0)!;
      weight += LIGHT.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
    }
  }
  return weight;
}

/** Sums the text between links with `measure`, and each link as `link(span text)`. */
function withLinks(
  text: string,
  spans: readonly Span[],
  measure: (s: string) => number,
  link: (s: string, bare: boolean) => number,
  bare: ReadonlySet<Span>,
): number {
  let total = 0;
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    total += measure(text.slice(at, span.start)) + link(text.slice(span.start, span.end), bare.has(span));
    at = span.end;
  }
  return total + measure(text.slice(at));
}

/** X's weighted length (280 fit). */
export function xLength(input: string): number {
  const text = input.normalize("NFC");
  const urls = schemeUrls(text);
  const bare = bareDomains(text, urls);
  // A bare domain X may or may not link: counted as 23 or as its text, whichever is more.
  return withLinks(
    text,
    [...urls, ...bare],
    xWeightOf,
    (s, isBare) => (isBare ? Math.max(URL_WEIGHT, xWeightOf(s)) : URL_WEIGHT),
    new Set(bare),
  );
}

/** Mastodon's length (500 fit on most servers). */
export function mastodonLength(text: string): number {
  return withLinks(text, schemeUrls(text), graphemes, () => URL_WEIGHT, new Set());
}

/** Bluesky's length: graphemes of the text as it is stored (300 fit). */
export function blueskyLength(text: string): number {
  return graphemes(text);
}

/** The UTF-8 byte range of text[start, end) (UTF-16 indexes), for Bluesky facets. */
export function byteRange(text: string, start: number, end: number): { byteStart: number; byteEnd: number } {
  const byteStart = utf8Length(text.slice(0, start));
  return { byteStart, byteEnd: byteStart + utf8Length(text.slice(start, end)) };
}

const ELLIPSIS = "…";

/**
 * The longest start of `text` that `fits`, cut after a whole word and ended with an
 * ellipsis; the text itself when it fits. Text without spaces (or whose first word is too
 * long) is cut between graphemes. "" when not even an ellipsis fits.
 */
export function truncateWords(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const words = [...text.matchAll(/\S+/g)].map((m) => m.index + m[0].length);
  const cut = (end: number) => text.slice(0, end).replace(/[\s,;:.!?—–-]+$/u, "") + ELLIPSIS;
  let best = "";
  // Lengths grow with the cut point, so the last candidate that fits is found by bisection.
  let lo = 0;
  let hi = words.length - 2; // the whole text (the last word) did not fit
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = cut(words[mid]!);
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return best;
  const clusters = [...segmenter.segment(text)].map((s) => s.index + s.segment.length);
  lo = 0;
  hi = clusters.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = text.slice(0, clusters[mid]).trimEnd() + ELLIPSIS;
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best || (fits(ELLIPSIS) ? ELLIPSIS : "");
}
