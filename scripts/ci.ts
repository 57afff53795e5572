// The CI workflow's helper (.github/workflows/site.yml). Writes key=value lines to
// $GITHUB_OUTPUT (or prints them when run by hand).
//   node scripts/run.mjs ci plan            suite=full|content|rebuild, host=<hosting.host>
//   node scripts/run.mjs ci changed-pages   pages=<site paths whose HTML a content push changed>
// Both read BEFORE (the commit before the push: github.event.before).
import { spawnSync } from "node:child_process";
import { projectRoot } from "../lib/build/project.ts";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { ciPlan, pagesChangedBetween } from "../lib/build/ci.ts";
import { clockFromEnv } from "../lib/build/clock.ts";

const root = projectRoot();
const before = process.env.BEFORE ?? "";
const known = /^[0-9a-f]{7,40}$/.test(before) && !/^0+$/.test(before);

function output(values: Record<string, string>): void {
  const lines =
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n";
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines);
  process.stdout.write(lines);
}

function git(args: string[]): string | undefined {
  const r = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  return r.status === 0 ? r.stdout : undefined;
}

const practice = (() => {
  try {
    return (parse(readFileSync(path.join(root, "content/_data/practice.yaml"), "utf8")) ?? {}) as {
      timezone?: string;
      hosting?: { host?: string };
    };
  } catch {
    return {};
  }
})();

const command = process.argv[2];
if (command === "plan") {
  const event = process.env.GITHUB_EVENT_NAME ?? "workflow_dispatch";
  // A force push or a new branch has no usable "before": then everything is tested.
  const diff = event === "push" && known ? git(["diff", "--name-only", before, "HEAD"]) : undefined;
  const changed = diff?.split("\n").filter(Boolean);
  const weekday = clockFromEnv()().setZone(practice.timezone ?? "UTC").weekday;
  const plan = ciPlan({ event, changed, weekday });
  console.log(`Plan: ${plan.reason}`);
  output({ suite: plan.suite, host: practice.hosting?.host ?? "other" });
} else if (command === "changed-pages") {
  let pages: string[] | undefined;
  if (known) {
    const old = mkdtempSync(path.join(tmpdir(), "pp-before-"));
    const extract = spawnSync("sh", ["-c", 'git archive --format=tar "$BEFORE" content | tar -x -C "$DEST"'], {
      cwd: root,
      env: { ...process.env, BEFORE: before, DEST: old },
      stdio: "inherit",
    });
    if (extract.status === 0) {
      // Both builds at one instant, so only the content differs (the workflow pins SOURCE_DATE_EPOCH for the run).
      const epoch = Math.floor(clockFromEnv()().toSeconds());
      pages = await pagesChangedBetween({
        root,
        before: path.join(old, "content"),
        after: path.join(root, "content"),
        sourceDateEpoch: epoch,
      });
    }
  }
  // Unknown (the old content does not build, or no previous commit): gate every page.
  console.log(
    pages
      ? `${pages.length} changed pages: ${pages.join(" ") || "none"}`
      : "Cannot compare with the previous content: every page is checked",
  );
  output({ pages: pages ? pages.join(" ") : "all" });
} else {
  console.error("usage: node scripts/run.mjs ci plan | changed-pages");
  process.exit(2);
}
