// A build session's caches keep what the last load used and let the rest go (lib/build/cache.ts):
// the preview's caches never keep a deleted file for the rest of a long `npm start`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { KeptWhileUsed } from "../../lib/build/cache.ts";

type Step = { get?: string[]; set?: string[]; trim: string[] };

// Each case: loads in order (what each reads and writes), what each trim drops, what is left.
const cases: { name: string; loads: Step[]; left: string[] }[] = [
  { name: "a first load keeps everything it wrote", loads: [{ set: ["a.md", "b.md"], trim: [] }], left: ["a.md", "b.md"] },
  {
    name: "a file read again stays",
    loads: [
      { set: ["a.md", "b.md"], trim: [] },
      { get: ["a.md", "b.md"], trim: [] },
    ],
    left: ["a.md", "b.md"],
  },
  {
    name: "a deleted file goes after the next load",
    loads: [
      { set: ["a.md", "b.md"], trim: [] },
      { get: ["a.md"], trim: ["b.md"] },
    ],
    left: ["a.md"],
  },
  {
    name: "a renamed file: the new name stays, the old goes",
    loads: [
      { set: ["old.md"], trim: [] },
      { set: ["new.md"], trim: ["old.md"] },
    ],
    left: ["new.md"],
  },
  {
    name: "an edited file, read then written again, stays",
    loads: [
      { set: ["a.md"], trim: [] },
      { get: ["a.md"], set: ["a.md"], trim: [] },
    ],
    left: ["a.md"],
  },
  {
    name: "a load that read nothing empties the cache",
    loads: [{ set: ["a.md", "b.md"], trim: [] }, { trim: ["a.md", "b.md"] }],
    left: [],
  },
  { name: "asking for a file the cache never had keeps nothing", loads: [{ get: ["x.md"], trim: [] }], left: [] },
  {
    name: "a file back after one load away is new again",
    loads: [{ set: ["a.md"], trim: [] }, { trim: ["a.md"] }, { set: ["a.md"], trim: [] }],
    left: ["a.md"],
  },
];

for (const c of cases) {
  test(`cache: ${c.name}`, () => {
    const cache = new KeptWhileUsed<string, string>();
    c.loads.forEach((load, i) => {
      for (const key of load.get ?? []) cache.get(key);
      for (const key of load.set ?? []) cache.set(key, `${key}@${i}`);
      assert.deepEqual(cache.trim().sort(), [...load.trim].sort(), `load ${i + 1} drops`);
    });
    assert.deepEqual(
      c.left.filter((k) => cache.has(k)),
      c.left,
    );
    assert.equal(cache.size, c.left.length);
  });
}

test("cache: a hit returns the value stored, a miss undefined", () => {
  const cache = new KeptWhileUsed<string, { html: string }>();
  const value = { html: "<p>hi</p>" };
  cache.set("a.md", value);
  assert.equal(cache.get("a.md"), value);
  assert.equal(cache.get("b.md"), undefined);
  cache.trim();
  assert.equal(cache.get("a.md"), value, "kept: the load that wrote it used it");
});
