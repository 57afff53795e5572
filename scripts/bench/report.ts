// What the bench prints: a table per size, then one section per target of issue 22 with
// the target beside the figure. Medians throughout; ratios are against the floor measured
// in the same run, in turns, so other work on the machine falls on both.
import { median, type Measure } from "./sampler.ts";
import type { Result } from "./sizes.ts";

/** Build cost targets: at most this many times bare Eleventy, by size (issue 22). */
const COST_TARGET: Record<number, number> = { 1000: 1.25, 4000: 1.15 };
const MEMORY_TARGET = 1.5;

const med = (ms: readonly Measure[], f: (m: Measure) => number) => median(ms.map(f));
const peak = (ms: readonly Measure[]) => Math.max(...ms.map((m) => m.rssMb));

export function reportSize(r: Result, runs: number): void {
  const cols: [string, Measure[]][] = [
    ["(a) project", r.a],
    ["(b) floor", r.b],
    ...(r.c.length ? [["(c) compare", r.c] as [string, Measure[]]] : []),
  ];
  const rows: string[][] = [["", ...cols.map(([n]) => n), "a/b", ...(r.c.length ? ["c/b"] : [])]];
  const ratio = (x: number, y: number) => (x / y).toFixed(2);
  const row = (name: string, f: (ms: Measure[]) => number, digits: number) => {
    const v = cols.map(([, ms]) => f(ms));
    rows.push([name, ...v.map((x) => x.toFixed(digits)), ratio(v[0]!, v[1]!), ...(r.c.length ? [ratio(v[2]!, v[1]!)] : [])]);
  };
  row(`median wall s (${runs} run${runs === 1 ? "" : "s"})`, (ms) => med(ms, (m) => m.seconds), 2);
  row("median CPU s (user + system)", (ms) => med(ms, (m) => m.cpu), 2);
  row("peak RSS MB", peak, 0);
  const w = rows[0]!.map((_, c) => Math.max(...rows.map((x) => x[c]!.length)));
  console.log(`\n${r.posts} synthetic posts (${r.htmlA} HTML files built by the project, ${r.htmlB} by the floor)`);
  for (const [i, x] of rows.entries()) {
    console.log(`  ${x.map((cell, c) => (c ? cell.padStart(w[c]!) : cell.padEnd(w[c]!))).join("  ")}`);
    if (i === 0) console.log(`  ${"-".repeat(w.reduce((s, n) => s + n + 2, -2))}`);
  }
  if (r.coldA) console.log(`  first build, empty image cache: ${r.coldA.seconds.toFixed(2)} s wall, ${r.coldA.cpu.toFixed(2)} s CPU`);
  if (r.searchCold && r.onePostEdited) {
    console.log(
      `  not in the ratio: search index rebuilt from nothing ${r.searchCold.seconds.toFixed(2)} s / ${r.searchCold.rssMb.toFixed(0)} MB; one post of this year edited ${r.onePostEdited.seconds.toFixed(2)} s / ${r.onePostEdited.rssMb.toFixed(0)} MB`,
    );
  }
}

export function reportTargets(results: readonly Result[]): void {
  console.log("\n== build cost against bare Eleventy (warm image cache; medians, floor measured in the same run)");
  for (const r of results) {
    const target = COST_TARGET[r.posts];
    const wall = med(r.a, (m) => m.seconds) / med(r.b, (m) => m.seconds);
    const cpu = med(r.a, (m) => m.cpu) / med(r.b, (m) => m.cpu);
    const mem = peak(r.a) / peak(r.b);
    const verdict = (x: number, t: number | undefined) => (t === undefined ? "" : x <= t ? "ok" : "OVER");
    const t = target === undefined ? "(no target at this size)" : `target <= ${target.toFixed(2)}x`;
    console.log(
      `  ${String(r.posts).padStart(5)} posts: wall ${wall.toFixed(2)}x ${verdict(wall, target).padEnd(4)}  CPU ${cpu.toFixed(2)}x ${verdict(cpu, target).padEnd(4)}  ${t};  peak RSS ${mem.toFixed(2)}x, target <= ${MEMORY_TARGET}x ${verdict(mem, MEMORY_TARGET)}`,
    );
    if (r.c.length) {
      const cw = med(r.c, (m) => m.seconds) / med(r.b, (m) => m.seconds);
      const cc = med(r.c, (m) => m.cpu) / med(r.b, (m) => m.cpu);
      console.log(
        `               compare (--compare): wall ${cw.toFixed(2)}x, CPU ${cc.toFixed(2)}x, peak RSS ${(peak(r.c) / peak(r.b)).toFixed(2)}x`,
      );
    }
  }
  console.log("  (wall time is what the target names; on a machine shared with other work the CPU-time ratio is the steadier figure)");
  const loop = results.find((r) => r.devLoop)?.devLoop;
  if (loop) {
    const ms = (xs: number[]) => `${median(xs).toFixed(0).padStart(5)} ms (${xs.map((x) => x.toFixed(0)).join(", ")})`;
    console.log(
      `\n== preview dev loop (npm start, ${results.find((r) => r.devLoop)!.posts} posts), from save to the post's page rewritten, median of ${loop.body.length}`,
    );
    console.log(`  body edit   ${ms(loop.body)}   target <= 1000 ms   ${median(loop.body) <= 1000 ? "ok" : "OVER"}`);
    console.log(`  title edit  ${ms(loop.title)}   target <= 2000 ms   ${median(loop.title) <= 2000 ? "ok" : "OVER"}`);
    console.log(`  date edit   ${ms(loop.date)}   target <= 2000 ms   ${median(loop.date) <= 2000 ? "ok" : "OVER"}`);
    console.log("  checked after each save: neighbours' previous/next links (title), blog index, tag page and both feeds (date)");
  }
}
