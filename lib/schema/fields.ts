// Field builders shared by every content schema. Each one carries declarative
// metadata (label, hint, widget) so that the "new" scaffold and the CMS config can
// be generated from the schema itself; none of them transforms the value.
import { z } from "zod";
import { DateTime } from "luxon";
import { quote } from "../content/problems.ts";
import { LONE_SURROGATE } from "./unicode.ts";
import { suggestDate, type DateOrder } from "../content/dates.ts";
import { allowedUrl } from "../markdown/url-policy.ts";

export interface FieldMeta {
  label: string;
  hint?: string;
  widget?: "string" | "text" | "date" | "datetime" | "list" | "select" | "boolean" | "number" | "ref" | "url" | "image" | "object";
  /** For widget "ref": which content kind the value names. */
  ref?: "provider" | "location";
  example?: unknown;
  [key: string]: unknown;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const DATE_EXPECTED = "expected YYYY-MM-DD or ISO date-time";

/** The years a date may name: outside them a date is a typo, and calendars refuse it. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/** True when the string is a real calendar date (or date-time); `2024-02-30` is not. */
export function isRealDate(value: string): boolean {
  // Most dates are plain days: checked by arithmetic (luxon's parser costs ~40 µs each,
  // which adds up over thousands of posts and comments); date-times go to luxon.
  if (DATE_RE.test(value)) {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  }
  if (!DATETIME_RE.test(value)) return false;
  return DateTime.fromISO(value, { setZone: true }).isValid;
}

// Characters no text field may hold: C0 and C1 controls (which break calendars, feeds and
// pages while staying invisible in an editor) and the Unicode line and paragraph separators.
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/;
const ONE_LINE_BAD_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Long text keeps its line breaks (\n or \r\n) and tabs.
const LONG_TEXT_BAD_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why a text cannot be used as it is, or undefined when it can. */
export function textProblem(value: string, multiline: boolean): string | undefined {
  const bad = (multiline ? LONG_TEXT_BAD_RE : ONE_LINE_BAD_RE).exec(value);
  if (!bad) return LONE_SURROGATE.test(value) ? "contains a broken character (half of an emoji or symbol); retype the text" : undefined;
  if (!multiline && LINE_BREAK_RE.test(bad[0])) return "must be on one line: remove the line break";
  if (bad[0] === "\t") return "contains a tab; use a space instead";
  return `contains an invisible control character (${codePoint(bad[0])}); retype the text`;
}

/** Why a value that is not text was refused: YAML read it as a number, true/false or nothing. */
export function notText(input: unknown): string {
  if (input === undefined) return "is required";
  if (input === null) return "is empty; write it after the colon";
  if (typeof input === "number" || typeof input === "boolean")
    return `is read as ${typeof input === "number" ? "a number" : "true or false"}; to keep it as text, put it in double quotes: "${String(input)}"`;
  return `expected text, got ${quote(input)}`;
}

const characters = (n: number) => `${n} character${n === 1 ? "" : "s"}`;

function textField(meta: FieldMeta & { max?: number; min?: number }, multiline: boolean) {
  const max = meta.max ?? (multiline ? 2000 : 200);
  const length = (input: unknown) => (typeof input === "string" ? input.length : 0);
  return z
    .string({ error: (iss) => notText(iss.input) })
    .trim()
    .min(meta.min ?? 1, {
      // The rule and the count, so staff know how much to add (a 16-character summary is not "empty").
      error: (iss) =>
        typeof iss.input !== "string"
          ? `needs at least ${meta.min ?? 1} characters`
          : iss.input.length === 0
            ? "is empty; write it after the colon"
            : `has ${characters(iss.input.length)}; it needs at least ${meta.min}, so add a few words`,
    })
    .max(max, { error: (iss) => `has ${characters(length(iss.input))}; at most ${max} fit, so shorten it by ${length(iss.input) - max}` })
    .refine((s) => textProblem(s, multiline) === undefined, {
      error: (iss) => textProblem(iss.input as string, multiline) ?? "expected text",
    })
    .meta({ widget: multiline ? "text" : "string", ...meta });
}

/** One line of text: no line breaks, tabs or other control characters. */
export function text(meta: FieldMeta & { max?: number; min?: number }) {
  return textField(meta, false);
}

/** Text that may run over several lines (line breaks and tabs kept); no other control characters. */
export function longText(meta: FieldMeta & { max?: number }) {
  return textField(meta, true);
}

/** A date or date-time kept as the author wrote it; the loader places it in the practice's zone. */
export function date(meta: FieldMeta) {
  return (
    z
      .string({ error: (iss) => (iss.input === undefined ? "is required" : `${DATE_EXPECTED}, got ${quote(iss.input)}`) })
      // Numeric dates are suggested month-first here; lib/content/read.ts words the message
      // again in the practice's own order (dateProblem with its DateOrder) when that differs.
      .refine((s) => dateProblem(s) === undefined, { error: (iss) => dateProblem(iss.input as string) ?? DATE_EXPECTED })
      .meta({ widget: "datetime", ...meta })
  );
}

/** Curly quotes a word processor put around (part of) a date. */
const CURLY = /[“”„‘’]/g;

/** What is wrong with a date as typed, with the fix; numeric dates read in `order`. */
export function dateProblem(value: string, order: DateOrder = "mdy"): string | undefined {
  if (!isRealDate(value)) {
    const straight = value.replace(CURLY, "").trim();
    if (straight !== value && isRealDate(straight))
      return `has curly quotes (“ ”), which a word processor adds; write it with straight quotes or none: "${straight}"`;
    const suggestion = suggestDate(straight, order);
    if (suggestion) return `dates are written year-month-day: write "${suggestion.value}" for ${suggestion.words}, not ${quote(value)}`;
    const day = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(straight);
    const y = Number(day?.[1]);
    if (day && (y < DATE_YEARS.min || y > DATE_YEARS.max))
      return `expected a year between ${DATE_YEARS.min} and ${DATE_YEARS.max}, got ${quote(value)}`;
    if (day && Number(day[2]) >= 1 && Number(day[2]) <= 12) {
      const month = new Date(Date.UTC(2000, Number(day[2]) - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
      const last = new Date(Date.UTC(Number(day[1]), Number(day[2]), 0)).getUTCDate();
      if (Number(day[3]) > last || Number(day[3]) < 1)
        return `${month} ${day[1]} has only ${last} days; check the day, got ${quote(value)}`;
    } else if (day) return `the month must be 01 to 12 (year-month-day), got ${quote(value)}`;
    return `${DATE_EXPECTED}, got ${quote(value)}`;
  }
  const year = Number(value.slice(0, 4));
  if (year < DATE_YEARS.min || year > DATE_YEARS.max)
    return `expected a year between ${DATE_YEARS.min} and ${DATE_YEARS.max}, got ${quote(value)}`;
  return undefined;
}

export function url(meta: FieldMeta) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? "is required" : "expected a web address") })
    .refine((s) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(s) && URL.canParse(s), {
      error: (iss) => `expected a web address starting with https://, got ${quote(iss.input)}`,
    })
    .meta({ widget: "url", ...meta });
}

const LINK_RE = /^(https?:\/\/[^\s/]+\.[^\s]+|\/(?![/\\])\S*)$/;

/** Why a link cannot stand on the site, or undefined when it can. */
export function linkProblem(value: string, example: string): string | undefined {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  // The site's one URL policy first, so a link here can never be one the policy refuses.
  if (!allowedUrl(value) || (scheme && scheme !== "http" && scheme !== "https")) {
    return `${scheme ? `"${scheme}:" links are` : /^\s*[\\/][\\/]/.test(value) ? 'links starting with "//" are' : "this kind of link is"} not allowed here; write a web address starting with https:// or a page of this site such as ${example}, got ${quote(value)}`;
  }
  if (!LINK_RE.test(value) || (!value.startsWith("/") && !URL.canParse(value))) {
    return `expected a web address starting with https:// or a page of this site such as ${example}, got ${quote(value)}`;
  }
  return undefined;
}

/**
 * A link parents follow from every page: another site's address (https://...) or a page of
 * this site (/appointments/). Checked against the site's one URL policy (lib/markdown/url-policy.ts).
 */
export function link(meta: FieldMeta & { example: string }) {
  return z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? "is required"
          : `expected a web address starting with https:// or a page of this site such as ${meta.example}`,
    })
    .refine((s) => linkProblem(s, meta.example) === undefined, {
      error: (iss) => linkProblem(iss.input as string, meta.example) ?? "expected a web address",
    })
    .meta({ widget: "string", ...meta });
}

export function slugRef(meta: FieldMeta & { ref: "provider" | "location" }) {
  return z
    .string({ error: "expected a slug such as jane-doe" })
    .regex(SLUG_RE, { error: (iss) => `expected a slug such as jane-doe, got ${quote(iss.input)}` })
    .meta({ widget: "ref", ...meta });
}

export function list<T extends z.ZodType>(item: T, meta: FieldMeta & { max?: number }) {
  const max = meta.max ?? 50;
  return z
    .array(item, {
      // Text where a list belongs (tags: flu shots) gets the list to write; one message, not two.
      error: (iss) =>
        typeof iss.input === "string"
          ? `write the ${meta.label.toLowerCase()} as a list: [${iss.input}]`
          : iss.input === null
            ? "is empty; write a list such as [flu, vaccines], or remove the line"
            : "expected a list such as [flu, vaccines]",
    })
    .max(max, { error: (iss) => `has ${Array.isArray(iss.input) ? iss.input.length : "too many"} items; at most ${max} fit` })
    .meta({ widget: "list", ...meta });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, meta: FieldMeta) {
  return z
    .enum(values, { error: (iss) => `expected one of ${values.join(", ")}, got ${quote(iss.input)}` })
    .meta({ widget: "select", ...meta });
}

export function flag(meta: FieldMeta) {
  return z
    .boolean({ error: (iss) => (iss.input === null ? "is empty; write true or false" : `expected true or false, got ${quote(iss.input)}`) })
    .meta({ widget: "boolean", ...meta });
}

export function integer(meta: FieldMeta & { min?: number; max?: number }) {
  return z
    .number({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .min(meta.min ?? 0, { error: `expected a number of at least ${meta.min ?? 0}` })
    .max(meta.max ?? 9999, { error: `expected a number of at most ${meta.max ?? 9999}` })
    .meta({ widget: "number", ...meta });
}

/** Image paths are relative to the content file or rooted at /assets/. */
export function imagePath(meta: FieldMeta) {
  return z
    .string({ error: "expected an image path such as ./photo.jpg" })
    .regex(/^(\.{0,2}\/)?[^\s:]+\.(jpe?g|png|webp|avif|gif|svg)$/i, {
      error: (iss) => `expected an image path such as ./photo.jpg, got ${quote(iss.input)}`,
    })
    .meta({ widget: "image", ...meta });
}

/**
 * Practice text that may differ by language: either one text for every language, or one
 * per language ({ en: "...", es: "..." }); languages left out fall back to the default.
 */
export function localized<T extends z.ZodType>(base: T) {
  const meta = (base.meta() ?? {}) as FieldMeta;
  return z
    .union([base, z.record(z.string().regex(/^[a-z]{2,3}$/), base)], {
      error: (iss) => (iss.input === undefined ? "is required" : "expected text, or one text per language such as { en: ..., es: ... }"),
    })
    .meta({ ...meta, localized: true });
}
