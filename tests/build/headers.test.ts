import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseHtml } from "node-html-parser";
import { buildInto, read } from "../helpers.ts";
import { headersFor, ruleMatches, type HeaderRule } from "../../lib/model/policy.ts";
import { parseHeadersFile } from "../../lib/outputs/headers.ts";

let out = "";
let rules: HeaderRule[] = [];

before(async () => {
  const built = await buildInto();
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
  rules = parseHeadersFile(await read(out, "_headers"));
});

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(/;\s*/)
      .filter(Boolean)
      .map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]),
  );
const metaCsp = async (file: string) =>
  parseHtml(await read(out, file))
    .querySelector('meta[http-equiv="Content-Security-Policy"]')
    ?.getAttribute("content");

/** Every address the built site answers: each file, and each folder with an index.html as "/folder/". */
async function sitePaths(): Promise<string[]> {
  const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const paths = files.map((e) => "/" + path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
  return [...paths, ...paths.filter((p) => p.endsWith("/index.html")).map((p) => p.slice(0, -"index.html".length))].sort();
}

test("_headers ships the privacy headers for every path, and each page narrows the CSP to a strict policy of its own", async () => {
  const h = headersFor(rules, "/blog/sleep-and-teens/");
  const header = directives(h["Content-Security-Policy"]!);
  assert.deepEqual(header["frame-ancestors"], ["'none'"], "what a <meta> cannot say is in the header");
  assert.deepEqual(header["object-src"], ["'none'"]);
  assert.equal(h["Referrer-Policy"], "no-referrer");
  assert.equal(h["X-Content-Type-Options"], "nosniff");
  assert.match(h["Permissions-Policy"]!, /camera=\(\)/);
  assert.equal(h["X-Frame-Options"], "DENY");
  assert.equal(h["Cross-Origin-Opener-Policy"], "same-origin-allow-popups");
  assert.equal(h["X-Robots-Tag"], undefined);
  assert.equal(headersFor(rules, "/admin/")["X-Robots-Tag"], "noindex, nofollow");

  const page = directives((await metaCsp("blog/sleep-and-teens/index.html"))!);
  assert.deepEqual(page["script-src"], ["'self'"], "first-party scripts only, no unsafe-inline");
  assert.deepEqual(page["style-src"], ["'self'"]);
  assert.deepEqual(page["default-src"], ["'self'"]);
  assert.deepEqual(page["object-src"], ["'none'"]);
  assert.deepEqual(page["frame-ancestors"], undefined, "browsers ignore it in <meta>");
  assert.deepEqual(directives((await metaCsp("search/index.html"))!)["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives((await metaCsp("es/search/index.html"))!)["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives((await metaCsp("admin/index.html"))!)["script-src"], ["'self'", "'unsafe-eval'"]);
});

test("no two rules that match one path set the same header, for every path the site answers", async () => {
  const paths = await sitePaths();
  assert.ok(
    paths.includes("/search/") && paths.includes("/es/search/") && paths.includes("/admin/") && paths.includes("/"),
    "the paths include the special pages",
  );
  for (const p of [...paths, "/no-such-page/", "/search/?q=x"]) {
    const seen = new Map<string, string>();
    for (const r of rules.filter((r) => ruleMatches(r.path, p))) {
      for (const name of Object.keys(r.headers)) {
        const other = seen.get(name.toLowerCase());
        assert.equal(other, undefined, `${p}: ${name} is set by both ${other} and ${r.path}`);
        seen.set(name.toLowerCase(), r.path);
      }
    }
    assert.deepEqual(headersFor(rules, p, "join"), headersFor(rules, p, "replace"), p);
  }
});

test("every HTML page carries its own policy, and the header allows everything it allows (so the page's policy is the one that counts)", async () => {
  const html = (await sitePaths()).filter((p) => p.endsWith(".html"));
  assert.ok(html.length > 40, `${html.length} pages`);
  for (const file of html) {
    const meta = await metaCsp(file.slice(1));
    assert.ok(meta, `${file}: no <meta> Content-Security-Policy`);
    const header = directives(headersFor(rules, file.replace(/index\.html$/, ""))["Content-Security-Policy"]!);
    for (const [d, values] of Object.entries(directives(meta))) {
      // 'none' alone in the page: the header may allow more there, the page still allows nothing.
      if (values.length === 1 && values[0] === "'none'") continue;
      for (const v of values) assert.ok(header[d]?.includes(v), `${file}: ${d} ${v} is in the page's policy but not in the header`);
    }
  }
});
