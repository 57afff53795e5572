// Page-weight budgets (gzip bytes a first visit transfers, images and video excluded):
// key pages fit in one TCP initial window (14 KB); on posts, everything but the article
// body and comments stays under 10 KB. Deterministic, so asserted; `npm run bench` prints them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { buildInto } from "../helpers.ts";
import { BUDGETS, JS_BUDGET, pageWeight as weigh } from "../support/page-weight.ts";

const pageWeight = (html: string, strip: readonly string[] = []) => weigh(out, html, [...strip]);

let out = "";
before(async () => {
  const built = await buildInto({ sourceDateEpoch: Date.parse("2026-11-25T18:00:00Z") / 1000 });
  assert.ok(built.result.ok);
  out = built.out;
});

for (const budget of BUDGETS) {
  test(`${budget.name} page: at most ${budget.total / 1024} KB gzipped (HTML + CSS + JS), JS at most ${JS_BUDGET / 1024} KB`, () => {
    const w = pageWeight(readFileSync(path.join(out, budget.file), "utf8"), budget.strip);
    assert.ok(w.total <= budget.total, `${budget.file}: ${JSON.stringify(w)}`);
    assert.ok(w.js <= JS_BUDGET, `${budget.file}: JS ${w.js} bytes`);
  });
}

test("pages without dated content, video or sharing load no script at all", () => {
  const html = readFileSync(path.join(out, "faq/index.html"), "utf8");
  // An active alert needs live.js to hide it when it ends; the FAQ has nothing else.
  const scripts = parse(html)
    .querySelectorAll("script[src]")
    .map((s) => s.getAttribute("src"));
  assert.deepEqual(scripts, ["/assets/js/live.js"]);
});
