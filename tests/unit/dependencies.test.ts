// The import graph follows the data flow in docs/developers/architecture.md:
// schema → content → model → layouts → outputs → build. Lower layers never import higher
// ones, layouts import no I/O, and nothing goes in circles. dependency-cruiser reads every
// import, `import type` included (a type import still ties two modules together), and
// resolves it the way TypeScript does. Its parser is the TypeScript 6 API in tests/package.json (shared with typescript-eslint):
// the project's own TypeScript 7 compiler has no JavaScript API to parse with.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type IRegularForbiddenRuleType, type ICruiseResult } from "dependency-cruiser";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const NODE_FS = "^(node:)?fs(/promises)?$";
const SHARP = "(^|/)node_modules/sharp/";

/** The rules, each with the reason a reader of a failure needs. */
export const RULES: IRegularForbiddenRuleType[] = [
  {
    name: "no-cycles",
    comment: "Modules import each other in a circle: move what both need into the lower of the two.",
    severity: "error",
    from: {},
    to: { circular: true },
  },
  {
    name: "layouts-render-only",
    comment:
      "Layouts render values the model gives them: no output writer, build step, content reading, file system or sharp. " +
      "Move a constant or a computation into lib/model (or compute it when the model is assembled).",
    severity: "error",
    from: { path: "^layouts/" },
    to: { path: ["^lib/(outputs|build|content|import|preview)/", "^\\.eleventy\\.ts$", NODE_FS, SHARP] },
  },
  {
    name: "layouts-do-no-date-arithmetic",
    comment:
      "Dates reach the layouts worked out (lib/model: closures, open status, event times); a view may name luxon's DateTime type, not call it.",
    severity: "error",
    from: { path: "^layouts/" },
    to: { path: "(^|/)node_modules/luxon/", dependencyTypesNot: ["type-only", "type-import"] },
  },
  {
    name: "model-is-the-bottom",
    comment:
      "The site model (lib/model) is what content builds and everything above reads: it imports no content reader, output, build step, view or file system.",
    severity: "error",
    from: { path: "^lib/model/" },
    to: { path: ["^lib/(content|outputs|build|import|preview|staff)/", "^layouts/", "^\\.eleventy\\.ts$", NODE_FS, SHARP] },
  },
  {
    name: "below-the-views",
    comment: "Schema, content, markdown, model and outputs are below the views: they never import a layout.",
    severity: "error",
    from: { path: "^lib/(schema|content|markdown|model|outputs|i18n)/" },
    to: { path: "^layouts/" },
  },
  {
    name: "outputs-below-build",
    comment: "An output format is model in, bytes out: it never imports the build's configuration, pipeline or session.",
    severity: "error",
    from: { path: "^lib/(schema|content|markdown|model|outputs)/" },
    to: { path: "^lib/build/(configure|build|session|project)\\.ts$" },
  },
  {
    name: "only-the-build-renders",
    comment: "Only the build layer (lib/build) hands routes to the layouts; the rest of lib/ never imports one.",
    severity: "error",
    from: { path: "^lib/", pathNot: "^lib/build/" },
    to: { path: "^layouts/" },
  },
  {
    name: "entry-is-a-leaf",
    comment: ".eleventy.ts is the entry point for `npm start`: nothing imports it.",
    severity: "error",
    from: {},
    to: { path: "^\\.eleventy\\.ts$" },
  },
  {
    name: "test-tools-stay-in-tests",
    comment: "tests/ (support tools included) serves tests and scripts only; the product never imports it.",
    severity: "error",
    from: { pathNot: "^(tests|scripts)/" },
    to: { path: "^tests/" },
  },
];

async function graph(): Promise<ICruiseResult> {
  const result = await cruise(
    [".eleventy.ts", "lib", "layouts", "scripts", "tests"],
    {
      baseDir: ROOT, // modules are named relative to the project: lib/model/model.ts
      validate: true,
      ruleSet: { forbidden: RULES },
      tsPreCompilationDeps: true,
      doNotFollow: { path: "node_modules" },
      // node_modules stays in the graph (not followed): rules name sharp and luxon there.
      exclude: { path: "^(tests/fixtures|_site)/" },
      tsConfig: { fileName: path.join(ROOT, "tsconfig.json") },
    },
    { extensions: [".ts", ".tsx", ".mjs", ".js"] },
    { tsConfig: { fileName: path.join(ROOT, "tsconfig.json") } },
  );
  return result.output as ICruiseResult;
}

const result = await graph();

test("dependency-cruiser read the whole code base with the TypeScript parser", () => {
  const sources = new Set(result.modules.map((m) => m.source));
  for (const file of ["lib/model/model.ts", "layouts/base.tsx", "lib/build/configure.ts", "scripts/build.ts", "tests/helpers.ts"]) {
    assert.ok(sources.has(file), `${file} was not read: is the TypeScript parser available to dependency-cruiser?`);
  }
  const base = result.modules.find((m) => m.source === "layouts/base.tsx")!;
  assert.ok(
    base.dependencies.some((d) => d.resolved === "lib/model/model.ts"),
    "layouts/base.tsx imports lib/model/model.ts (a type import) but the graph lacks it",
  );
});

test("every rule names modules that exist (a mistyped pattern would make a rule pass on anything)", () => {
  const sources = result.modules.map((m) => m.source);
  const patterns = (p: string | string[] | undefined) => (p === undefined ? [] : Array.isArray(p) ? p : [p]);
  for (const rule of RULES) {
    for (const pattern of [...patterns(rule.from.path), ...patterns(rule.to.path)]) {
      assert.ok(
        sources.some((s) => new RegExp(pattern).test(s)),
        `${rule.name}: no module matches ${pattern}`,
      );
    }
  }
});

for (const rule of RULES) {
  test(`${rule.name}: ${rule.comment}`, () => {
    const found = result.summary.violations.filter((v) => v.rule.name === rule.name);
    const lines = found.map((v) => (v.cycle?.length ? `${v.from} → ${v.cycle.map((c) => c.name).join(" → ")}` : `${v.from} → ${v.to}`));
    assert.ok(lines.length === 0, `${found.length} import(s) break "${rule.name}":\n  ${lines.join("\n  ")}`);
  });
}
