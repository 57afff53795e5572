// Real mistakes staff make, each with the exact message they get (or the fix made without
// one): the table is tests/support/mistakes.ts, which also writes docs/staff/messages.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseMarkdownFile } from "../../lib/content/read.ts";
import { fileWarnings } from "../../lib/content/warnings.ts";
import { formatProblem } from "../../lib/content/problems.ts";
import { postSchema } from "../../lib/schema/content.ts";
import { FILE, MISTAKES, messagesPage, sourceOf, type Mistake } from "../support/mistakes.ts";
import { ROOT } from "../helpers.ts";

// A content folder per locale: dates are read in the order of the practice.yaml beside it.
const dirs = mkdtempSync(path.join(tmpdir(), "pp-mistakes-"));
mkdirSync(path.join(dirs, "gb/_data"), { recursive: true });
writeFileSync(path.join(dirs, "gb/_data/practice.yaml"), "language: en\nlocations:\n  - address: { country: GB }\n");

function read(m: Mistake) {
  const abs = path.join(dirs, m.locale === "en-GB" ? "gb" : "us", "blog/flu.md");
  const f = { abs, file: FILE, name: "flu.md", source: sourceOf(m) };
  return { result: parseMarkdownFile(postSchema, f), warnings: fileWarnings(postSchema, f).map(formatProblem) };
}

test("the table holds at least 30 real mistakes, each with one expectation", () => {
  assert.ok(MISTAKES.length >= 30, `${MISTAKES.length}`);
  assert.equal(new Set(MISTAKES.map((m) => m.title)).size, MISTAKES.length, "titles are unique");
  for (const m of MISTAKES) assert.ok(m.problems || m.warnings || m.fixed, m.title);
});

for (const m of MISTAKES) {
  test(`mistake: ${m.title}`, () => {
    const { result, warnings } = read(m);
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), m.problems ?? [], "one mistake, one message, exactly this one");
    assert.deepEqual(warnings, m.warnings ?? []);
    if (m.fixed) {
      assert.ok(result.ok);
      if (m.fixed.data) assert.deepEqual(result.data, m.fixed.data);
      if (m.fixed.body) assert.equal(result.body, m.fixed.body);
    }
  });
}

test("docs/staff/messages.md shows exactly the messages of this table", () => {
  const file = path.join(ROOT, "docs/staff/messages.md");
  const page = messagesPage(MISTAKES);
  if (process.env.UPDATE_DOCS) writeFileSync(file, page);
  assert.equal(readFileSync(file, "utf8"), page, "run UPDATE_DOCS=1 node --import tsx --test tests/unit/mistakes.test.ts");
});
