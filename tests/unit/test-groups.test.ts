// npm test runs several test files in one process (scripts/test-groups.mjs). What makes that
// safe is node:test's: a file's top-level hooks belong to its own suite, and a file that
// fails to load, or a test that fails, fails the run. Checked here on this Node.js, with the
// group files the runner writes, so an upgrade that changed it would be caught.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { groupFiles, groupSource } from "../../scripts/test-groups.mjs";
import { ROOT } from "../helpers.ts";

const FIXTURES = "tests/fixtures/test-groups";

const unit = Array.from({ length: 30 }, (_, i) => `tests/unit/u${i}.test.ts`);
const build = Array.from({ length: 10 }, (_, i) => `tests/build/b${i}.test.ts`);
const browser = ["tests/browser/design.test.ts", "tests/browser/gates.test.ts", "tests/browser/smoke.test.ts"];

test("browser files first, two to a process; build files eight to one, dealt round-robin; the unit tier in one", () => {
  const groups = groupFiles([...unit, ...build, ...browser]);
  assert.deepEqual(
    groups.map((g) => g.name),
    ["browser-1-of-2", "browser-gates", "build-1-of-2", "build-2-of-2", "unit"],
  );
  assert.deepEqual(groups[0]?.files, ["tests/browser/design.test.ts", "tests/browser/smoke.test.ts"]);
  assert.deepEqual(groups[2]?.files, [
    "tests/build/b0.test.ts",
    "tests/build/b2.test.ts",
    "tests/build/b4.test.ts",
    "tests/build/b6.test.ts",
    "tests/build/b8.test.ts",
  ]);
  assert.equal(groups.at(-1)?.files.length, 30);
  // Every file exactly once.
  assert.deepEqual(groups.flatMap((g) => g.files).sort(), [...unit, ...build, ...browser].sort());
});

test("a size of 1 (PP_TEST_GROUP_SIZE=1) gives every file a process of its own", () => {
  const groups = groupFiles([...build.slice(0, 3), ...unit.slice(0, 2)], { size: 1 });
  assert.deepEqual(
    groups.map((g) => g.files),
    [...build.slice(0, 3), ...unit.slice(0, 2)].map((f) => [f]),
  );
});

async function runGroup(files: string[]): Promise<{ code: number; out: string }> {
  const group = path.join(await mkdtemp(path.join(tmpdir(), "pp-groups-")), "group.test.mjs");
  await writeFile(group, groupSource(files, ROOT));
  try {
    // Without NODE_TEST_CONTEXT, which the runner sets for this file: the child is a run of its own.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_TEST_CONTEXT"));
    const r = await promisify(execFile)(process.execPath, ["--test", "--test-reporter=tap", group], { cwd: ROOT, env });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

test("in one process, each file's before and after run around its own tests, and both files' tests pass", async () => {
  const { code, out } = await runGroup([`${FIXTURES}/first.test.mjs`, `${FIXTURES}/second.test.mjs`]);
  assert.equal(code, 0, out);
  const order = [...out.matchAll(/^# (first|second): (\w+)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
  assert.deepEqual(order, ["first: before", "first: test", "first: after", "second: before", "second: test", "second: after"]);
  assert.match(out, /^ok 1 - tests\/fixtures\/test-groups\/first\.test\.mjs$/m, "each file's suite is named after its path");
  assert.match(out, /^# pass 2$/m);
});

test("a file that fails to load, or a failing test, fails the process; the other files still run", async () => {
  for (const bad of ["broken", "failing"]) {
    const { code, out } = await runGroup([`${FIXTURES}/${bad}.test.mjs`, `${FIXTURES}/second.test.mjs`]);
    assert.equal(code, 1, `${bad}: ${out}`);
    assert.match(out, new RegExp(`^not ok 1 - tests/fixtures/test-groups/${bad}\\.test\\.mjs$`, "m"), bad);
    assert.match(out, /^# second: test$/m, `${bad}: the next file still ran`);
  }
});
