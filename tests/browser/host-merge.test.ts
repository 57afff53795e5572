// The same build served two ways: as a host that REPLACES a header set by several matching
// `_headers` rules (the later rule wins) and as one that JOINS their values with ", " (Cloudflare
// Pages). Both must give every page the same working policy: search runs Pagefind's
// WebAssembly, the staff editor (Decap CMS) starts, and every page gets the same headers from
// both (tests/browser/gates.test.ts loads every page, served the joining way).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import type { HeaderMerge } from "../../lib/model/policy.ts";
import { parseHeadersFile } from "../../lib/outputs/headers.ts";
import { buildInto, cspViolations, htmlFiles, read, recordCspViolations } from "../helpers.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z") / 1000;
const MODES: readonly HeaderMerge[] = ["replace", "join"];
let out = "";
let browser: Browser;
const servers = new Map<HeaderMerge, StaticServer>();

before(async () => {
  // A GitHub backend, so the editor shows its sign-in without any server behind it.
  const saved = { CMS_BACKEND: process.env.CMS_BACKEND, CMS_REPO: process.env.CMS_REPO };
  process.env.CMS_BACKEND = "github";
  process.env.CMS_REPO = "juniper-hill/site";
  const built = await buildInto({ sourceDateEpoch: NOW });
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
  for (const merge of MODES) servers.set(merge, await serveStatic(out, { merge }));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of servers.values()) await s.close();
});

/** The header a host would send: each matching rule's value, the last one or all of them joined. */
async function expectedHeader(sitePath: string, name: string, merge: HeaderMerge): Promise<string | undefined> {
  const values = parseHeadersFile(await read(out, "_headers"))
    .filter((r) => (r.path.endsWith("*") ? sitePath.startsWith(r.path.slice(0, -1)) : sitePath === r.path))
    .map((r) => r.headers[name])
    .filter((v) => v !== undefined);
  return values.length ? (merge === "join" ? values.join(", ") : values.at(-1)) : undefined;
}

async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await recordCspViolations(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => /Content.Security.Policy/i.test(m.text()) && problems.push(`console: ${m.text()}`));
  return { page, problems };
}

test("the test server serves overlapping rules both ways", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-merge-"));
  await writeFile(path.join(dir, "_headers"), "/*\n  X-Test: a\n\n/x/*\n  X-Test: b\n");
  await writeFile(path.join(dir, "404.html"), "missing");
  for (const [merge, value] of [
    ["replace", "b"],
    ["join", "a, b"],
  ] as const) {
    const s = await serveStatic(dir, { merge });
    try {
      assert.equal((await fetch(`${s.url}/x/y`)).headers.get("x-test"), value, merge);
      assert.equal((await fetch(`${s.url}/z`)).headers.get("x-test"), "a", merge);
    } finally {
      await s.close();
    }
  }
});

// Each test runs under both modes: a host that joins values must not break what one that replaces keeps working.
test("the search page and the editor get the headers each kind of host would send, one policy each", async () => {
  for (const merge of MODES) {
    const server = servers.get(merge)!;
    for (const sitePath of ["/search/", "/es/search/", "/admin/", "/"]) {
      const res = await fetch(server.url + sitePath);
      assert.equal(res.status, 200, sitePath);
      for (const name of ["Content-Security-Policy", "Cross-Origin-Opener-Policy"]) {
        assert.equal(res.headers.get(name) ?? undefined, await expectedHeader(sitePath, name, merge), `${sitePath} ${name}`);
      }
      assert.doesNotMatch(res.headers.get("content-security-policy")!, /, /, `${merge} ${sitePath}: one policy, not several joined`);
    }
  }
});

test("a search finds posts with Pagefind's WebAssembly and no CSP violation, under both modes", async () => {
  for (const merge of MODES) {
    const server = servers.get(merge)!;
    const { page, problems } = await watchedPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(server.url + "/search/?q=fever");
    await page.waitForSelector(".search-result a", { timeout: 15000 });
    const links = await page.evaluate(() =>
      [...document.querySelectorAll(".search-result__title a")].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    assert.ok(links.includes("/blog/fever-when-to-call/"), `${merge}: ${links.join(" ")}`);
    assert.ok(
      requests.some((r) => r.includes("/pagefind/wasm.")),
      `${merge}: Pagefind's WebAssembly ran`,
    );
    assert.deepEqual([...problems, ...(await cspViolations(page))], [], merge);
    await page.context().close();
  }
});

test("the staff editor (Decap CMS) starts with no CSP violation, under both modes", async () => {
  for (const merge of MODES) {
    const server = servers.get(merge)!;
    const { page, problems } = await watchedPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + "/admin/");
    await page.getByRole("button", { name: /login with github/i }).waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => typeof (window as unknown as { CMS?: unknown }).CMS), "object", `${merge}: Decap's bundle ran`);
    assert.deepEqual([...problems, ...(await cspViolations(page)), ...errors.map((e) => `script error: ${e}`)], [], merge);
    await page.context().close();
  }
});

/** The response's headers, without the ones that change from one request to the next. */
async function headersOf(url: string): Promise<string> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return JSON.stringify([res.status, [...res.headers].filter(([name]) => !["date", "connection", "keep-alive"].includes(name))]);
}

// Chromium loads every page with no CSP violation in tests/browser/gates.test.ts, served the
// joining way; the build tier checks that every page carries its own <meta> policy and that
// no two rules set one header (tests/build/headers.test.ts). What only a real server shows is
// here: both kinds of host send every page the same status and headers. A page served the
// same way, with the same bytes, behaves the same in Chromium, so loading every page again
// under each host would check nothing new.
test("both kinds of host send every page of the demo the same status and headers", async () => {
  const files = await htmlFiles(out);
  assert.ok(files.length > 40, `${files.length} pages`);
  const differ: string[] = [];
  for (const file of files) {
    const sitePath = "/" + file.replace(/index\.html$/, "");
    const [replaced, joined] = await Promise.all(MODES.map((m) => headersOf(servers.get(m)!.url + sitePath)));
    if (replaced !== joined) differ.push(`${sitePath}: ${replaced} (replace) / ${joined} (join)`);
  }
  assert.deepEqual(differ, []);
});
