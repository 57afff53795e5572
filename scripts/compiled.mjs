// The commands' TypeScript, compiled ahead of time: `npm run build` (scripts/build.mjs) and
// the staff and operator commands (`npm run check`, `new`, `setup`, `announce`, ...: through
// scripts/run.mjs) start from one esbuild bundle rather than through tsx.
//
// Under tsx every module a command loads (a few hundred, Eleventy's included) passes
// through tsx's loader hooks, which costs about a third of a second per start (measured:
// importing the build takes 0.80 s under tsx, 0.47 s compiled; `npm run check` on the demo
// 0.75 s against 0.45 s). So the commands are bundled once with esbuild (the compiler tsx
// itself uses), packages left as imports, into .cache/compiled/, keyed by a hash of the
// sources; the next start with the same sources loads those files. `npm start` (Eleventy
// loads its config through tsx) and the developer tools (bench, screenshots, audit) still run
// the TypeScript through tsx.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The compiled commands: scripts/<name>.ts each, and the content worker the build starts. */
export const COMMANDS = ["build", "check", "new", "setup", "announce", "comments-import", "import-wordpress", "ci"];
const SOURCES = [".eleventy.ts", "scripts", "tsconfig.json", "package.json", "lib", "layouts"];

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

/** The folder holding <command>.mjs for each of COMMANDS, and parallel-run.mjs; compiled when the sources changed. */
export async function compiled() {
  // Inside the project, so the bundles' package imports resolve from node_modules/.
  const base = path.join(ROOT, ".cache", "compiled");
  const dir = path.join(base, bundleKey());
  if (!existsSync(path.join(dir, "parallel-run.mjs"))) {
    // Seconds on a slow machine, once per change of the sources: say so rather than sit silent.
    console.log("Preparing the commands (once after an install or update)…");
    const { build } = await import("esbuild");
    mkdirSync(base, { recursive: true });
    const temp = `${dir}.${process.pid}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    await build({
      entryPoints: {
        ...Object.fromEntries(COMMANDS.map((name) => [name, path.join(ROOT, "scripts", `${name}.ts`)])),
        "parallel-run": path.join(ROOT, "lib", "content", "parallel-run.ts"),
      },
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
      if (!existsSync(path.join(dir, "parallel-run.mjs"))) throw err;
    }
    for (const old of readdirSync(base))
      if (path.join(base, old) !== dir && !old.endsWith(".tmp")) rmSync(path.join(base, old), { recursive: true, force: true });
  }
  return dir;
}
