// Shared test helpers: real builds of real content into temporary folders.
import { mkdtemp, mkdir, writeFile, readFile, cp, readdir, rm } from "node:fs/promises";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type BuildRequest, type BuildResult } from "../lib/build/build.ts";
import type { HeaderMerge } from "../lib/model/policy.ts";

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
  const shared = sharedBuildDir(req);
  if (shared) return sharedBuild(shared, req);
  const out = path.join(await mkdtemp(path.join(tmpdir(), "pp-out-")), "_site");
  const result = await build({ root: DEMO, out, ...req });
  return { out, result };
}

/**
 * `npm test` builds each project as-is (the demo, or the practice's own site under
 * `npm run verify`) once per run for each clock, prefix and mode, and the test files that
 * only read that build share it: PP_TEST_RUN names the run's folder (scripts/test.sh).
 * A build of other content, or a test file run on its own, builds afresh.
 */
function sharedBuildDir(req: BuildRequest): string | undefined {
  const run = process.env.PP_TEST_RUN;
  const onlyReads = Object.keys(req).every((k) => ["root", "sourceDateEpoch", "prefix", "mode"].includes(k));
  if (!run || !onlyReads) return undefined;
  // The editor's backend comes from the environment (lib/cms/admin.ts): a file that sets it gets its own build.
  const cms = ["CMS_BACKEND", "CMS_REPO", "CMS_BRANCH", "CMS_AUTH_URL", "CMS_LOCAL_BACKEND", "GITHUB_REPOSITORY"].map(
    (k) => process.env[k] ?? null,
  );
  const key = JSON.stringify([
    path.resolve(req.root ?? DEMO),
    req.sourceDateEpoch ?? null,
    req.prefix ?? "",
    req.mode ?? "production",
    cms,
  ]);
  return path.join(run, `site-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`);
}

async function sharedBuild(dir: string, req: BuildRequest): Promise<{ out: string; result: BuildResult }> {
  const out = path.join(dir, "_site");
  const done = path.join(dir, "result.json");
  // mkdir is atomic: one test process builds, the others wait for its result.
  const mine = await mkdir(dir, { recursive: false }).then(
    () => true,
    () => false,
  );
  if (mine) {
    try {
      const result = await build({ root: DEMO, out, ...req });
      await writeFile(done, JSON.stringify(result));
      return { out, result };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }
  for (let waited = 0; ; waited += 200) {
    const text = await readFile(done, "utf8").catch(() => undefined);
    if (text) return { out, result: JSON.parse(text) as BuildResult };
    if (waited > 300_000) throw new Error(`the shared build in ${dir} did not finish in 5 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function read(out: string, file: string): Promise<string> {
  return readFile(path.join(out, file), "utf8");
}

export async function htmlFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true });
  // admin/ is the staff editor (Decap CMS), not a parent page: tests/browser/admin.test.ts covers it.
  return entries
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".html") && !f.startsWith("admin/"))
    .sort();
}

export function post(front: Record<string, unknown>, body = "Some text for the post body."): string {
  const yaml = Object.entries(front)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v)}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}\n`;
}

export interface BuiltSite {
  out: string;
  server: import("./support/static-server.ts").StaticServer;
  browser: import("playwright-core").Browser;
  close(): Promise<void>;
}

/**
 * A real production build, served with its own _headers, and Debian's Chromium. `merge`: how
 * the server treats a header that several rules set (tests/support/static-server.ts).
 */
export async function serveBuiltSite(req: BuildRequest = {}, serve: { merge?: HeaderMerge } = {}): Promise<BuiltSite> {
  const { serveStatic } = await import("./support/static-server.ts");
  const { launchBrowser } = await import("./support/browser.ts");
  const { out, result } = await buildInto(req);
  if (!result.ok) throw new Error(`build failed: ${result.error}`);
  const server = await serveStatic(out, serve);
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

/** `npm run check` on the demo project (or a content folder beside it), as a process: its exit code and output. */
export async function runCheck(
  contentDir = "",
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  try {
    const r = await promisify(execFile)(process.execPath, ["scripts/run.mjs", "check"], {
      cwd: ROOT,
      env: { ...process.env, PRACTICE_ROOT: DEMO, PRACTICE_CONTENT: contentDir, ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
