// Shared test helpers: real builds of real content into temporary folders.
import { mkdtemp, mkdir, writeFile, readFile, cp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type BuildRequest, type BuildResult } from "../lib/build.ts";

/** The product: lib/, layouts/, scripts/. */
export const ROOT = path.resolve(import.meta.dirname, "..");
/**
 * The demo practice the tests build: its own content/ and assets/, owned by the tests, so
 * they pass whatever a practice has made of the repository's content/ and assets/.
 */
export const DEMO = path.join(ROOT, "examples", "demo");
/**
 * The site the quality gates (tests/browser/gates.test.ts, tests/build/html-validity.test.ts)
 * check: the demo, or with VERIFY_ROOT the practice's own (`npm run verify`, the workflow).
 */
export const SITE_ROOT = process.env.VERIFY_ROOT ? path.resolve(process.env.VERIFY_ROOT) : DEMO;

/** A content folder holding the demo practice.yaml and providers plus the given files. */
export async function makeContent(files: Record<string, string>, opts: { withDemo?: boolean } = {}): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "pp-content-")), "content");
  await mkdir(path.join(dir, "_data"), { recursive: true });
  await cp(path.join(DEMO, "content/_data/practice.yaml"), path.join(dir, "_data/practice.yaml"));
  if (opts.withDemo) await cp(path.join(DEMO, "content"), dir, { recursive: true });
  else await cp(path.join(DEMO, "content/providers"), path.join(dir, "providers"), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

export async function buildInto(req: BuildRequest = {}): Promise<{ out: string; result: BuildResult }> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-out-")), "_site");
  const result = await build({ root: DEMO, out, ...req });
  return { out, result };
}

export async function read(out: string, file: string): Promise<string> {
  return readFile(path.join(out, file), "utf8");
}

export async function htmlFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true });
  // admin/ is the staff editor (Decap CMS), not a parent page: tests/browser/admin.test.ts covers it.
  return entries.map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith(".html") && !f.startsWith("admin/")).sort();
}

export function post(front: Record<string, unknown>, body = "Some text for the post body."): string {
  const yaml = Object.entries(front)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v)}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}\n`;
}

export interface BuiltSite {
  out: string;
  server: import("../lib/tools/static-server.ts").StaticServer;
  browser: import("playwright-core").Browser;
  close(): Promise<void>;
}

/** A real production build, served with its own _headers, and Debian's Chromium. */
export async function serveBuiltSite(req: BuildRequest = {}): Promise<BuiltSite> {
  const { serveStatic } = await import("../lib/tools/static-server.ts");
  const { launchBrowser } = await import("../lib/tools/browser.ts");
  const { out, result } = await buildInto(req);
  if (!result.ok) throw new Error(`build failed: ${result.error}`);
  const server = await serveStatic(out);
  const browser = await launchBrowser();
  return { out, server, browser, close: async () => void (await Promise.all([browser.close(), server.close()])) };
}

/** Records the Content-Security-Policy violations each page reports, as a host's report endpoint would. */
export async function recordCspViolations(context: import("playwright-core").BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
  });
}

/** The violations a page recorded since it loaded (see recordCspViolations). */
export function cspViolations(page: import("playwright-core").Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
