// npm run build: runs scripts/build.ts, compiled ahead of time.
//
// Under tsx every module a build loads (a few hundred, Eleventy's included) passes
// through tsx's loader hooks, which costs about a third of a second per build
// (measured: importing the build takes 0.80 s under tsx, 0.47 s compiled). So the
// build's TypeScript is bundled once with esbuild (the compiler tsx itself uses),
// packages left as imports, into .cache/compiled/, keyed by a hash of the sources; the
// next build with the same sources starts from that file. `npm start` and the other
// scripts still run the TypeScript through tsx.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = path.join(ROOT, "scripts", "build.ts");
const SOURCES = [".eleventy.ts", "scripts/build.ts", "scripts/build.mjs", "tsconfig.json", "package.json", "lib", "layouts"];

function sourceFiles() {
  const files = [];
  const walk = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(path.join(rel, name));
    } else if (/\.(ts|tsx|mjs|js|json)$/.test(rel)) files.push(rel);
  };
  SOURCES.forEach(walk);
  return files;
}

function bundleKey() {
  const hash = createHash("sha256").update(process.version);
  for (const rel of sourceFiles())
    hash
      .update(`${rel}\0`)
      .update(readFileSync(path.join(ROOT, rel)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

// A bundled module sits in .cache/compiled/, but `import.meta.url` in the sources means
// "where this source file is" (e.g. to find lib/i18n/es.yaml or the worker script).
const keepImportMetaUrl = {
  name: "keep-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx)$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      };
    });
  },
};

async function compiled() {
  // Inside the project, so the bundles' package imports resolve from node_modules/.
  const base = path.join(ROOT, ".cache", "compiled");
  const dir = path.join(base, bundleKey());
  if (!existsSync(path.join(dir, "build.mjs"))) {
    // Seconds on a slow machine, once per change of the sources: say so rather than sit silent.
    console.log("Preparing the build (once after an install or update)…");
    const { build } = await import("esbuild");
    mkdirSync(base, { recursive: true });
    const temp = `${dir}.${process.pid}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    await build({
      entryPoints: { build: ENTRY, "parallel-run": path.join(ROOT, "lib", "content", "parallel-run.ts") },
      outdir: temp,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      jsx: "automatic",
      jsxImportSource: "jsx-async-runtime",
      logLevel: "warning",
      plugins: [keepImportMetaUrl],
    });
    // Whole or not at all: a build running beside this one never loads a half-written bundle.
    try {
      renameSync(temp, dir);
    } catch (err) {
      rmSync(temp, { recursive: true, force: true });
      if (!existsSync(path.join(dir, "build.mjs"))) throw err;
    }
    for (const old of readdirSync(base))
      if (path.join(base, old) !== dir && !old.endsWith(".tmp")) rmSync(path.join(base, old), { recursive: true, force: true });
  }
  return dir;
}

const dir = await compiled();
// Eleventy registers an ES module loader hook on Node 20 (a thread of its own that every
// later import then passes through) so that --watch re-imports JavaScript templates that
// changed; a one-off build has none to re-import. Its documented switch (11ty/eleventy#3371)
// turns the hook off; it must be set before Eleventy's modules load, i.e. before the bundle.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
const { main } = await import(pathToFileURL(path.join(dir, "build.mjs")).href);
// The content worker (lib/content/parallel.ts) starts from its compiled copy too.
await main({ contentWorker: pathToFileURL(path.join(dir, "parallel-run.mjs")) });
