// YAML parser errors in words staff can act on. A parser says where it gave up ("Nested
// mappings are not allowed in compact mappings", "bad indentation of a mapping entry"),
// which is often a line after the mistake and always in its own vocabulary. So the lines
// themselves are read for the mistakes people actually make (a colon in a title, a quote
// left open, an apostrophe inside single quotes, a missing colon or space, a stray
// indent, a list left open, a field given twice), from the top down to where the parser
// stopped, and the first one found is named with its line and the fix. Only when none
// fits is the parser's position used, still without its jargon.
import { quote } from "./problems.ts";

export interface YamlExplained {
  /** 1-based line of the YAML text. */
  line: number;
  field?: string;
  message: string;
}

interface ParserError {
  code?: string;
  reason?: string;
  message?: string;
  linePos?: [{ line: number; col: number }];
  mark?: { line: number; column: number };
}

/** Where and why a parser (js-yaml or yaml) stopped: 1-based line, and its code or reason. */
function position(err: unknown): { line?: number; code: string } {
  const e = (err ?? {}) as ParserError;
  const line = e.linePos?.[0]?.line ?? (e.mark ? e.mark.line + 1 : undefined);
  return { line, code: e.code ?? e.reason ?? e.message ?? "" };
}

const FIELD = /^([A-Za-z][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;
/** Characters YAML keeps for itself at the start of a plain value. */
const RESERVED: Record<string, string> = {
  "@": "@, which YAML keeps for itself",
  "`": "`, which YAML keeps for itself",
  "%": "%, which YAML keeps for itself",
  "*": "*, which YAML reads as a reference to another value",
  "&": "&, which YAML reads as a name for the value",
  "!": "!, which YAML reads as a type",
  "|": "|, which YAML reads as the start of a block of lines",
  ">": ">, which YAML reads as the start of a block of lines",
  "{": "{, which YAML reads as the start of a set of fields",
  "[": "[, which YAML reads as the start of a list",
};

/** The value written so YAML reads it as one piece of text: in double quotes, or single ones when it holds double quotes. */
export function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/** Index just past the quoted text that starts at `value[0]`, or -1 when the line does not close it. */
function closingQuote(value: string): number {
  const q = value[0];
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === "\\") i++;
    else if (value[i] === q) {
      if (q === "'" && value[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** Text after a quoted value that is not a comment. */
function leftOver(after: string): string | undefined {
  const rest = after.replace(/^\s*(#.*)?$/, "");
  return rest.trim() ? rest.trim() : undefined;
}

type Check = (line: string, i: number, lines: readonly string[], fields: readonly string[]) => Omit<YamlExplained, "line"> | undefined;

export interface ExplainOptions {
  /** The names the file may use (to tell "title Flu" from a stray line). */
  fields?: readonly string[];
  /** Lines of the file before the YAML text (the opening ---): messages count lines as staff see them. */
  offset?: number;
}

/** A field line's value: quotes, colons and reserved characters. */
const valueCheck: Check = (line) => {
  const m = FIELD.exec(line);
  if (!m || m[2] === undefined) return undefined;
  const [, key, value] = m as unknown as [string, string, string];
  const q = quote(line);
  const the = `the ${key}`;
  if (value[0] === '"' || value[0] === "'") {
    const end = closingQuote(value);
    if (end < 0) return { field: key, message: `the quote that starts ${the} in ${q} is never closed; add ${value[0]} at the end of the line` };
    const rest = leftOver(value.slice(end));
    if (rest === undefined) {
      if (value[0] === '"' && /\\[^0abtnvfre "/\\N_LPxuU\t]/.test(value)) {
        return { field: key, message: `${the} has a backslash (\\) inside double quotes in ${q}; write it as \\\\, or put ${the} in single quotes` };
      }
      return undefined;
    }
    // Quotes at both ends were meant as the quotes around the title; one at the start only is shown.
    const whole = value.endsWith('"') ? value.slice(1, -1) : value;
    if (value[0] === "'") {
      return { field: key, message: `${the} starts with ' so the apostrophe inside it ends it, in ${q}; put ${the} in double quotes instead: ${key}: ${quoted(value.slice(1).replace(/'$/, ""))}` };
    }
    return { field: key, message: `${the} ends at its second quote, and ${quote(rest)} is left over, in ${q}; to show quotes inside ${the}, put it all in single quotes: ${key}: '${whole.replace(/'/g, "’")}'` };
  }
  if (value[0] === "[" || value[0] === "{") {
    const close = value[0] === "[" ? "]" : "}";
    if (!value.includes(close)) return { field: key, message: `the ${value[0] === "[" ? "list" : "set of fields"} that starts with ${value[0]} in ${q} is never closed; add ${close} at the end of the line` };
    if (value.trimEnd().endsWith(close)) return undefined;
    return { field: key, message: `${the} starts with ${RESERVED[value[0]]}, in ${q}; put the whole ${key} in double quotes: ${key}: ${quoted(value)}` };
  }
  if (RESERVED[value[0]!]) return { field: key, message: `${the} starts with ${RESERVED[value[0]!]}, in ${q}; put the whole ${key} in double quotes: ${key}: ${quoted(value)}` };
  if (/:(\s|$)/.test(value.replace(/\s#.*$/, ""))) return { field: key, message: `${the} contains a colon, in ${q}; put the whole ${key} in double quotes: ${key}: ${quoted(value)}` };
  return undefined;
};

/** A line that is not a field: no colon, no space after the colon, or a stray indent. */
const shapeCheck: Check = (line, i, lines, fields) => {
  if (!line.trim() || /^\s*#/.test(line) || /^\s*-(\s|$)/.test(line) || FIELD.test(line)) return undefined;
  const q = quote(line);
  const indented = /^\s+([A-Za-z][\w-]*):(\s|$)/.exec(line);
  if (indented) {
    // An indented field belongs to the one above only when that one has no value of its own.
    const above = [...lines.slice(0, i)].reverse().find((l) => l.trim() && !/^\s*#/.test(l));
    if (above && /:\s*$/.test(above)) return undefined;
    return { field: indented[1], message: `${q} starts with spaces; start the line with the field name (${indented[1]}: …), at the very beginning of the line` };
  }
  if (/^\s/.test(line)) return undefined;
  const noSpace = /^([A-Za-z][\w-]*):(\S.*)$/.exec(line);
  if (noSpace) return { field: noSpace[1], message: `there is no space after the colon in ${q}; write ${noSpace[1]}: ${noSpace[2]}` };
  const word = /^([A-Za-z][\w-]*)\s+(.*)$/.exec(line);
  if (word && fields.includes(word[1]!)) return { field: word[1], message: `${q} has no colon after the field name; write ${word[1]}: ${word[2]}` };
  return { message: `${q} is not a field (a name, a colon, then the value); if it belongs to the line above, join the two lines, or put # in front of it to keep it as a note` };
};

const CHECKS: Check[] = [valueCheck, shapeCheck];

/** The first mistake a person would see in lines[from..to), top-down. */
function firstMistake(lines: readonly string[], from: number, to: number, fields: readonly string[]): YamlExplained | undefined {
  for (let i = from; i < to; i++) {
    for (const check of CHECKS) {
      const found = check(lines[i]!, i, lines, fields);
      if (found) return { line: i + 1, ...found };
    }
  }
  return undefined;
}

/** Why the YAML text `yaml` could not be read, in plain words, for the parser error `err`; lines counted in the file. */
export function explainYamlError(yaml: string, err: unknown, opts: ExplainOptions = {}): YamlExplained {
  const fields = opts.fields ?? [];
  const offset = opts.offset ?? 0;
  const lines = yaml.split("\n").map((l) => l.replace(/\r$/, ""));
  const { line, code } = position(err);
  const at = Math.min(Math.max(line ?? lines.length, 1), lines.length);

  if (/DUPLICATE_KEY|duplicated mapping key/i.test(code)) {
    const key = /^([A-Za-z][\w-]*)\s*:/.exec(lines[at - 1] ?? "")?.[1];
    const first = key ? lines.findIndex((l) => l.startsWith(`${key}:`)) + 1 : 0;
    if (key && first && first !== at) return { line: at + offset, field: key, message: `${key} is given twice, on lines ${first + offset} and ${at + offset}; keep one of them` };
  }
  const found = firstMistake(lines, 0, at, fields) ?? firstMistake(lines, at, lines.length, fields);
  if (found) return { ...found, line: found.line + offset };
  const text = lines[at - 1] ?? "";
  return {
    line: at + offset,
    message: `the front matter cannot be read at ${quote(text)}; each line is a field name, a colon and a space, then the value, and a value with a colon, a quote or a # goes in double quotes`,
  };
}
