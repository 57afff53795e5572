// The Nu HTML Checker (vnu-jar, on the machine's Java) over every page of the demo.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { buildInto, SITE_ROOT } from "../helpers.ts";

/**
 * One short run: Java's quick compiler only and its simplest collector, which use less than
 * half the CPU of the defaults here (the optimising compiler never pays back in a run this
 * short); the checker finds the same errors. The quick compiler's frames are larger, so
 * threads get the deeper stack the checker asks for when its schema recurses.
 */
const JAVA_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"];

const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

test("every page is valid HTML (zero Nu HTML Checker errors)", async () => {
  const java = spawnSync("java", ["-version"]);
  assert.ok(!java.error, "Java not found. Install it with: sudo apt-get install -y openjdk-17-jre-headless   (or run: npm run test:setup)");
  const { out, result } = await buildInto({ root: SITE_ROOT });
  assert.ok(result.ok);
  const run = spawnSync("java", [...JAVA_FLAGS, "-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "json", out], {
    encoding: "utf8",
  });
  const report = JSON.parse(run.stderr) as {
    messages: { type: string; url: string; lastLine?: number; message: string; extract?: string }[];
  };
  const errors = report.messages.map(
    (m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine ?? "?"}: ${m.message} ${m.extract ?? ""}`,
  );
  assert.deepEqual(errors, []);
  assert.equal(run.status, 0);
});
