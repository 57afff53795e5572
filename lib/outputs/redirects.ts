// Redirects from old addresses (a WordPress move, a renamed page), written for the host
// (the file is read and checked by lib/content/redirects.ts):
// - Netlify: `_site/_redirects` as written;
// - Cloudflare Pages: `_site/_redirects` without query-string lines (it cannot match them);
// - GitHub Pages, S3, other hosts: no redirect rules, so each plain old page address gets a
//   small page with a meta refresh and a visible link (never over a real page).
// Where a new address must lead: builtTarget (a finished build) and siteTarget (the model,
// for `npm run check`, which does not build).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { HostId } from "../schema/trust.ts";
import type { Route, Site } from "../model/model.ts";
import { ContentError } from "../content/problems.ts";
import { parseRedirects, redirectProblems, redirectsFileName, REDIRECTS_SOURCE, type TargetCheck } from "../content/redirects.ts";
import { publicFile } from "./assets.ts";

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
const GENERATED =
  /^\/(favicon\.svg|apple-touch-icon\.png|icon-\d+\.png|manifest\.webmanifest|assets\/social-card\.png|assets\/css\/site\.css|img\/[^/]+|pagefind\/.*|admin\/.*)$/;

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
export async function writeRedirects(
  contentDir: string,
  out: string,
  opts: { host: HostId; prefix: string; root?: string },
): Promise<{ rules: number; stubs: number }> {
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
    const lines = usable.map(
      (r) => `${r.from}${r.query ? `  ${r.query.split("&").join(" ")}` : ""}  ${target(r.to)}  ${r.status}${r.force ? "!" : ""}`,
    );
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
