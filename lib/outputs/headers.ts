// The `_headers` file (Netlify, Cloudflare Pages): the security policy of lib/model/policy.ts
// written out, and read back by the test server, so what is tested is what is deployed.
import type { HeaderRule } from "../model/policy.ts";

export function headersFile(rules: readonly HeaderRule[], prefix = ""): string {
  return rules.map((r) => [prefix + r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n")).join("\n\n") + "\n";
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const i = line.indexOf(":");
      const rule = rules.at(-1);
      if (rule && i > 0) rule.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}
