// Front matter is read as plain YAML data: the core schema keeps `2024-02-30` a string
// (YAML 1.1 timestamp parsing would silently turn it into 1 March), and dates are
// validated and placed in the practice's zone by the schema and the loader.
import matter from "gray-matter";
import YAML from "yaml";
import type { Problem } from "./problems.ts";

export function parseYaml(source: string): unknown {
  return YAML.parse(source, { schema: "core", prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
}

export interface Parsed {
  data: Record<string, unknown>;
  body: string;
}

export function yamlErrorMessage(err: unknown): string {
  const e = err as { name?: string; linePos?: [{ line: number; col: number }]; code?: string; message?: string };
  const first = (e.message ?? String(err)).split("\n")[0] ?? "";
  const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : "";
  return `malformed YAML${where}: ${first.replace(/ at line \d+, column \d+:?$/, "")}`;
}

export function parseFrontMatter(file: string, source: string): Parsed | Problem {
  try {
    const result = matter(source, { engines: { yaml: (s: string) => parseYaml(s) as object } });
    const data = result.data ?? {};
    if (typeof data !== "object" || Array.isArray(data)) return { file, message: "front matter must be a set of fields (key: value)" };
    return { data: data as Record<string, unknown>, body: result.content };
  } catch (err) {
    return { file, message: yamlErrorMessage(err) };
  }
}
