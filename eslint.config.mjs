// ESLint for the product's code (npm run lint; docs/developers/tests.md, "Code style").
//
// The linters are test tools: they live in tests/package.json, so a practice's
// `npm install` stays small. This file sits at the root (where editors look for it) and
// loads them from tests/node_modules. typescript-eslint reads types through TypeScript's
// JavaScript API, which the root's TypeScript 7 (the native compiler) does not have, so
// tests/package.json also holds a TypeScript 6 for it; `npm run typecheck` stays on 7.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const fromTests = createRequire(new URL("./tests/package.json", import.meta.url));
const load = async (name) => {
  const mod = await import(pathToFileURL(fromTests.resolve(name)).href);
  return mod.default ?? mod;
};
const js = await load("@eslint/js");
const tseslint = await load("typescript-eslint");
const globals = await load("globals");

export default tseslint.config(
  {
    // Built output, caches, other packages, and content: content is data that staff write,
    // and test fixtures are deliberately odd input.
    ignores: [
      "**/node_modules/**",
      "_site/**",
      "_site.*/**",
      "_preview/**",
      ".cache/**",
      ".bench-tmp/**",
      "screenshots/**",
      "content/**",
      "examples/**",
      "tests/fixtures/**",
    ],
  },
  js.configs.recommended,
  // Type-aware: floating and misused promises, awaiting non-promises, and `any` leaking
  // through (the no-unsafe-* rules), besides the syntactic recommended set.
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits
      // (a top-level test is never awaited by the file), so they are not floating.
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] }] },
      ],
      // Matching control characters is the point of the sanitisers and encoders
      // (lib/markdown/url-policy.ts, lib/outputs/encode.ts, lib/schema/fields.ts ...).
      "no-control-regex": "off",
      // Two literal spaces in a pattern mirror the indentation of the output a test expects;
      // " {2}" would read worse.
      "no-regex-spaces": "off",
      // `_` marks a parameter or binding kept for its position (a callback's signature).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain JavaScript: the browser scripts, and the few .mjs entry points that must run
    // without tsx. tsc does not check them (no checkJs), so their values are untyped and the
    // type-aware rules would only report that; the recommended JavaScript rules still apply.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Sent to the browser as ES modules (hours-core.js is also imported at build time).
    files: ["lib/public/js/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
);
