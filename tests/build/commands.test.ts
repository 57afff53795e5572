// The commands staff and the workflow run (npm run check, new, setup ...) start from a bundle
// compiled ahead (scripts/run.mjs, scripts/compiled.mjs). The commands' own tests run them
// that way; here, the runner itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { COMMANDS, compiled } from "../../scripts/compiled.mjs";
import { ROOT } from "../helpers.ts";

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, ["scripts/run.mjs", ...args], { cwd: ROOT });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("every npm script that goes through scripts/run.mjs names a command it compiles", async () => {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const through = Object.entries(pkg.scripts).filter(([, cmd]) => cmd.includes("scripts/run.mjs"));
  assert.ok(through.length >= 6, through.map(([name]) => name).join(", "));
  for (const [name, cmd] of through) {
    const command = /scripts\/run\.mjs (\S+)/.exec(cmd)?.[1] ?? "";
    assert.ok(COMMANDS.includes(command), `npm run ${name}: ${command} is not compiled`);
    assert.ok(existsSync(path.join(ROOT, "scripts", `${command}.ts`)), `npm run ${name}: scripts/${command}.ts`);
  }
});

test("an unknown command is refused with the list of commands; a known one runs compiled, without compiling again", async () => {
  const unknown = await run("chek");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no command "chek" \(one of: check, new, setup/);

  const dir = await compiled();
  for (const name of COMMANDS) assert.ok(existsSync(path.join(dir, `${name}.mjs`)), name);
  // ci with no subcommand prints its usage: the command ran, from the bundle already there.
  const ci = await run("ci");
  assert.equal(ci.code, 2, ci.stdout + ci.stderr);
  assert.match(ci.stderr, /usage: node scripts\/run\.mjs ci plan \| changed-pages/);
  assert.doesNotMatch(ci.stdout, /Preparing/);
});
