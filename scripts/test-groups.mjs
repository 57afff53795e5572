// npm test's test processes: several test files share one Node.js process.
//
// `node --test` starts a process for every file, and each one pays again for Node.js, tsx's
// loader and importing lib/ (Eleventy, sharp, markdown-it ...): about a second and a half of
// CPU before a build file's first test, which for most unit and build files is more than their
// tests take. So scripts/test.sh hands `node --test` group files instead: each imports a few
// test files, every one inside a suite named after its path. node:test scopes a file's
// top-level hooks (before, after) to that suite, so a file's after() still runs when its own
// tests are done, and a file that throws while loading fails its suite and the run.
//
// The files of a group run one after another in their process; the groups run side by side
// (PP_TEST_JOBS at a time). The unit tier is one group: its files take milliseconds each.
// Build files go eight to a group and browser files two (most of a browser file's time is
// Chromium's, which a shared process does not save), so that no group is much longer than
// the longest file, gates.test.ts, which sets the run's length.
// PP_TEST_GROUP_SIZE=1 gives every file a process of its own again, to tell whether a
// failure comes from a neighbour in the same process.
//
//   node scripts/test-groups.mjs <folder> <test file>...   writes the group files, prints their paths
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Test files per process in each tier (tests/<tier>/...); a tier not named here: one file each. */
export const GROUP_SIZE = { unit: Infinity, build: 8, browser: 2 };

/** Slowest tier first: `node --test` starts the files in the order of their names. */
const TIER_ORDER = ["browser", "build", "unit"];

/**
 * The processes for these test files, the slowest tier's first: each tier's files dealt
 * round-robin into ceil(n / size) groups, so groups differ by at most one file. `size`
 * overrides every tier's.
 * @param {readonly string[]} files repository-relative paths, tests/<tier>/<name>.test.ts
 * @param {{ size?: number }} [opts]
 * @returns {{ name: string, files: string[] }[]}
 */
export function groupFiles(files, opts = {}) {
  /** @type {Map<string, string[]>} */
  const tiers = new Map();
  for (const file of files) {
    const tier = file.split("/")[1] ?? "";
    tiers.set(tier, [...(tiers.get(tier) ?? []), file]);
  }
  const order = (tier) => (TIER_ORDER.includes(tier) ? TIER_ORDER.indexOf(tier) : TIER_ORDER.length);
  const groups = [];
  for (const [tier, list] of [...tiers].sort(([a], [b]) => order(a) - order(b))) {
    const size = opts.size ?? GROUP_SIZE[tier] ?? 1;
    const count = Math.max(1, Math.ceil(list.length / size));
    for (let g = 0; g < count; g++) {
      const mine = list.filter((_, i) => i % count === g);
      const name =
        mine.length === 1 ? `${tier}-${path.basename(mine[0], ".test.ts")}` : count === 1 ? tier : `${tier}-${g + 1}-of-${count}`;
      groups.push({ name, files: mine });
    }
  }
  return groups;
}

/** A group file's text: each test file imported inside a suite named after its path. */
export function groupSource(files, root) {
  const lines = files.map(
    (file) => `describe(${JSON.stringify(file)}, () => import(${JSON.stringify(pathToFileURL(path.resolve(root, file)).href)}));`,
  );
  return [
    "// Written by scripts/test-groups.mjs for one npm test run: these test files in one process.",
    'import { describe } from "node:test";',
    ...lines,
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [folder, ...files] = process.argv.slice(2);
  if (!folder || files.length === 0) {
    console.error("usage: node scripts/test-groups.mjs <folder> <test file>...");
    process.exit(2);
  }
  const size = Number(process.env.PP_TEST_GROUP_SIZE) || undefined;
  mkdirSync(folder, { recursive: true });
  const root = process.cwd();
  // node --test sorts the files it is given by name: the number keeps groupFiles' order.
  for (const [i, group] of groupFiles(files, { size }).entries()) {
    const file = path.join(folder, `${String(i + 1).padStart(3, "0")}-${group.name}.test.mjs`);
    writeFileSync(file, groupSource(group.files, root));
    console.log(file);
  }
}
