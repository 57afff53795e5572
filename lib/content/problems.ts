// Errors are data: every problem names the file and the field, and the CLI decides
// what to do with the whole list.
import type { z } from "zod";

export interface Problem {
  file: string;
  /** The file's line (1-based), when the problem is on one line staff can go to. */
  line?: number;
  field?: string;
  message: string;
}

/** file:line: field: message, as editors and terminals link them. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const n = problems.length;
    super(`${n} content problem${n === 1 ? "" : "s"}; the site was not built:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** A page that could not be rendered: a fault of Practice Press, not of the content, but the file is named so staff can work around it. */
export class PageRenderError extends Error {
  constructor(url: string, file: string | undefined, cause: unknown) {
    super(`the page ${url}${file ? ` (from ${file})` : ""} could not be written: ${(cause instanceof Error ? cause.message : String(cause)).split("\n")[0]}`, { cause });
    this.name = "PageRenderError";
  }
}

/** The one line that says what went wrong, under the wrappers Eleventy adds: a PageRenderError, else the deepest cause. */
export function plainCause(err: unknown): string {
  let deepest = err;
  for (let e = err, depth = 0; e && depth < 10; depth++) {
    if (e instanceof PageRenderError) return e.message;
    deepest = e;
    const any = e as { originalError?: unknown; cause?: unknown };
    e = any.originalError ?? any.cause;
  }
  return (deepest instanceof Error ? deepest.message : String(deepest)).split("\n")[0]!.slice(0, 300);
}

/** How much of a value an author typed a message may quote. */
export const QUOTE_MAX = 80;

/**
 * A value the author typed, quoted for a message: strings as JSON (control characters
 * visible as \u0001), cut to QUOTE_MAX characters with "…"; anything else named by its
 * kind ("a list"), never walked, so a huge or self-referencing value costs nothing.
 */
export function quote(value: unknown): string {
  switch (typeof value) {
    case "string": {
      const cut = value.length > QUOTE_MAX ? Array.from(value.slice(0, QUOTE_MAX * 2)).slice(0, QUOTE_MAX).join("") : value;
      return JSON.stringify(cut.length < value.length ? `${cut}…` : value);
    }
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "nothing";
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return "a list";
      if (value instanceof Date) return "a date";
      return "a set of fields";
    default:
      return "a value";
  }
}

/** Finds a ContentError however deeply a caller (Eleventy) wrapped it. */
export function findContentError(err: unknown): ContentError | undefined {
  for (let e = err, depth = 0; e && depth < 10; depth++) {
    if (e instanceof ContentError) return e;
    const any = e as { originalError?: unknown; cause?: unknown };
    e = any.originalError ?? any.cause;
  }
  return undefined;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : (i ? "." : "") + String(k))).join("");
}

/**
 * Turns zod issues into one plain sentence each, suggesting the field a typo meant. One
 * mistake, one message: after the first issue on a field, later ones on the same field are
 * its consequences (text given for a list is also "too long" by zod's count of characters).
 */
export function problemsFromZod(file: string, error: z.ZodError, shape: (path: readonly PropertyKey[]) => string[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const guessed = new Set<string>();
  for (const issue of error.issues) {
    const base = fieldPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const known = shape(issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        if (guess) guessed.add(base ? `${base}.${guess}` : guess);
        out.push({
          file,
          field: base ? `${base}.${key}` : key,
          message: guess
            ? `unknown field; did you mean "${guess}"?`
            : known.length
              ? `unknown field; expected one of ${known.join(", ")}`
              : // The shape behind a choice of forms (an account per network) is not known here.
                `unknown field; remove it (see docs/staff/practice-yaml.md for the fields this part takes)`,
        });
      }
      continue;
    }
    if (seen.has(base)) continue;
    seen.add(base);
    out.push({ file, field: base || undefined, message: issue.message });
  }
  // "titel" for "title": the typo's message names the field, so "title: is required" would repeat it.
  return out.filter((p) => !(p.message === "is required" && p.field && guessed.has(p.field)));
}
