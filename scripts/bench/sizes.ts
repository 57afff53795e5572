// One size of the bench: N synthetic posts built, in turns, by this project (what
// `npm run build` runs) and by the floor (bare Eleventy + markdown-it on the same Markdown,
// bench/bare/), then the search index from nothing and a nightly one-post build.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepare } from "./corpus.ts";
import { DEV_LOOP_POSTS, measureDevLoop, type DevLoop } from "./devloop.ts";
import { countHtml, ROOT, runOnce, SOURCE_DATE_EPOCH, type Build, type Measure } from "./sampler.ts";

export interface Result {
  devLoop?: DevLoop;
  searchCold?: Measure;
  onePostEdited?: Measure;
  posts: number;
  /** The first build, with an empty image cache. */
  coldA?: Measure;
  a: Measure[];
  b: Measure[];
  /** --compare: the other copy of the product. */
  c: Measure[];
  htmlA: number;
  htmlB: number;
}

export async function benchSize(
  n: number,
  runs: number,
  tempDirs: Set<string>,
  cleanUp: (dir: string) => void,
  compare?: string,
): Promise<Result> {
  const t0 = performance.now();
  const tmp = await prepare(ROOT, n, tempDirs);
  console.log(`\n== ${n} posts (+ the demo's own content) in ${tmp}, prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const result = await measureSize(n, runs, tmp, compare);
    if (n === DEV_LOOP_POSTS) result.devLoop = await measureDevLoop(tmp, runs);
    return result;
  } finally {
    cleanUp(tmp);
  }
}

/** The builds a size compares: this project, the floor, and optionally another copy of the product (`--compare DIR`, e.g. main before a change). */
function builds(tmp: string, compare?: string): Build[] {
  const inherited = { ...process.env };
  // The project build must be a plain production build whatever the caller's shell says.
  delete inherited.PRACTICE_MODE;
  delete inherited.PATH_PREFIX;
  const project = (label: string, root: string): Build => ({
    label,
    args: [process.execPath, "scripts/build.mjs"],
    cwd: root,
    // Its own image cache: the warm-up fills it (the cold figure), timed runs reuse it.
    env: {
      ...inherited,
      PRACTICE_ROOT: path.join(root, "examples", "demo"),
      PRACTICE_CONTENT: path.join(tmp, "content"),
      PRACTICE_OUT: path.join(tmp, `out-${label}`),
      PRACTICE_CACHE: path.join(tmp, `cache-${label}`),
      SOURCE_DATE_EPOCH,
    },
    out: path.join(tmp, `out-${label}`),
  });
  const outBare = path.join(tmp, "out-bare");
  const floor: Build = {
    label: "floor",
    args: [
      process.execPath,
      "node_modules/@11ty/eleventy/cmd.cjs",
      "--config=bench/bare/eleventy.config.mjs",
      `--input=${path.join(tmp, "content", "blog")}`,
      `--output=${outBare}`,
      "--quiet",
    ],
    env: { ...process.env, SOURCE_DATE_EPOCH },
    out: outBare,
  };
  return [project("project", ROOT), floor, ...(compare ? [project("compare", compare)] : [])];
}

async function measureSize(n: number, runs: number, tmp: string, compare?: string): Promise<Result> {
  const [a, b, c] = builds(tmp, compare);
  const line = (tag: string, m: Measure) =>
    console.log(
      `  ${tag.padEnd(36)} ${m.seconds.toFixed(2).padStart(7)} s wall ${m.cpu.toFixed(2).padStart(7)} s CPU ${m.rssMb.toFixed(0).padStart(6)} MB`,
    );
  const result: Result = { posts: n, a: [], b: [], c: [], htmlA: 0, htmlB: 0 };
  result.coldA = await runOnce(a!);
  line("a, cold image cache", result.coldA);
  line("b, warm-up", await runOnce(b!));
  if (c) line("c, cold image cache", await runOnce(c));
  for (let r = 1; r <= runs; r++) {
    // In turns, so a burst of other work on the machine falls on each build alike.
    for (const [build, into, tag] of [
      [a, result.a, "a project"],
      [b, result.b, "b floor"],
      [c, result.c, "c compare"],
    ] as const) {
      if (!build) continue;
      const m = await runOnce(build);
      into.push(m);
      line(`run ${r} ${tag}`, m);
    }
  }
  result.htmlA = await countHtml(a!.out);
  result.htmlB = await countHtml(b!.out);
  // Not in the ratio: what the search index costs when its cache cannot help, and the
  // nightly CI case of one new or edited post (only this year's bundle is re-indexed).
  await rm(path.join(tmp, "cache-project", "search"), { recursive: true, force: true });
  result.searchCold = await runOnce(a!);
  line("a, search index rebuilt from nothing", result.searchCold);
  const blog = path.join(tmp, "content", "blog");
  const recent = (await readdir(blog))
    .filter((f) => f.startsWith("2026-") && f.includes("-synthetic-"))
    .sort()
    .at(-1)!;
  await writeFile(
    path.join(blog, recent),
    `${await readFile(path.join(blog, recent), "utf8")}\nOne more sentence for the nightly build.\n`,
  );
  result.onePostEdited = await runOnce(a!);
  line("a, one 2026 post edited", result.onePostEdited);
  return result;
}
