// npm test's first step after the type check: the commands compiled (scripts/compiled.mjs) and
// the shared production build of the demo (or, under npm run verify, the practice's own site)
// that most build and browser test files read. Built
// here once, before the files start in parallel, so none waits for another's build and the
// demo's images are encoded once rather than by several builds at the same time.
import { buildInto, SITE_ROOT } from "../tests/helpers.ts";
import { compiled } from "./compiled.mjs";

if (!process.env.PP_TEST_RUN) throw new Error("test-prebuild: PP_TEST_RUN is not set (run it through scripts/test.sh)");
// The commands the tests run as processes (npm run check, new ...), compiled now, so that
// none of them compiles while others wait, and none prints "Preparing the commands".
await compiled();
const { result } = await buildInto({ root: SITE_ROOT });
if (!result.ok) {
  console.error(`npm test: the demo does not build: ${JSON.stringify(result)}`);
  process.exit(1);
}
