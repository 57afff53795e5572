// Redirects from old addresses (a WordPress move, a renamed page): content/_data/redirects.txt
// in Netlify's `_redirects` format (`/old/  /new/  301`, `/  p=12  /blog/x/  301`), which
// every build turns into what the host understands:
// - Netlify: `_site/_redirects` as written;
// - Cloudflare Pages: `_site/_redirects` without query-string lines (it cannot match them);
// - GitHub Pages, S3, other hosts: no redirect rules, so each plain old page address gets a
//   small page with a meta refresh and a visible link (never over a real page).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { HostId } from "./schema/trust.ts";

export const REDIRECTS_SOURCE = "_data/redirects.txt";

export interface RedirectRule {
  from: string;
  /** Netlify query matching, e.g. "p=12". */
  query?: string;
  to: string;
  status: number;
  line: number;
}

export function parseRedirects(text: string): { rules: RedirectRule[]; problems: string[] } {
  const rules: RedirectRule[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const parts = line.split(/\s+/);
    const status = /^\d{3}!?$/.test(parts.at(-1)!) ? Number.parseInt(parts.pop()!, 10) : 301;
    const [from, ...rest] = parts;
    const to = rest.pop();
    const query = rest.length ? rest.join("&") : undefined;
    if (!from?.startsWith("/") || !to || (!to.startsWith("/") && !/^https?:\/\//.test(to)) || (query !== undefined && !rest.every((q) => q.includes("=")))) {
      problems.push(`line ${i + 1}: expected "/old/address/  /new/address/  301", got ${JSON.stringify(line)}`);
      return;
    }
    rules.push({ from, query, to, status, line: i + 1 });
  });
  return { rules, problems };
}

function stubPage(to: string): string {
  const href = to.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${href}">
<link rel="canonical" href="${href}">
<title>This page has moved</title>
</head>
<body>
<main>
<h1>This page has moved</h1>
<p><a href="${href}">Go to its new address</a>.</p>
</main>
</body>
</html>
`;
}

/** Writes the redirects for this host into a finished build (`out`). No source file: nothing to do. */
export async function writeRedirects(contentDir: string, out: string, opts: { host: HostId; prefix: string }): Promise<{ rules: number; stubs: number }> {
  let text: string;
  try {
    text = await readFile(path.join(contentDir, REDIRECTS_SOURCE), "utf8");
  } catch {
    return { rules: 0, stubs: 0 };
  }
  const { rules, problems } = parseRedirects(text);
  if (problems.length) throw new Error(`content/${REDIRECTS_SOURCE}: ${problems.join("; ")}`);
  const target = (to: string) => (to.startsWith("/") ? `${opts.prefix}${to}` : to);
  if (opts.host === "netlify" || opts.host === "cloudflare-pages") {
    const usable = rules.filter((r) => opts.host === "netlify" || r.query === undefined);
    const lines = usable.map((r) => `${r.from}${r.query ? `  ${r.query.split("&").join(" ")}` : ""}  ${target(r.to)}  ${r.status}`);
    await writeFile(path.join(out, "_redirects"), `${lines.join("\n")}\n`);
    return { rules: usable.length, stubs: 0 };
  }
  let stubs = 0;
  for (const r of rules) {
    if (r.query !== undefined || /[*:]/.test(r.from) || /\.[a-z0-9]{1,5}$/i.test(r.from) || r.to.includes(":s")) continue;
    let rel: string;
    try {
      rel = decodeURIComponent(r.from);
    } catch {
      continue;
    }
    if (rel.includes("..")) continue;
    const file = path.join(out, rel, "index.html");
    if (existsSync(file)) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, stubPage(target(r.to)));
    stubs++;
  }
  return { rules: 0, stubs };
}
