// Warnings: what is probably not what staff meant but does not stop the build (a line
// shown as a code box, a title cut at " #"). `npm run check` lists them after the
// problems; each names the file and line like a problem does.
import path from "node:path";
import { parseFrontMatter } from "./frontmatter.ts";
import { pasteWarnings } from "./paste.ts";
import { checkStructure } from "./structure.ts";
import { listMarkdown, type SourceFile } from "./read.ts";
import { FOLDERS } from "./paths.ts";
import { SCHEMAS } from "./parallel.ts";
import { fieldsOf } from "../schema/introspect.ts";
import type { Problem } from "./problems.ts";
import type { z } from "zod";

/** The warnings for one file's text; none when it cannot be read (that is a problem, reported elsewhere). */
export function fileWarnings(schema: z.ZodType, f: Pick<SourceFile, "file" | "source">): Problem[] {
  const parsed = parseFrontMatter(f.file, f.source, Object.keys(fieldsOf(schema)));
  if ("message" in parsed) return [];
  const body = pasteWarnings(parsed.body, parsed.bodyLine).map((w) => ({ file: f.file, line: w.line, field: "body", message: w.message }));
  return [...checkStructure(schema, f.file, parsed).warnings, ...body];
}

/** Every warning in a content folder's Markdown files, file by file. */
export async function contentWarnings(contentDir: string, root: string): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const [kind, folder] of Object.entries(FOLDERS) as [keyof typeof SCHEMAS, string][]) {
    const files = await listMarkdown(path.join(contentDir, folder), root, []);
    for (const f of files) out.push(...fileWarnings(SCHEMAS[kind], f));
  }
  return out;
}
