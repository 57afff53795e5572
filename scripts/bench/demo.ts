// The demo site as a newcomer meets it: a fresh copy of the product (no .cache/: no
// compiled build, no encoded photos, no search bundles) built once cold and once warm, its
// page weights, and `npm start` on it: time to the first page, and whether a new photo
// holds up pages that don't show it.
import { cpSync, symlinkSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startPreview } from "../../tests/support/preview-session.ts";
import { BUDGETS, JS_BUDGET, pageWeight } from "../../tests/support/page-weight.ts";
import { writeLargePhoto } from "./images.ts";
import { median, ROOT, runOnce, SOURCE_DATE_EPOCH, type Build, type Measure } from "./sampler.ts";

/** What a clone holds that a build reads; node_modules is linked, as `npm install` left it. */
const PRODUCT = [".eleventy.ts", "package.json", "tsconfig.json", "lib", "layouts", "scripts", "examples"];

export interface DemoResult {
  cold: Measure;
  warm: Measure;
  /** The cold build's progress lines, and the total time it closed with. */
  progressLines: string[];
  closingSeconds?: number;
  weights: { name: string; total: number; js: number; html: number; css: number; budget: number; ok: boolean }[];
  /** `npm start`, warm cache: milliseconds from starting the server to the home page served. */
  firstPage: number[];
  newPhoto?: NewPhoto;
}

export interface NewPhoto {
  /** A 3000×2000 photo added to one post, and a body edit to another in the same save: ms until the other post's page shows the edit. */
  otherPage: number;
  /** ms until the photo's own post shows it as a <picture>. */
  photoPage: number;
}

/** A fresh copy of the product, with the demo as its practice. */
async function freshClone(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pp-bench-demo-"));
  for (const entry of PRODUCT)
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

export async function benchDemo(runs: number, keep: boolean): Promise<DemoResult> {
  const dir = await freshClone();
  const project = path.join(dir, "examples", "demo");
  const env: NodeJS.ProcessEnv = { ...process.env, PRACTICE_ROOT: project, PRACTICE_OUT: path.join(dir, "out"), SOURCE_DATE_EPOCH };
  delete env.PRACTICE_MODE;
  delete env.PATH_PREFIX;
  delete env.PRACTICE_CACHE;
  delete env.PRACTICE_CONTENT;
  const build: Build = { label: "demo", args: [process.execPath, "scripts/build.mjs"], env, out: path.join(dir, "out"), cwd: dir };
  try {
    const cold = await runOnce(build);
    const warm = await runOnce(build);
    const lines = cold.stdout.trimEnd().split("\n");
    const closing = /in ([\d.]+) s$/.exec(lines.at(-1) ?? "");
    const weights = [];
    for (const budget of BUDGETS) {
      const w = pageWeight(build.out, await readFile(path.join(build.out, budget.file), "utf8"), [...budget.strip]);
      weights.push({ name: budget.name, ...w, budget: budget.total, ok: w.total <= budget.total && w.js <= JS_BUDGET });
    }
    const firstPage: number[] = [];
    for (let r = 0; r < runs; r++) firstPage.push(await timeFirstPage(dir, project));
    const newPhoto = await measureNewPhoto(dir, project);
    return {
      cold,
      warm,
      progressLines: lines.slice(0, -1),
      closingSeconds: closing ? Number(closing[1]) : undefined,
      weights,
      firstPage,
      newPhoto,
    };
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/** `npm start` from nothing running to the home page served (the image cache and compiled files already warm). */
async function timeFirstPage(dir: string, project: string): Promise<number> {
  const started = performance.now();
  const session = await startPreview({
    root: dir,
    project,
    contentDir: path.join(project, "content"),
    out: path.join(dir, "out-preview"),
    sourceDateEpoch: Number(SOURCE_DATE_EPOCH),
  });
  try {
    for (;;) {
      const res = await fetch(`${session.url}/`).catch(() => undefined);
      if (res?.ok && (await res.text()).includes("<main")) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error(`npm start: no home page within 120 s:\n${session.log().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await session.close();
  }
}

/**
 * With the preview running: one save adds a new camera-sized photo to a post and a sentence
 * to another. The other post's page should not wait for the photo's encoding.
 */
async function measureNewPhoto(dir: string, project: string): Promise<NewPhoto> {
  const content = path.join(project, "content");
  const session = await startPreview({
    root: dir,
    project,
    contentDir: content,
    out: path.join(dir, "out-preview"),
    sourceDateEpoch: Number(SOURCE_DATE_EPOCH),
  });
  try {
    await session.ready(path.join(content, "_data", "practice.yaml"));
    const blog = path.join(content, "blog");
    const posts = (await readdir(blog)).filter((f) => f.endsWith(".md")).sort();
    const [withPhoto, other] = [posts[0]!, posts.at(-1)!];
    const keyOf = (name: string) => name.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "");
    await writeLargePhoto(path.join(blog, "bench-new-photo.jpg"), Date.now() & 0xffff);
    const token = `Newphoto${Date.now().toString(36)}`;
    const photoText = await readFile(path.join(blog, withPhoto), "utf8");
    const otherText = await readFile(path.join(blog, other), "utf8");
    const started = performance.now();
    await writeFile(path.join(blog, withPhoto), `${photoText}\n![A camera-sized test photo](./bench-new-photo.jpg)\n`);
    await writeFile(path.join(blog, other), `${otherText}\nOne more sentence, ${token}.\n`);
    const otherPage = session
      .waitForFile(`blog/${keyOf(other)}/index.html`, (html) => html.includes(token), 120_000)
      .then(() => performance.now() - started);
    const photoPage = session
      .waitForFile(`blog/${keyOf(withPhoto)}/index.html`, (html) => html.includes("A camera-sized test photo"), 120_000)
      .then(() => performance.now() - started);
    return { otherPage: await otherPage, photoPage: await photoPage };
  } finally {
    await session.close();
  }
}

export function reportDemo(d: DemoResult): void {
  const s = (x: number) => `${x.toFixed(2)} s`;
  console.log("\n== newcomer's first build (fresh copy of the product, demo practice, no .cache/)");
  console.log(
    `  cold build                    ${s(d.cold.seconds).padStart(8)}  ${d.cold.rssMb.toFixed(0)} MB   target <= 8 s   ${d.cold.seconds <= 8 ? "ok" : "OVER"}`,
  );
  console.log(
    `  its closing line says         ${d.closingSeconds === undefined ? "(no total)" : s(d.closingSeconds).padStart(8)}   target: the true total (within 0.5 s of the wall time, node start-up aside)   ${d.closingSeconds !== undefined && Math.abs(d.closingSeconds - d.cold.seconds) < 0.5 ? "ok" : "CHECK"}`,
  );
  console.log(`  progress lines printed        ${String(d.progressLines.length).padStart(8)}   target: a line for any step over ~2 s`);
  for (const line of d.progressLines) console.log(`    | ${line}`);
  console.log(`  warm build                    ${s(d.warm.seconds).padStart(8)}  ${d.warm.rssMb.toFixed(0)} MB`);
  const fp = median(d.firstPage) / 1000;
  console.log(`\n== preview (npm start on the demo, warm cache)`);
  console.log(
    `  first page served             ${s(fp).padStart(8)}   (median of ${d.firstPage.length}: ${d.firstPage.map((x) => (x / 1000).toFixed(2)).join(", ")})   target <= 3 s   ${fp <= 3 ? "ok" : "OVER"}`,
  );
  if (d.newPhoto) {
    const { otherPage, photoPage } = d.newPhoto;
    console.log(`  new 3000×2000 photo in one post, one save with an edit to another post:`);
    console.log(
      `    the other post rewritten    ${s(otherPage / 1000).padStart(8)}   target: not held up by the photo (<= 1 s body edit)   ${otherPage <= 1000 ? "ok" : "OVER"}`,
    );
    console.log(`    the photo's post shows it   ${s(photoPage / 1000).padStart(8)}`);
  }
  console.log("\n== page weight (demo site, gzip bytes of HTML + CSS + first-party JS; images and video left out)");
  for (const w of d.weights) {
    console.log(
      `  ${w.name.padEnd(36)} ${(w.total / 1024).toFixed(1).padStart(5)} KB (HTML ${(w.html / 1024).toFixed(1)}, CSS ${(w.css / 1024).toFixed(1)}, JS ${(w.js / 1024).toFixed(1)})  budget ${w.budget / 1024} KB, JS ${JS_BUDGET / 1024} KB  ${w.ok ? "ok" : "OVER"}`,
    );
  }
}
