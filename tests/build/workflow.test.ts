// Lint for the publishing config: the GitHub workflow runs the README's own commands in a
// Debian container, on pushes and nightly just after the practice's midnight, and deploys
// exactly the built _site; netlify.toml builds the same way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import path from "node:path";
import { parse } from "yaml";
import { DateTime } from "luxon";
import { DEMO, ROOT } from "../helpers.ts";
import { COMMANDS } from "../../scripts/compiled.mjs";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  container?: string | { image: string };
  needs?: string | string[];
  if?: string;
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  jobs: Record<string, Job>;
}

const WORKFLOW = path.join(ROOT, ".github/workflows/site.yml");
const load = async () => ({ text: await readFile(WORKFLOW, "utf8"), wf: parse(await readFile(WORKFLOW, "utf8")) as Workflow });
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);
const runs = (wf: Workflow) =>
  steps(wf).flatMap((s) =>
    s.run
      ? s.run
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
      : [],
  );
const stepRunning = (wf: Workflow, re: RegExp) => steps(wf).find((s) => s.run && re.test(s.run));

test("the workflow builds in Debian's node:20-bookworm, so the README's install line works unchanged", async () => {
  const { wf } = await load();
  const build = wf.jobs.build!;
  const image = typeof build.container === "string" ? build.container : build.container?.image;
  assert.equal(image, "node:20-bookworm");
  const ordered = build.steps.map((s) => s.uses ?? s.run ?? "");
  assert.match(ordered[0]!, /^actions\/checkout@v\d+$/);
  assert.match(ordered[1]!, /^npm install\b/, "dependencies are installed right after checkout");
});

test("triggers: pushes to main, a daily schedule just after midnight in the practice's zone, and by hand", async () => {
  const { wf, text } = await load();
  assert.deepEqual(wf.on.push?.branches, ["main"]);
  assert.ok("workflow_dispatch" in wf.on);
  const crons = wf.on.schedule?.map((s) => s.cron) ?? [];
  assert.equal(crons.length, 1, "one nightly run (the weekly full suite is the Sunday one)");
  const fields = crons[0]!.split(/\s+/);
  assert.equal(fields.length, 5, `cron has five fields: ${crons[0]}`);
  const [minute, hour, dom, month, dow] = fields;
  assert.deepEqual([dom, month, dow], ["*", "*", "*"], "runs every day");
  assert.match(minute!, /^\d{1,2}$/);
  assert.match(hour!, /^\d{1,2}$/);
  const practice = parse(await readFile(path.join(DEMO, "content/_data/practice.yaml"), "utf8")) as { timezone: string };
  // Winter and summer: daylight saving time moves local time by an hour; both must be after midnight.
  for (const month of [1, 7]) {
    const local = DateTime.fromObject({ year: 2026, month, day: 15, hour: Number(hour), minute: Number(minute) }, { zone: "utc" }).setZone(
      practice.timezone,
    );
    assert.equal(local.day, 15, `${crons[0]} UTC is before midnight in ${practice.timezone} in month ${month}`);
    assert.ok(local.hour < 2, `${crons[0]} UTC is ${local.toFormat("HH:mm ZZZZ")} in ${practice.timezone}: not just after midnight`);
  }
  assert.ok(text.includes(practice.timezone), "the comment names the practice's zone");
  assert.match(text, /PST/);
  assert.match(text, /PDT/);
  assert.match(text, /60 days/, "the comment warns that GitHub pauses schedules");
});

test("steps call the README's commands; each is a script in package.json", async () => {
  const { wf } = await load();
  const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const lines = runs(wf);
  for (const command of ["npm install", "npm test", "npm run build", "npm run check"]) {
    assert.ok(
      lines.some((l) => l === command || l.startsWith(command + " ")),
      `no step runs ${command}:\n${lines.join("\n")}`,
    );
    assert.ok(readme.includes(command), `README does not document ${command}`);
  }
  for (const l of lines) {
    const m = /^npm (?:run )?([\w:-]+)/.exec(l);
    if (m && m[1] !== "install") assert.ok(pkg.scripts[m[1]!], `${l}: no such npm script`);
    const file = /node --import tsx (?:--test )?(\S+\.ts)/.exec(l)?.[1];
    if (file) assert.ok(existsSync(path.join(ROOT, file)), `${l}: ${file} does not exist`);
    const command = /node scripts\/run\.mjs (\S+)/.exec(l)?.[1];
    if (command) assert.ok(COMMANDS.includes(command), `${l}: scripts/run.mjs has no command ${command}`);
  }
});

test("the full suite runs on code changes; content-only pushes run the check and the gates on changed pages", async () => {
  const { wf } = await load();
  const full = stepRunning(wf, /^npm test$/m)!;
  assert.match(full.if ?? "", /suite == 'full'/);
  assert.match(stepRunning(wf, /^npm run check$/m)!.if ?? "", /suite != 'full'/);
  const gates = stepRunning(wf, /tests\/browser\/gates\.test\.ts/)!;
  assert.match(gates.if ?? "", /suite == 'content'/);
  assert.match(gates.env?.GATES_PAGES ?? "", /steps\.changed\.outputs\.pages/);
  assert.match(gates.run!, /npm run test:setup/, "the gates need Chromium");
  assert.equal(gates.env?.VERIFY_ROOT, ".", "the gates check the practice's own site, not the demo the tests build");
  assert.match(stepRunning(wf, /^npm run verify$/m)!.if ?? "", /suite == 'full'/, "the full run gates every page of the practice's site");
  const plan = steps(wf).find((s) => s.id === "plan")!;
  assert.match(plan.run!, /scripts\/run\.mjs ci plan/);
  assert.match(plan.env?.BEFORE ?? "", /github\.event\.before/);
});

test("the site that is deployed is the _site the steps built, with the GitHub Pages path prefix", async () => {
  const { wf } = await load();
  const build = wf.jobs.build!.steps;
  const i = (pred: (s: Step) => boolean) => build.findIndex(pred);
  const buildStep = build.find((s) => s.run === "npm run build")!;
  assert.match(buildStep.env?.PATH_PREFIX ?? "", /steps\.pages\.outputs\.base_path/);
  const upload = build.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))!;
  assert.ok(upload, "uploads the Pages artifact");
  assert.equal(upload.with?.path, "_site");
  assert.ok(i((s) => s === upload) > i((s) => s === buildStep), "uploads after building");
  for (const test of ["npm test", "npm run check"])
    assert.ok(i((s) => s.run === test) < i((s) => s === buildStep), `${test} runs before the build`);
  const gates = i((s) => /gates\.test\.ts/.test(s.run ?? ""));
  assert.ok(gates < i((s) => s === upload), "gates run before the upload");
  const deploy = wf.jobs.deploy!;
  assert.equal(deploy.needs, "build");
  assert.ok(deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")));
  const other = build.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
  assert.equal(other.with?.path, "_site");
});

test("netlify.toml builds with the README's command, publishes _site on Node 20", async () => {
  const toml = await readFile(path.join(ROOT, "netlify.toml"), "utf8");
  assert.match(toml, /^\s*command\s*=\s*"npm run build"\s*$/m);
  assert.match(toml, /^\s*publish\s*=\s*"_site"\s*$/m);
  assert.match(toml, /^\s*NODE_VERSION\s*=\s*"20"\s*$/m);
});

test("scripts/ci.ts plan (node scripts/run.mjs ci plan): the Sunday night run is the full suite, other nights rebuild; host from practice.yaml", async () => {
  const run = promisify(execFile);
  const dir = await mkdtemp(path.join(tmpdir(), "pp-ci-"));
  const plan = async (utc: string) => {
    const out = path.join(dir, `${utc}.txt`);
    const env = {
      ...process.env,
      PRACTICE_ROOT: DEMO,
      GITHUB_EVENT_NAME: "schedule",
      GITHUB_OUTPUT: out,
      SOURCE_DATE_EPOCH: String(Date.parse(utc) / 1000),
    };
    await run(process.execPath, ["scripts/run.mjs", "ci", "plan"], { cwd: ROOT, env });
    return Object.fromEntries(
      (await readFile(out, "utf8"))
        .trim()
        .split("\n")
        .map((l) => l.split("=") as [string, string]),
    );
  };
  // 08:05 UTC on Sunday 29 November 2026 is 00:05 Sunday in Los Angeles.
  assert.deepEqual(await plan("2026-11-29T08:05:00Z"), { suite: "full", host: "netlify" });
  assert.deepEqual(await plan("2026-11-30T08:05:00Z"), { suite: "rebuild", host: "netlify" });
});

test("announce: after the deploy, with the build's clock and prefix, secrets from the repository's secrets, and the record committed back", async () => {
  const { wf, text } = await load();
  const job = wf.jobs.announce as Job & { permissions?: Record<string, string> };
  assert.ok(job, "an announce job");
  assert.deepEqual(job.needs, ["build", "deploy"]);
  assert.match(job.if ?? "", /needs\.build\.result == 'success'/);
  assert.match(
    job.if ?? "",
    /needs\.deploy\.result == 'success' \|\| needs\.deploy\.result == 'skipped'/,
    "after GitHub Pages deployed, or where the host deploys itself",
  );
  assert.deepEqual(job.permissions, { contents: "write" }, "only this job may push, and only contents");
  assert.match(
    String((wf as unknown as { permissions: Record<string, string> }).permissions?.contents),
    /^read$/,
    "the workflow's other jobs keep read-only contents",
  );
  const announce = job.steps.find((s) => s.run === "npm run announce")!;
  assert.equal(announce.env?.SOURCE_DATE_EPOCH, "${{ needs.build.outputs.epoch }}", "the same now as the deployed site");
  assert.equal(announce.env?.PATH_PREFIX, "${{ needs.build.outputs.prefix }}");
  for (const [name, value] of Object.entries(announce.env ?? {}))
    if (/TOKEN|PASSWORD|SECRET|_KEY$/.test(name))
      assert.equal(value, `\${{ secrets.${name} }}`, `${name} comes from the repository's secrets`);
  for (const name of ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"])
    assert.equal(announce.env?.[name], `\${{ secrets.${name} }}`, `X's four keys (OAuth 1.0a) are passed: ${name}`);
  const keep = job.steps[job.steps.indexOf(announce) + 1]!;
  assert.match(keep.if ?? "", /^always\(\)/, "what was sent is committed even if a later step failed");
  assert.match(keep.run ?? "", /git add content\/_data\/announced\.json/);
  assert.match(keep.run ?? "", /\[skip ci\]/);
  const build = wf.jobs.build as Job & { outputs?: Record<string, string> };
  assert.equal(build.outputs?.epoch, "${{ steps.clock.outputs.epoch }}");
  assert.ok(!/(ghp_|EAA[A-Za-z0-9]{10}|xoxb-)/.test(text), "no token in the workflow");
});
