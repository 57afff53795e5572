// Front matter is read as plain YAML data: the core schema keeps `2024-02-30` a string
// (YAML 1.1 timestamp parsing would silently turn it into 1 March), and dates are
// validated and placed in the practice's zone by the schema and the loader.
//
// Two parsers, one meaning: js-yaml reads every file (it is several times faster, which
// matters with thousands of posts), and when it refuses one, `yaml` reads it again for
// its clearer message with line and column. Both use the YAML 1.2 core schema and both
// reject duplicate keys.
//
// Content is data, never code. gray-matter picks a parser from the opening fence
// (`---js` evaluates the block as JavaScript), so the fence is checked first and every
// engine but YAML is disabled. YAML itself is bounded before and after parsing: its size,
// how deeply it nests (deep nesting overflows either parser's stack) and how many values
// it holds once its &anchors/*aliases are expanded (a 500-byte "alias bomb" expands to
// millions of strings when anything walks it).
import { createRequire } from "node:module";
import type matterType from "gray-matter";
import jsYaml from "js-yaml";
import YAML from "yaml";
import { quote, type Problem } from "./problems.ts";
import { cleanSource, findFences } from "./paste.ts";
import { explainYamlError } from "./yaml-messages.ts";

// gray-matter (with its own js-yaml and esprima) loads on the first Markdown file parsed: a
// build whose files all come from the content store (lib/content/stored.ts) parses none.
const load = createRequire(import.meta.url);
let loaded: typeof matterType | undefined;
const matter = (...args: Parameters<typeof matterType>) => (loaded ??= load("gray-matter") as typeof matterType)(...args);

/** Front matter of a post or page; practice.yaml is allowed more (it lists every location and closure). */
export const LIMITS = {
  frontMatterBytes: 64 * 1024,
  dataFileBytes: 512 * 1024,
  /** Lists and sets of fields inside one another. */
  depth: 24,
  /** Values once aliases are expanded: the demo's practice.yaml holds about 600. */
  values: 20_000,
} as const;

/** A YAML document that is well formed but too big or too deep to be content. */
export class YamlLimitError extends Error {}

/**
 * The deepest nesting of flow collections ([ ] and { }), run before any parser. It does not
 * skip quoted text on purpose: a stray quote could otherwise hide brackets from the count.
 */
function flowDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/** Counts values (aliases expanded), stopping as soon as a limit is passed. */
function checkShape(data: unknown): void {
  let values = 0;
  const walk = (v: unknown, depth: number): void => {
    if (++values > LIMITS.values) {
      throw new YamlLimitError(`holds too many values once its references (&anchors and *aliases) are expanded (more than ${LIMITS.values}); write the values out instead`);
    }
    if (v === null || typeof v !== "object") return;
    if (depth > LIMITS.depth) throw new YamlLimitError(`nests lists and fields more than ${LIMITS.depth} levels deep`);
    for (const child of Array.isArray(v) ? v : Object.values(v)) walk(child, depth + 1);
  };
  walk(data, 0);
}

export function parseYaml(source: string, maxBytes: number = LIMITS.dataFileBytes): unknown {
  const bytes = Buffer.byteLength(source);
  if (bytes > maxBytes) throw new YamlLimitError(`is too long (${Math.ceil(bytes / 1024)} KB; at most ${maxBytes / 1024} KB)`);
  if (flowDepth(source) > LIMITS.depth) throw new YamlLimitError(`nests lists and fields more than ${LIMITS.depth} levels deep`);
  let data: unknown;
  try {
    data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
  } catch (fast) {
    YAML.parse(source, { schema: "core", prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
    // `yaml` accepted what js-yaml refused: report js-yaml's reason.
    throw fast;
  }
  checkShape(data);
  return data;
}

export interface Parsed {
  data: Record<string, unknown>;
  body: string;
  /** The front matter's text as YAML read it (after cleanSource), for checks that need its lines. */
  yaml: string;
  /** The file's line where the body starts (1-based). */
  bodyLine: number;
}

/** A parser error with its line moved by `by` (both parsers' forms of a position). */
function shiftLine(err: unknown, by: number): unknown {
  const e = err as { linePos?: [{ line: number; col: number }]; mark?: { line: number; column: number } };
  if (e?.linePos?.[0]) return { ...e, code: (e as { code?: string }).code, linePos: [{ ...e.linePos[0], line: e.linePos[0].line + by }] };
  if (e?.mark) return { ...e, reason: (e as { reason?: string }).reason, mark: { ...e.mark, line: e.mark.line + by } };
  return err;
}

/** The opening line `---`, optionally followed by "yaml": anything else would pick another parser. */
const FENCE = /^\uFEFF?---([^\r\n]*)/;

/** Engines gray-matter ships besides YAML; any fence that reaches one is refused (defence in depth: checkFence runs first). */
const REFUSE = () => {
  throw new YamlLimitError("front matter must be YAML");
};
const ENGINES = { yaml: (s: string) => parseYaml(s, LIMITS.frontMatterBytes) as object, js: REFUSE, javascript: REFUSE, coffee: REFUSE, cson: REFUSE, json: REFUSE, toml: REFUSE };

/**
 * The front matter and body of a Markdown file. Pasted text is cleaned first (see paste.ts);
 * `fields` are the names the file's kind uses, so a message can tell "title Flu" (a colon
 * missing) from a stray line. A problem names the line, quotes it, and says what to do.
 */
export function parseFrontMatter(file: string, raw: string, fields: readonly string[] = []): Parsed | Problem {
  const source = cleanSource(raw);
  const fence = FENCE.exec(source);
  if (fence && fence[1]!.trim() !== "" && fence[1]!.trim().toLowerCase() !== "yaml") {
    const shown = `---${fence[1]!.length > 20 ? `${fence[1]!.slice(0, 20)}…` : fence[1]}`;
    return { file, line: 1, message: `the first line must be exactly --- (found ${JSON.stringify(shown)}); front matter is YAML only, so remove what follows the dashes` };
  }
  const lines = source.split("\n");
  const fences = findFences(lines);
  if (fence && !fences) {
    return { file, line: 1, message: "the front matter has no closing --- line; add a line with just --- after the last field, before the text" };
  }
  if (!fences) {
    // Without front matter every field reads as missing: name the one cause instead.
    const first = lines.findIndex((l) => l.trim() !== "");
    const field = /^([A-Za-z][\w-]*)\s*:/.exec(lines[first] ?? "")?.[1];
    if (field && (fields.length === 0 || fields.includes(field))) {
      return { file, line: first + 1, message: `the file must start with a line of just ---, then the fields, then another ---; add --- above ${quote(lines[first]!.trim())}` };
    }
  }
  try {
    const result = matter(source, { language: "yaml", engines: ENGINES });
    const data = result.data ?? {};
    if (typeof data !== "object" || Array.isArray(data)) return { file, line: 2, message: "the front matter must be fields, one per line: a name, a colon and a space, then the value (title: Flu shots are here)" };
    return { data: data, body: result.content, yaml: result.matter.replace(/^\r?\n/, ""), bodyLine: fences ? fences.close + 2 : 1 };
  } catch (err) {
    if (err instanceof YamlLimitError) return { file, message: `the front matter ${err.message}` };
    // The parser counted lines from the opening --- (its text starts with that line's end).
    const yaml = fences ? lines.slice(1, fences.close).join("\n") : source;
    const explained = explainYamlError(yaml, shiftLine(err, -1), { fields, offset: 1 });
    return { file, line: explained.line, message: explained.message };
  }
}
