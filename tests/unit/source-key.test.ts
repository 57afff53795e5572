// The content store (lib/content/stored.ts) is named by a fingerprint of the product's code:
// any change to a module, a language's strings or a dependency's version starts afresh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sourceKey } from "../../lib/build/source-key.ts";

test("the code's fingerprint changes with a module, a string file or the lock file, and only then", async () => {
  const product = await mkdtemp(path.join(tmpdir(), "pp-key-"));
  await mkdir(path.join(product, "lib/markdown"), { recursive: true });
  await mkdir(path.join(product, "lib/i18n"), { recursive: true });
  await writeFile(path.join(product, "lib/markdown/index.ts"), "export const a = 1;\n");
  await writeFile(path.join(product, "lib/i18n/es.yaml"), "video:\n  play: Reproducir\n");
  await writeFile(path.join(product, "package.json"), '{"dependencies":{"markdown-it":"15.0.3"}}');
  await writeFile(path.join(product, "package-lock.json"), '{"lockfileVersion":3}');
  const first = sourceKey(product);
  assert.match(first, /^[0-9a-f]{16}$/);
  assert.equal(sourceKey(product), first, "same code, same key");
  await writeFile(path.join(product, "lib/notes.txt"), "not code");
  assert.equal(sourceKey(product), first, "a file that is not code changes nothing");

  const changes: [string, string][] = [
    ["lib/markdown/index.ts", "export const a = 2;\n"],
    ["lib/i18n/es.yaml", "video:\n  play: Ver\n"],
    ["package-lock.json", '{"lockfileVersion":3,"packages":{}}'],
    ["lib/markdown/new-rule.ts", "export {};\n"],
  ];
  const seen = new Set([first]);
  for (const [file, text] of changes) {
    await writeFile(path.join(product, file), text);
    const key = sourceKey(product);
    assert.ok(!seen.has(key), `${file} changed, the key did not`);
    seen.add(key);
  }
});
