// CI (.github/workflows/site.yml): what a run must prove before it deploys, and which
// pages a content change touched, found by building before and after with one clock and
// comparing the files byte for byte (builds are deterministic, so only real changes differ).
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "./build.ts";

export type Suite = "full" | "content" | "rebuild";

export interface PlanInput {
  /** github.event_name: push, schedule, workflow_dispatch... */
  event: string;
  /** Files a push changed; undefined when unknown (first push, force push). */
  changed?: readonly string[];
  /** ISO weekday (1 = Monday ... 7 = Sunday) in the practice's time zone, for scheduled runs. */
  weekday?: number;
}

export interface Plan {
  suite: Suite;
  reason: string;
}

/** The scheduled run on this local weekday also runs the whole test suite. */
export const FULL_SUITE_WEEKDAY = 7;

export function ciPlan(input: PlanInput): Plan {
  if (input.event === "schedule") {
    return input.weekday === FULL_SUITE_WEEKDAY
      ? { suite: "full", reason: "weekly run: the whole test suite, then the daily rebuild" }
      : { suite: "rebuild", reason: "daily rebuild: dated content (events, alerts, scheduled posts, open-now text) moves on" };
  }
  if (input.event !== "push") return { suite: "full", reason: `${input.event}: the whole test suite` };
  if (!input.changed) return { suite: "full", reason: "cannot tell what this push changed: the whole test suite" };
  const code = input.changed.filter((f) => !f.startsWith("content/"));
  if (code.length === 0)
    return { suite: "content", reason: `only content changed (${input.changed.length} files): check, build, gates on the changed pages` };
  return { suite: "full", reason: `code changed (${code.slice(0, 3).join(", ")}${code.length > 3 ? ", ..." : ""}): the whole test suite` };
}

// ---------------------------------------------------------------------------
// Comparing two built sites, byte for byte.

export interface TreeDiff {
  same: number;
  changed: string[];
  added: string[];
  removed: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  const files = await Promise.all(
    names.map(async (n) => ((await stat(path.join(dir, n))).isFile() ? n.split(path.sep).join("/") : undefined)),
  );
  return files.filter((f): f is string => f !== undefined).sort();
}

/** Every file of `b` compared with `a`: paths relative to the folders, sorted. */
export async function compareTrees(a: string, b: string): Promise<TreeDiff> {
  const [left, right] = await Promise.all([listFiles(a), listFiles(b)]);
  const inLeft = new Set(left);
  const inRight = new Set(right);
  const diff: TreeDiff = { same: 0, changed: [], added: right.filter((f) => !inLeft.has(f)), removed: left.filter((f) => !inRight.has(f)) };
  for (const file of right.filter((f) => inLeft.has(f))) {
    const [x, y] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (x.equals(y)) diff.same++;
    else diff.changed.push(file);
  }
  return diff;
}

/** Site paths of the HTML pages a change touched: "blog/flu/index.html" → "/blog/flu/". */
export function changedPages(diff: TreeDiff): string[] {
  return [...diff.changed, ...diff.added]
    .filter((f) => f.endsWith(".html"))
    .map((f) => "/" + f.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

/**
 * The pages whose HTML differs between two content folders, both built with the same code
 * and clock. undefined when the old content no longer builds (then every page counts).
 */
export async function pagesChangedBetween(opts: {
  root: string;
  before: string;
  after: string;
  sourceDateEpoch: number;
}): Promise<string[] | undefined> {
  const work = await mkdtemp(path.join(tmpdir(), "pp-changed-"));
  try {
    const [a, b] = [path.join(work, "before"), path.join(work, "after")];
    const old = await build({ root: opts.root, contentDir: opts.before, out: a, sourceDateEpoch: opts.sourceDateEpoch });
    if (!old.ok) return undefined;
    const now = await build({ root: opts.root, contentDir: opts.after, out: b, sourceDateEpoch: opts.sourceDateEpoch });
    if (!now.ok) throw new Error(`the new content does not build: ${now.error}`);
    return changedPages(await compareTrees(a, b));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
