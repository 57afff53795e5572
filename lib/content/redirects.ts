// The redirects file (content/_data/redirects.txt), in Netlify's `_redirects` format
// (`/old/  /new/  301`, `/  p=12  /blog/x/  301`): parsed and checked, each problem named
// with its line (content/_data/redirects.txt:12): a malformed line, an old address listed
// twice, a new address on this site that is no page or file of it, a new address on another
// site not marked `external`, a 200 (proxy/rewrite) rule, an old address that is a page of
// this site. `npm run check`, every build and the WordPress import use it; what each host
// gets is lib/outputs/redirects.ts.
import path from "node:path";
import type { Problem } from "./problems.ts";

export const REDIRECTS_SOURCE = "_data/redirects.txt";

export interface RedirectRule {
  from: string;
  /** Netlify query matching, e.g. "p=12". */
  query?: string;
  to: string;
  status: number;
  /** `301!`: applied even where a file exists (Netlify's "force"). */
  force?: boolean;
  /** The line ends with the word `external`: its new address is another site's, on purpose. */
  external?: boolean;
  line: number;
}

export interface RedirectProblem {
  line: number;
  message: string;
}

/**
 * Statuses allowed here, of those Netlify and Cloudflare Pages understand in `_redirects`.
 * 200 (a rewrite or proxy) is refused: see PROXY.
 */
const STATUSES = [301, 302, 303, 307, 308, 404, 410, 451];
/** The word that ends a line whose new address is on another site, on purpose. */
export const EXTERNAL = "external";
const PROXY =
  "a 200 rule is not allowed: it makes the host serve another server's page (or another address's) under this site's address, so parents would see someone else's content as the practice's; use 301 (moved for good) or 302 (moved for now), which send the visitor to the new address";
const FORMAT = `expected "/old/address/  /new/address/  301" (or "/  p=12  /new/address/  301" for an old ?p=12 address)`;

export function parseRedirects(text: string): { rules: RedirectRule[]; problems: RedirectProblem[] } {
  const rules: RedirectRule[] = [];
  const problems: RedirectProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const problem = (why: string) => problems.push({ line: i + 1, message: `${why}; ${FORMAT}, got ${JSON.stringify(line)}` });
    const refuse = (why: string) => problems.push({ line: i + 1, message: why });
    const parts = line.split(/\s+/);
    const external = parts.length > 1 && parts.at(-1)!.toLowerCase() === EXTERNAL;
    if (external) parts.pop();
    let status = 301;
    let force = false;
    const last = /^(\d{3})(!?)$/.exec(parts.at(-1)!);
    if (last) {
      parts.pop();
      status = Number.parseInt(last[1]!, 10);
      force = last[2] === "!";
      if (status === 200) return refuse(PROXY);
      if (!STATUSES.includes(status)) return problem(`the status ${status} is not one of ${STATUSES.join(", ")}`);
    }
    const [from, ...rest] = parts;
    const to = rest.pop();
    if (!from?.startsWith("/") || from.startsWith("//")) return problem(`the old address must be a path on this site, starting with "/"`);
    if (from.includes("?")) return problem(`an old address with a query is written with spaces: "/  p=12  /new/address/  301" for /?p=12`);
    if (!to) return problem("there is no new address");
    // A backslash after the first "/" is a second slash to a browser ("//host"): another site.
    const onSite = to.startsWith("/") && !/^\/[/\\]/.test(to);
    if (!onSite && !/^https?:\/\/[^\s/]+/.test(to)) return problem(`the new address must be a path on this site ("/blog/flu/") or a web address ("https://…")`);
    if (!rest.every((q) => /^[^=\s]+=\S+$/.test(q))) return problem(`between the addresses only query parameters such as p=12 may stand`);
    if (!onSite && !external) {
      return refuse(
        `the new address ${to} is on another site; a redirect to another site must be intended, so say so by ending the line with the word ${EXTERNAL}: ${JSON.stringify(`${line}  ${EXTERNAL}`)}`,
      );
    }
    if (onSite && external) return refuse(`the line ends with ${EXTERNAL}, but its new address ${to} is on this site; remove the word ${EXTERNAL}`);
    const query = rest.length ? rest.join("&") : undefined;
    rules.push({ from, query, to, status, ...(force ? { force } : {}), ...(external ? { external } : {}), line: i + 1 });
  });
  return { rules, problems };
}

/**
 * What exists at a site path: undefined when it does, or why not. The build asks its
 * output; `npm run check` the site model (see scripts/check.ts). `pages`: the addresses of
 * the site's pages ("/", "/about/"), which no redirect may start from.
 */
export interface TargetCheck {
  (sitePath: string): string | undefined;
  pages?: () => readonly string[];
}

/** Old addresses listed twice (only the first rule would ever apply) and new addresses that lead nowhere. */
export function checkRedirectRules(rules: readonly RedirectRule[], target?: TargetCheck): RedirectProblem[] {
  const problems: RedirectProblem[] = [];
  const seen = new Map<string, number>();
  for (const r of rules) {
    const key = `${r.from}?${(r.query ?? "").split("&").sort().join("&")}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const what = r.query ? `${r.from} with ${r.query.split("&").join(" ")}` : r.from;
      problems.push({ line: r.line, message: `the old address ${what} is already redirected on line ${first}; only the first rule is used, so remove one` });
      continue;
    }
    seen.set(key, r.line);
    const shadowed = r.query === undefined && target?.pages ? pagesCovered(r.from, target.pages()) : [];
    if (shadowed.length) {
      const what = /[*:]/.test(r.from)
        ? `covers ${shadowed.length === 1 ? "a page" : "pages"} of this site (${shadowed.slice(0, 2).join(", ")}${shadowed.length > 2 ? ` and ${shadowed.length - 2} more` : ""})`
        : "is a page of this site";
      problems.push({ line: r.line, message: `the old address ${r.from} ${what}: a redirect from it would take parents away from the page (some hosts apply redirects before pages), so remove the line or give the old address of a page that is gone` });
      continue;
    }
    if (!target || !r.to.startsWith("/") || r.external) continue;
    const sitePath = r.to.split(/[?#]/)[0]!;
    // Placeholders (/blog/:splat, /search/?q=:s) are filled in by the host.
    if (/[:*]/.test(sitePath)) continue;
    const why = target(sitePath);
    if (why) problems.push({ line: r.line, message: `the new address ${r.to} ${why}` });
  }
  return problems;
}

/**
 * The pages an old address (exact, or with a * or :placeholder) would catch. Hosts match
 * "/about" and "/about/index.html" to the page "/about/" too.
 */
export function pagesCovered(from: string, pages: readonly string[]): string[] {
  let decoded = from;
  try {
    decoded = decodeURIComponent(from);
  } catch {
    // matched as written
  }
  const pattern = (f: string) => new RegExp(`^${f.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/:[A-Za-z_]\w*/g, "[^/]+")}$`);
  const patterns = [...new Set([from, decoded])].map(pattern);
  return pages.filter((p) => {
    const forms = p.endsWith("/") ? [p, `${p}index.html`, ...(p === "/" ? [] : [p.slice(0, -1)])] : [p];
    return forms.some((f) => patterns.some((re) => re.test(f)));
  });
}

/** Every problem of a redirects file, as content problems naming the file and line. */
export function redirectProblems(text: string, file: string, target?: TargetCheck): Problem[] {
  const { rules, problems } = parseRedirects(text);
  return [...problems, ...checkRedirectRules(rules, target)]
    .sort((a, b) => a.line - b.line)
    .map((p) => ({ file: `${file}:${p.line}`, message: p.message }));
}

/** The source file's path for messages, relative to the project (content/_data/redirects.txt). */
export function redirectsFileName(contentDir: string, root = process.cwd()): string {
  return path.relative(root, path.join(contentDir, REDIRECTS_SOURCE)).split(path.sep).join("/");
}
