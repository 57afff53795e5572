import { test } from "node:test";
import assert from "node:assert/strict";
import { buildInto, read } from "../helpers.ts";
import { headersFor, parseHeadersFile } from "../../lib/headers.ts";

test("_headers ships a strict CSP and the privacy headers for every path", async () => {
  const { out, result } = await buildInto();
  assert.ok(result.ok);
  const rules = parseHeadersFile(await read(out, "_headers"));
  const h = headersFor(rules, "/blog/sleep-and-teens/");
  const csp = Object.fromEntries(h["Content-Security-Policy"]!.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
  assert.deepEqual(csp["script-src"], ["'self'"], "first-party scripts only, no unsafe-inline");
  assert.deepEqual(csp["style-src"], ["'self'"]);
  assert.deepEqual(csp["default-src"], ["'self'"]);
  assert.deepEqual(csp["frame-ancestors"], ["'none'"]);
  assert.deepEqual(csp["object-src"], ["'none'"]);
  assert.equal(h["Referrer-Policy"], "no-referrer");
  assert.equal(h["X-Content-Type-Options"], "nosniff");
  assert.match(h["Permissions-Policy"]!, /camera=\(\)/);
  assert.equal(h["X-Frame-Options"], "DENY");
});
