// Redirects from old addresses (a WordPress move, a renamed page): content/_data/redirects.txt
// in Netlify's `_redirects` format (`/old/  /new/  301`, `/  p=12  /blog/x/  301`), which
// every build turns into what the host understands:
// - Netlify: `_site/_redirects` as written;
// - Cloudflare Pages: `_site/_redirects` without query-string lines (it cannot match them);
// - GitHub Pages, S3, other hosts: no redirect rules, so each plain old page address gets a
//   small page with a meta refresh and a visible link (never over a real page).
// The file is checked by `npm run check` and by every build, each problem named with its
// line (content/_data/redirects.txt:12): a malformed line, an old address listed twice, a
// new address on this site that is no page or file of it, a new address on another site not
// marked `external`, a 200 (proxy/rewrite) rule, an old address that is a page of this site.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { HostId } from "../schema/trust.ts";
import type { Route, Site } from "../model/model.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { publicFile } from "./assets.ts";

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

/** A built site's answer: a file, or a folder with an index.html. */
export function builtTarget(out: string): TargetCheck {
  let pages: string[] | undefined;
  const check: TargetCheck = (sitePath) => {
    let rel: string;
    try {
      rel = decodeURIComponent(sitePath);
    } catch {
      return "is not a valid address";
    }
    if (rel.includes("..")) return "is not a valid address";
    const abs = path.join(out, rel);
    const page = existsSync(path.join(abs, "index.html"));
    const file = !rel.endsWith("/") && existsSync(abs) && statSync(abs).isFile();
    return page || file ? undefined : "is no page or file of this site";
  };
  // Each folder with an index.html, except the small pages written for redirects on hosts without them.
  check.pages = () =>
    (pages ??= readdirSync(out, { recursive: true, encoding: "utf8" })
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => (f === "index.html" || f.endsWith("/index.html")) && !isRedirectStub(path.join(out, f)))
      .map((f) => `/${f.slice(0, -"index.html".length)}`)
      .sort());
  return check;
}

function isRedirectStub(file: string): boolean {
  return statSync(file).size < 4096 && readFileSync(file, "utf8").includes(STUB_MARK);
}

/** Files every build makes besides the routes (icons, the stylesheet, encoded images, search index, staff editor). */
const GENERATED = /^\/(favicon\.svg|apple-touch-icon\.png|icon-\d+\.png|manifest\.webmanifest|assets\/social-card\.png|assets\/css\/site\.css|img\/[^/]+|pagefind\/.*|admin\/.*)$/;

/**
 * The site model's answer, for `npm run check` (which does not build): a route, a file under
 * assets/ or content/uploads/, or one of the files every build makes. A draft or scheduled
 * post or page counts as missing: the published site does not have it.
 */
export function siteTarget(site: Pick<Site, "routes">, dirs: { root: string; contentDir: string }): TargetCheck {
  const routes = new Map<string, Route>(site.routes.map((r) => [r.url, r]));
  const isFile = (abs: string) => existsSync(abs) && statSync(abs).isFile();
  const check: TargetCheck = (sitePath) => {
    let p: string;
    try {
      p = decodeURIComponent(sitePath);
    } catch {
      return "is not a valid address";
    }
    if (p.includes("..")) return "is not a valid address";
    const route = routes.get(p) ?? routes.get(p.replace(/index\.html$/, "")) ?? (p.endsWith("/") ? undefined : routes.get(`${p}/`));
    if (route) {
      const item = route.kind === "post" ? route.post : route.kind === "page" ? route.page : undefined;
      if (!item || item.status === "published") return undefined;
      return `is ${item.status === "draft" ? "a draft" : "scheduled"} (${item.file}): it is not published, so the redirect would lead nowhere`;
    }
    if (p.startsWith("/assets/") && (isFile(path.join(dirs.root, p)) || isFile(publicFile(p)))) return undefined;
    if (p.startsWith("/uploads/") && isFile(path.join(dirs.contentDir, p))) return undefined;
    if (GENERATED.test(p)) return undefined;
    return "is no page or file of this site";
  };
  // The published pages (what the build will write) and the staff editor.
  check.pages = () => [
    ...site.routes
      .filter((r) => r.url.endsWith("/"))
      .filter((r) => (r.kind === "post" ? r.post.status === "published" : r.kind === "page" ? r.page.status === "published" : true))
      .map((r) => r.url),
    "/admin/",
  ];
  return check;
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

/** Marks the small pages written for redirects (builtTarget does not count them as pages). */
const STUB_MARK = `<meta name="generator" content="Practice Press redirect">`;

function stubPage(to: string): string {
  const href = to.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  // Written only for hosts that ignore _headers: the page carries its own (empty) policy and
  // keeps the old address from being sent on.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
${STUB_MARK}
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

/**
 * Writes the redirects for this host into a finished build (`out`). No source file: nothing
 * to do. A problem in the file (see redirectProblems) stops the build with a ContentError.
 */
export async function writeRedirects(contentDir: string, out: string, opts: { host: HostId; prefix: string; root?: string }): Promise<{ rules: number; stubs: number }> {
  let text: string;
  try {
    text = await readFile(path.join(contentDir, REDIRECTS_SOURCE), "utf8");
  } catch {
    return { rules: 0, stubs: 0 };
  }
  const problems = redirectProblems(text, redirectsFileName(contentDir, opts.root), builtTarget(out));
  if (problems.length) throw new ContentError(problems);
  const { rules } = parseRedirects(text);
  const target = (to: string) => (to.startsWith("/") ? `${opts.prefix}${to}` : to);
  if (opts.host === "netlify" || opts.host === "cloudflare-pages") {
    const usable = rules.filter((r) => opts.host === "netlify" || r.query === undefined);
    const lines = usable.map((r) => `${r.from}${r.query ? `  ${r.query.split("&").join(" ")}` : ""}  ${target(r.to)}  ${r.status}${r.force ? "!" : ""}`);
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
