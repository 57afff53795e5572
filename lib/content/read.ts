// Reading and validating single files: every failure becomes a Problem, never a throw.
import { lstatSync, readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { parseFrontMatter, parseYaml, YamlLimitError } from "./frontmatter.ts";
import { ContentError, problemsFromZod, type Problem } from "./problems.ts";
import { LINK_NOWHERE } from "./inside.ts";
import { fieldsOf, keysAt, unwrap } from "../schema/introspect.ts";
import type { FieldMeta } from "../schema/fields.ts";
import { checkStructure } from "./structure.ts";
import { dateOrder, practiceLocale, type DateOrder } from "./dates.ts";
import { dateProblem } from "../schema/fields.ts";
import { explainYamlError } from "./yaml-messages.ts";
import type { KeptWhileUsed } from "../build/cache.ts";
import { textDigest } from "./digest.ts";

export interface SourceFile {
  abs: string;
  /** Project-relative path used in every message. */
  file: string;
  name: string;
  source: string;
}

/**
 * The .md files of a folder, read. A folder named like a file, a link leading nowhere or a
 * file that cannot be read is a problem naming it (pushed to `problems`; without that list,
 * thrown as a ContentError), never a stack trace.
 */
export async function listMarkdown(dir: string, root: string, problems?: Problem[]): Promise<SourceFile[]> {
  const found: Problem[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join("/");
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".md") && !n.startsWith(".")).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    found.push({ file: rel(dir), message: code === "ENOTDIR" ? "expected a folder here, found a file; move the file into a folder of that name" : `the folder could not be read (${code ?? (err as Error).message})` });
    names = [];
  }
  // Read synchronously: thousands of small files, and nothing else to do meanwhile;
  // each async read costs several thread-pool round trips (measured 3-4x slower).
  const files: SourceFile[] = [];
  for (const name of names) {
    const abs = path.join(dir, name);
    const file = rel(abs);
    try {
      files.push({ abs, file, name, source: readFileSync(abs, "utf8") });
    } catch (err) {
      found.push({ file, message: unreadable(abs, err as NodeJS.ErrnoException) });
    }
  }
  if (found.length && !problems) throw new ContentError(found);
  problems?.push(...found);
  return files;
}

function unreadable(abs: string, err: NodeJS.ErrnoException): string {
  if (err.code === "EISDIR") return "is a folder, not a Markdown file; rename the folder (only files may end in .md)";
  if (err.code === "ENOENT") {
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
    } catch {
      // gone meanwhile
    }
    if (link) return LINK_NOWHERE;
    return "the file disappeared while the site was being built; build again";
  }
  if (err.code === "EACCES" || err.code === "EPERM") return "the file cannot be read (no permission); make it readable for the build";
  if (err.code === "ELOOP") return "is a link that leads back to itself; replace it with the file";
  return `the file cannot be read (${err.code ?? err.message})`;
}

export type Validated<T> = { ok: true; data: T; body: string } | { ok: false; problems: Problem[] };

export function validate<S extends z.ZodType>(schema: S, file: string, data: unknown): { ok: true; data: z.infer<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: problemsFromZod(file, result.error, (p) => keysAt(schema, p)) };
}

// The preview server loads the whole site again after every save; a file whose text
// did not change gives the same result, so it is parsed and validated once per build
// session (lib/build/session.ts). Keyed by path, so an edited file replaces its entry.
export type ReadCache = KeptWhileUsed<string, { schema: z.ZodType; digest: string; result: Validated<unknown> }>;

// A file's digest is asked for by the read cache, then by the render cache (its body is part
// of its text, so the file's digest stands for the body's too): worked out once per file read.
const digests = new WeakMap<SourceFile, string>();

/** The digest of a file's text, by which the content caches recognise it unchanged. */
export function sourceDigest(f: SourceFile): string {
  let digest = digests.get(f);
  if (digest === undefined) digests.set(f, (digest = textDigest(f.source)));
  return digest;
}

function cachedRead(schema: z.ZodType, f: SourceFile, cache: ReadCache | undefined): Validated<unknown> | undefined {
  const hit = cache?.get(f.abs);
  return hit && hit.schema === schema && hit.digest === sourceDigest(f) ? hit.result : undefined;
}

export function isReadCached(schema: z.ZodType, f: SourceFile, cache: ReadCache | undefined): boolean {
  return cachedRead(schema, f, cache) !== undefined;
}

export function readMarkdownFile<S extends z.ZodType>(schema: S, f: SourceFile, cache?: ReadCache): Validated<z.infer<S>> {
  const hit = cachedRead(schema, f, cache);
  if (hit) return hit as Validated<z.infer<S>>;
  const result = parseMarkdownFile(schema, f);
  cache?.set(f.abs, { schema, digest: sourceDigest(f), result });
  return result;
}

/** Seeds the cache with a result computed elsewhere (lib/content/parallel.ts). */
export function rememberRead(schema: z.ZodType, f: SourceFile, result: Validated<unknown>, cache: ReadCache): void {
  cache.set(f.abs, { schema, digest: sourceDigest(f), result });
}

/** readMarkdownFile without the cache. */
export function parseMarkdownFile<S extends z.ZodType>(schema: S, f: SourceFile): Validated<z.infer<S>> {
  const parsed = parseFrontMatter(f.file, f.source, Object.keys(fieldsOf(schema)));
  if ("message" in parsed) return { ok: false, problems: [parsed] };
  const structure = checkStructure(schema, f.file, parsed);
  const v = validateContent(schema, f, parsed.data);
  // One mistake, one message: what the structure check explained, the schema does not repeat.
  // A field's problem names the line the field is on, as staff see it in their editor.
  const yamlLines = parsed.yaml.split("\n");
  const lineOf = (field: string) => {
    const i = yamlLines.findIndex((l) => l.startsWith(`${field}:`));
    return i >= 0 ? i + 2 : undefined;
  };
  const schemaProblems = v.ok ? [] : v.problems.filter((p) => !structure.covered.has(topField(p.field))).map((p) => (p.field && !p.line ? { ...p, line: lineOf(topField(p.field)) } : p));
  // Top-down, as staff read the file; problems about no one line (a field missing) last.
  const problems = [...structure.problems, ...schemaProblems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  if (problems.length || !v.ok) return { ok: false, problems };
  return { ok: true, data: v.data, body: parsed.body };
}

const topField = (field: string | undefined) => (field ?? "").split(/[.[]/)[0]!;

const widgetOf = (field: z.ZodType | undefined) => (field ? ((unwrap(field).meta() ?? {}) as FieldMeta).widget : undefined);

/**
 * A content file's fields against its schema. A draft may leave a required text field
 * empty (`credentials:` in a new provider): it is filled in before the draft is published.
 * A date typed another way is read in the practice's own order of day and month.
 */
function validateContent<S extends z.ZodType>(schema: S, f: SourceFile, data: Record<string, unknown>): ReturnType<typeof validate<S>> {
  const fields = fieldsOf(schema);
  let target: z.ZodType = schema;
  let input = data;
  const empty = data.draft === true ? Object.keys(fields).filter((k) => (data[k] === null || data[k] === "") && ["string", "text"].includes(widgetOf(fields[k]) ?? "")) : [];
  if (empty.length && "partial" in schema) {
    target = (schema as unknown as z.ZodObject).partial(Object.fromEntries(empty.map((k) => [k, true])) as Record<string, true>);
    input = Object.fromEntries(Object.entries(data).filter(([k]) => !empty.includes(k)));
  }
  const v = validate(target, f.file, input);
  if (!v.ok && v.problems.some((p) => isDateField(fields, p.field))) {
    let order: DateOrder | undefined;
    return { ok: false, problems: inDateOrder(v.problems, data, fields, () => (order ??= practiceDateOrder(f.abs))) };
  }
  if (!v.ok) return v;
  return { ok: true, data: { ...(v.data as object), ...Object.fromEntries(empty.map((k) => [k, ""])) } as z.infer<S> };
}

const isDateField = (fields: Record<string, z.ZodType>, field: string | undefined) => ["date", "datetime"].includes(widgetOf(fields[topField(field)]) ?? "");

/** Date messages worded again in the practice's order of day and month (12/05/2026 is 12 May in the UK). */
function inDateOrder(problems: readonly Problem[], data: Record<string, unknown>, fields: Record<string, z.ZodType>, order: () => DateOrder): Problem[] {
  return problems.map((p) => {
    const value = p.field === topField(p.field) ? data[p.field ?? ""] : undefined;
    if (!isDateField(fields, p.field) || typeof value !== "string" || order() === "mdy") return p;
    const message = dateProblem(value, order());
    return message ? { ...p, message } : p;
  });
}

// The practice's order of day and month, from the practice.yaml beside the content
// folders: read only when a date is wrong (a build that stops anyway), so not cached.
function practiceDateOrder(contentFile: string): DateOrder {
  const file = path.join(path.dirname(path.dirname(contentFile)), "_data", "practice.yaml");
  try {
    return dateOrder(practiceLocale(parseYaml(readFileSync(file, "utf8"))));
  } catch {
    return "mdy";
  }
}

export async function readYamlFile<S extends z.ZodType>(
  schema: S,
  abs: string,
  root: string,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; problems: Problem[]; partial?: z.infer<S> }> {
  const file = path.relative(root, abs).split(path.sep).join("/");
  let source: string;
  try {
    source = await readFile(abs, "utf8");
  } catch {
    return { ok: false, problems: [{ file, message: "file is missing; the site needs it" }] };
  }
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (err) {
    if (err instanceof YamlLimitError) return { ok: false, problems: [{ file, message: `the YAML ${err.message}` }] };
    const explained = explainYamlError(source, err, { fields: Object.keys(fieldsOf(schema)) });
    return { ok: false, problems: [{ file, line: explained.line, message: explained.message }] };
  }
  // practice.yaml names its own language and country: its dates are read in that order.
  const v = validate(schema, file, data ?? {});
  if (v.ok || !data || typeof data !== "object") return v;
  const problems = inDateOrder(v.problems, data as Record<string, unknown>, fieldsOf(schema), () => dateOrder(practiceLocale(data)));
  return { ok: false, problems, ...partialOf(schema, file, data as Record<string, unknown>, problems) };
}

/**
 * The file as far as it can be read: without the top-level fields that have problems, when
 * what is left is valid. The build goes on checking the rest of the content against it, so
 * a mistyped booking address is one problem, not one on every page that shows the phone.
 */
function partialOf<S extends z.ZodType>(schema: S, file: string, data: Record<string, unknown>, problems: readonly Problem[]): { partial?: z.infer<S> } {
  const bad = new Set(problems.map((p) => p.field?.split(/[.[]/)[0]).filter((k): k is string => !!k));
  if (!bad.size || problems.some((p) => !p.field)) return {};
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !bad.has(k)));
  const again = validate(schema, file, rest);
  return again.ok ? { partial: again.data } : {};
}
