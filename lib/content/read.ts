// Reading and validating single files: every failure becomes a Problem, never a throw.
import { lstatSync, readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { parseFrontMatter, parseYaml, yamlErrorMessage } from "./frontmatter.ts";
import { ContentError, problemsFromZod, type Problem } from "./problems.ts";
import { LINK_NOWHERE } from "./inside.ts";
import { keysAt } from "../schema/introspect.ts";

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
// did not change gives the same result, so it is parsed and validated once. Keyed by
// path, so an edited file replaces its entry instead of adding one.
const readCache = new Map<string, { schema: z.ZodType; source: string; result: Validated<unknown> }>();

function cachedRead(schema: z.ZodType, f: SourceFile): Validated<unknown> | undefined {
  const hit = readCache.get(f.abs);
  return hit && hit.schema === schema && hit.source === f.source ? hit.result : undefined;
}

export function isReadCached(schema: z.ZodType, f: SourceFile): boolean {
  return cachedRead(schema, f) !== undefined;
}

export function readMarkdownFile<S extends z.ZodType>(schema: S, f: SourceFile): Validated<z.infer<S>> {
  const hit = cachedRead(schema, f);
  if (hit) return hit as Validated<z.infer<S>>;
  const result = parseMarkdownFile(schema, f);
  readCache.set(f.abs, { schema, source: f.source, result });
  return result;
}

/** Seeds the cache with a result computed elsewhere (lib/content/parallel.ts). */
export function rememberRead(schema: z.ZodType, f: SourceFile, result: Validated<unknown>): void {
  readCache.set(f.abs, { schema, source: f.source, result });
}

/** readMarkdownFile without the cache. */
export function parseMarkdownFile<S extends z.ZodType>(schema: S, f: SourceFile): Validated<z.infer<S>> {
  const parsed = parseFrontMatter(f.file, f.source);
  if ("message" in parsed) return { ok: false, problems: [parsed] };
  const v = validate(schema, f.file, parsed.data);
  return v.ok ? { ok: true, data: v.data, body: parsed.body } : v;
}

export async function readYamlFile<S extends z.ZodType>(schema: S, abs: string, root: string): Promise<{ ok: true; data: z.infer<S> } | { ok: false; problems: Problem[] }> {
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
    return { ok: false, problems: [{ file, message: yamlErrorMessage(err) }] };
  }
  return validate(schema, file, data ?? {});
}
