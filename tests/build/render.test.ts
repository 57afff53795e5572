// The synchronous renderer (layouts/render.ts) must write exactly what the JSX
// runtime's own async renderer writes, on every route of the demo site in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { jsxToString } from "jsx-async-runtime";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { view } from "../../lib/build/routes.ts";
import { renderToString } from "../../layouts/render.ts";
import { DEMO } from "../helpers.ts";

test("the synchronous renderer matches jsx-async-runtime on every demo route", async () => {
  const site = await loadSite({ root: DEMO, mode: "preview", clock: fixedClock("2026-11-20T15:00:00Z") });
  let compared = 0;
  for (const route of site.routes) {
    const out = view(site, route);
    if (typeof out === "string") continue;
    const expected = await jsxToString.call({}, out);
    assert.equal(renderToString(out), expected, `route ${route.url} renders differently`);
    compared++;
  }
  assert.ok(compared > 50, `expected many JSX routes, compared ${compared}`);
});

test("the synchronous renderer escapes text and attributes, and refuses async components", () => {
  const el = {
    type: "tag",
    tag: "a",
    props: { href: 'x" onclick="y', title: "<b>", hidden: true, "data-x": false, children: [{ type: "textNode", text: "<script>&" }] },
  };
  assert.equal(renderToString(el), '<a href="x&quot; onclick=&quot;y" title="&lt;b&gt;" hidden>&lt;script&gt;&amp;</a>');
  const asyncComponent = { type: "tag", tag: () => Promise.resolve("x"), props: {} };
  assert.throws(() => renderToString(asyncComponent), /synchronously/);
});
