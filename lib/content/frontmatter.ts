// Front matter is read as plain YAML data: the core schema keeps `2024-02-30` a string
// (YAML 1.1 timestamp parsing would silently turn it into 1 March), and dates are
// validated and placed in the practice's zone by the schema and the loader.
//
// Two parsers, one meaning: js-yaml reads every file (it is several times faster, which
// matters with thousands of posts), and when it refuses one, `yaml` reads it again for
// its clearer message with line and column. Both use the YAML 1.2 core schema and both
// reject duplicate keys.
import matter from "gray-matter";
import jsYaml from "js-yaml";
import YAML from "yaml";
import type { Problem } from "./problems.ts";

export function parseYaml(source: string): unknown {
  try {
    return jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
  } catch (fast) {
    YAML.parse(source, { schema: "core", prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
    // `yaml` accepted what js-yaml refused: report js-yaml's reason.
    throw fast;
  }
}

export interface Parsed {
  data: Record<string, unknown>;
  body: string;
}

export function yamlErrorMessage(err: unknown): string {
  const e = err as { linePos?: [{ line: number; col: number }]; mark?: { line: number; column: number }; reason?: string; message?: string };
  const pos = e.linePos?.[0] ?? (e.mark ? { line: e.mark.line + 1, col: e.mark.column + 1 } : undefined);
  const first = (e.reason ?? e.message ?? String(err)).split("\n")[0] ?? "";
  const where = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
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
