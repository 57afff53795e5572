// What a practice installs: the packages the lock file names (all, and those a build and
// preview need: dev dependencies left out), the size of this node_modules, and with
// --install a real `npm ci` into a fresh folder (network and minutes; off by default).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./sampler.ts";

export interface InstallFigures {
  lockPackages: number;
  runtimePackages: number;
  nodeModulesMb?: number;
  /** --install: `npm ci --omit=dev` into a fresh folder. */
  fresh?: { seconds: number; mb: number; packages: number } | { error: string };
}

function duMb(dir: string): number | undefined {
  // The trailing slash follows a linked node_modules (worktrees share one).
  const r = spawnSync("du", ["-sk", `${dir}/`], { encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.split(/\s/)[0]) / 1024 : undefined;
}

export function installFigures(fresh: boolean): InstallFigures {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
  const entries = Object.entries(lock.packages).filter(([k]) => k);
  const figures: InstallFigures = {
    lockPackages: entries.length,
    runtimePackages: entries.filter(([, v]) => !v.dev).length,
    nodeModulesMb: duMb(path.join(ROOT, "node_modules")),
  };
  if (!fresh) return figures;
  const dir = mkdtempSync(path.join(os.tmpdir(), "pp-bench-install-"));
  try {
    for (const f of ["package.json", "package-lock.json", ".npmrc"])
      if (existsSync(path.join(ROOT, f))) copyFileSync(path.join(ROOT, f), path.join(dir, f));
    const started = performance.now();
    const r = spawnSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8" });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) figures.fresh = { error: (r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ") };
    else {
      const installed = JSON.parse(readFileSync(path.join(dir, "node_modules", ".package-lock.json"), "utf8")) as {
        packages: Record<string, unknown>;
      };
      figures.fresh = { seconds, mb: duMb(path.join(dir, "node_modules")) ?? 0, packages: Object.keys(installed.packages).length };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export function reportInstall(f: InstallFigures): void {
  console.log("\n== install (what a practice needs to build and preview)");
  console.log(`  package-lock.json: ${f.lockPackages} packages, ${f.runtimePackages} without dev dependencies`);
  if (f.nodeModulesMb !== undefined) console.log(`  this node_modules (dev and runtime): ${f.nodeModulesMb.toFixed(0)} MB`);
  if (!f.fresh) console.log("  fresh `npm ci --omit=dev`: not measured (add --install; needs the npm registry and a few minutes)");
  else if ("error" in f.fresh) console.log(`  fresh \`npm ci --omit=dev\` failed: ${f.fresh.error}`);
  else
    console.log(
      `  fresh \`npm ci --omit=dev\`: ${f.fresh.seconds.toFixed(0)} s, ${f.fresh.packages} packages, ${f.fresh.mb.toFixed(0)} MB   (no target: reported for the adoption issue)`,
    );
}
