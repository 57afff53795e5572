// npm run setup knows the demo's files by every version the product shipped: a fork's
// content/ is the demo as it was when the practice forked, not as examples/demo is today.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { blobId, isDemoVersion, shippedVersions } from "../../lib/setup/shipped.ts";
import { DEMO } from "../helpers.ts";

test("blobId is Git's own id for the bytes", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-blob-"));
  const bytes = Buffer.from("---\ntitle: Café ☕\n---\nBody\n");
  await writeFile(path.join(dir, "x.md"), bytes);
  assert.equal(blobId(bytes), execFileSync("git", ["hash-object", path.join(dir, "x.md")], { encoding: "utf8" }).trim());
});

test("a file is the demo's when it is today's demo file or a shipped version at the same path; an edit makes it the practice's", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "pp-shipped-"));
  const [demo, project] = [path.join(root, "demo"), path.join(root, "project")];
  const old = Buffer.from("---\ntitle: Winter colds\n---\nAn older text.\n");
  for (const dir of [demo, project]) await mkdir(path.join(dir, "content/blog"), { recursive: true });
  await writeFile(path.join(demo, "content/blog/colds.md"), "---\ntitle: Winter colds\n---\nToday's text.\n");
  await writeFile(
    path.join(demo, "shipped-versions.txt"),
    `# comment\n${blobId(old)} content/blog/colds.md\n${blobId(old)} content/blog/elsewhere.md\n`,
  );
  const shipped = shippedVersions(demo);
  const at = async (file: string, text: string | Buffer) => {
    await writeFile(path.join(project, file), text);
    return isDemoVersion(project, demo, file, shipped);
  };
  assert.equal(await at("content/blog/colds.md", old), true, "the version the practice forked with");
  assert.equal(await at("content/blog/colds.md", "---\ntitle: Winter colds\n---\nToday's text.\n"), true, "today's demo");
  assert.equal(await at("content/blog/colds.md", Buffer.concat([old, Buffer.from("One more line by the practice.\n")])), false);
  assert.equal(await at("content/blog/mine.md", old), false, "the same text at another path is the practice's own file");
  assert.equal(isDemoVersion(project, demo, "content/blog/missing.md", shipped), false);
});

test("the demo's list names every file examples/demo ships today", () => {
  const shipped = shippedVersions(DEMO);
  const tracked = execFileSync("git", ["ls-files", "-s", "--", "content", "assets"], { cwd: DEMO, encoding: "utf8" }).trim().split("\n");
  assert.ok(tracked.length > 50, `${tracked.length} files`);
  for (const line of tracked) {
    const [, blob, , file] = line.split(/\s+/);
    assert.ok(
      shipped.has(`${blob} ${file}`),
      `examples/demo/shipped-versions.txt lacks ${file} as it is now: regenerate it (docs/upgrading.md)`,
    );
  }
});
