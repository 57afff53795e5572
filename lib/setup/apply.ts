// Turning the demo into the practice's own site, safely: the demo's files (byte for byte
// a version the product shipped, lib/setup/shipped.ts) are removed, the starter set and practice.yaml are written,
// and a file the practice wrote or edited is never overwritten or removed without --force.
// Running it again with the same answers changes nothing.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { copyFile, mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Answers } from "./answers.ts";
import { practiceYaml } from "./practice-yaml.ts";
import { starterFiles } from "./starter.ts";
import { isDemoVersion, shippedVersions } from "./shipped.ts";

export interface SetupPlan {
  write: Record<string, string>;
  /** Demo files to remove (paths under the project). */
  remove: string[];
  /** Files the practice wrote or changed that the plan would overwrite or remove. */
  conflicts: string[];
  /** The logo to copy into assets/, if one was given. */
  logo?: { from: string; to: string };
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

export function planSetup(a: Answers, opts: { project: string; demo: string; date: string; logoFile?: string }): SetupPlan {
  const logo = opts.logoFile ? { from: opts.logoFile, to: `assets/logo${path.extname(opts.logoFile).toLowerCase()}` } : undefined;
  const keepDemoLogo = !logo && existsSync(path.join(opts.project, "assets/logo.svg"));
  const write: Record<string, string> = {
    "content/_data/practice.yaml": practiceYaml(a, { logo: logo ? `/${logo.to}` : keepDemoLogo ? "/assets/logo.svg" : undefined }),
    ...Object.fromEntries(Object.entries(starterFiles(a, opts.date)).map(([f, t]) => [`content/${f}`, t])),
  };
  const remove: string[] = [];
  const conflicts: string[] = [];
  const shipped = shippedVersions(opts.demo);
  const demoVersion = (file: string) => isDemoVersion(opts.project, opts.demo, file, shipped);
  for (const folder of ["content", "assets"]) {
    // The practice's files: a demo file that later left examples/demo is still the demo's.
    const names = new Set([...files(path.join(opts.demo, folder)), ...files(path.join(opts.project, folder))]);
    for (const rel of names) {
      const file = `${folder}/${rel}`;
      const abs = path.join(opts.project, file);
      if (!existsSync(abs) || file in write) continue;
      // The demo's logo stays until the practice gives its own (the icons are made from it);
      // favicon.svg is the icon a site without a logo falls back to.
      if (file === "assets/favicon.svg" || (keepDemoLogo && file === "assets/logo.svg")) continue;
      if (demoVersion(file)) remove.push(file);
    }
  }
  for (const [file, text] of Object.entries(write)) {
    const abs = path.join(opts.project, file);
    if (!existsSync(abs) || readFileSync(abs, "utf8") === text || demoVersion(file)) continue;
    conflicts.push(file);
  }
  return { write, remove, conflicts, logo };
}

export async function applySetup(plan: SetupPlan, project: string): Promise<void> {
  for (const file of plan.remove) await rm(path.join(project, file));
  // A folder the removal emptied below a kind's folder (content/comments/<demo post>/) goes too:
  // it names a post the practice does not have. The kinds' own folders stay for new files.
  for (const dir of new Set(plan.remove.map((file) => path.dirname(file))))
    if (dir.split(/[\\/]/).length >= 3) await rmdir(path.join(project, dir)).catch(() => undefined);
  for (const [file, text] of Object.entries(plan.write)) {
    await mkdir(path.dirname(path.join(project, file)), { recursive: true });
    await writeFile(path.join(project, file), text);
  }
  if (plan.logo) {
    await mkdir(path.join(project, "assets"), { recursive: true });
    await copyFile(plan.logo.from, path.join(project, plan.logo.to));
  }
}
