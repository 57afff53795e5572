// Mistakes YAML accepts without a word: checked on the front matter's own lines after it
// was read, before the schema. The one that published a draft: a closing quote forgotten
// on `description: "…`, so YAML carried the string on over the next lines, `draft: true`
// among them, and stopped at a quote further down; every field was valid, the draft flag
// was gone. Also text a new file starts with, left in a file that is no longer a draft,
// and a title cut short at " #" (YAML's start of a note).
import type { z } from "zod";
import { fieldsOf, unwrap } from "../schema/introspect.ts";
import { PLACEHOLDER_BODY, placeholders } from "../schema/scaffold.ts";
import type { FieldMeta } from "../schema/fields.ts";
import type { Parsed } from "./frontmatter.ts";
import { quote, type Problem } from "./problems.ts";

export interface Structure {
  problems: Problem[];
  /** Fields a problem here already explains: the schema's messages about them would repeat it. */
  covered: Set<string>;
  /** Likely mistakes that do not stop the build. */
  warnings: Problem[];
}

/** Bodies `npm run new` wrote, the current one and an earlier one. */
const PLACEHOLDER_BODIES = [PLACEHOLDER_BODY, `Write the text here in Markdown. Start each section with a "## " heading.`];

const FIELD_LINE = /^([A-Za-z][\w-]*):[ \t]+(.*?)[ \t]*$/;

function widgetOf(field: z.ZodType): FieldMeta["widget"] {
  return ((unwrap(field).meta() ?? {}) as FieldMeta).widget;
}

/** Fields whose value is one line: all but long text, lists and sets of fields. */
function isOneLine(field: z.ZodType): boolean {
  const widget = widgetOf(field);
  return widget !== undefined && widget !== "text" && widget !== "list" && widget !== "object";
}

/** Index in `lines` of the line that closes the quote `q` opened on line `from` (after column `col`), or -1. */
function closingLine(lines: readonly string[], from: number, col: number, q: string): number {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!;
    for (let j = i === from ? col : 0; j < text.length; j++) {
      if (q === '"' && text[j] === "\\") j++;
      else if (text[j] === q) {
        if (q === "'" && text[j + 1] === "'") j++;
        else return i;
      }
    }
  }
  return -1;
}

/** Checks a parsed file against its schema's fields; `schema` decides which fields are one line. */
export function checkStructure(schema: z.ZodType, file: string, parsed: Parsed): Structure {
  const fields = fieldsOf(schema);
  const lines = parsed.yaml.split("\n").map((l) => l.replace(/\r$/, ""));
  const out: Structure = { problems: [], covered: new Set(), warnings: [] };
  // The YAML text starts on the line after the opening ---.
  const lineOf = (i: number) => i + 2;

  lines.forEach((text, i) => {
    const m = FIELD_LINE.exec(text);
    if (!m || !fields[m[1]!] || out.covered.has(m[1]!)) return;
    const [, key, value] = m as unknown as [string, string, string];
    const field = fields[key]!;
    const q = value[0];
    if ((q === '"' || q === "'") && isOneLine(field)) {
      const close = closingLine(lines, i, text.indexOf(q) + 1, q);
      if (close > i) {
        const swallowed = lines.slice(i + 1, close + 1).filter((l) => FIELD_LINE.test(l) && fields[FIELD_LINE.exec(l)![1]!]);
        for (const l of swallowed) out.covered.add(FIELD_LINE.exec(l)![1]!);
        out.covered.add(key);
        const what = swallowed.length ? `the lines after it (${swallowed.map((l) => quote(l)).join(", ")}) became part of the ${key}` : `the ${key} runs on into the lines after it`;
        out.problems.push({ file, line: lineOf(i), field: key, message: `the quote that starts the ${key} in ${quote(text)} is not closed on that line, so ${what}; add ${q} at the end of line ${lineOf(i)}` });
        return;
      }
    }
    const data = parsed.data[key];
    if (typeof data !== "string") return;
    // Another field's "name: value" inside a value: a quote closed too late swallowed it.
    const inner = /(?:^|\s)([A-Za-z][\w-]*): \S+/.exec(data);
    if (inner && inner[1] !== key && fields[inner[1]!] && isOneLine(field)) {
      out.covered.add(key);
      out.problems.push({ file, line: lineOf(i), field: key, message: `contains ${quote(inner[0].trim())}, which looks like a field of its own; a closing quote is probably missing before it, in ${quote(text)}` });
      return;
    }
    // `title: Flu shots #1 in town` is "Flu shots" to YAML: " #" starts a note.
    const widget = widgetOf(field);
    if ((widget === "string" || widget === "text") && !/^["'[{|>]/.test(value) && /\s#/.test(value)) {
      out.warnings.push({
        file,
        line: lineOf(i),
        field: key,
        message: `stops at " #" in ${quote(text)}, because YAML reads the rest as a note: the page shows ${quote(data)}; to keep the #, put the whole ${key} in double quotes`,
      });
    }
    // “Flu shots are here (a word processor's opening quote, never closed): the page would
    // show the stray quote mark. Whether it was meant can't be known, so it is only named.
    const opens = /^[“„«]/.exec(data)?.[0];
    if (opens && (widget === "string" || widget === "text") && !/[”“»]/.test(data.slice(1))) {
      out.warnings.push({ file, line: lineOf(i), field: key, message: `starts with a curly quote (${opens}) that is never closed, so the page shows it: ${quote(data)}; remove it, or put the whole ${key} in straight double quotes` });
    }
  });

  if (parsed.data.draft !== true) placeholderProblems(schema, file, parsed, lines, out);
  return out;
}

/** Text `npm run new` put in a file, refused once the file is not a draft. */
function placeholderProblems(schema: z.ZodType, file: string, parsed: Parsed, lines: readonly string[], out: Structure): void {
  const advice = "write your own, or put draft: true back until it is ready";
  for (const [name, text] of placeholders(schema)) {
    if (typeof parsed.data[name] !== "string" || (parsed.data[name]).trim() !== text || out.covered.has(name)) continue;
    const at = lines.findIndex((l) => l.startsWith(`${name}:`));
    out.covered.add(name);
    out.problems.push({ file, line: at >= 0 ? at + 2 : undefined, field: name, message: `still has the text npm run new put there (${quote(text)}); ${advice}` });
  }
  const body = parsed.body.split("\n");
  const at = body.findIndex((l) => PLACEHOLDER_BODIES.includes(l.trim()));
  if (at >= 0) out.problems.push({ file, line: parsed.bodyLine + at, field: "body", message: `still has the text npm run new put there (${quote(body[at]!.trim())}); ${advice}` });
}
