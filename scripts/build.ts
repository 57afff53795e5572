// npm run build: the production site in _site/, or a list of every content problem.
import { build, reportFailure } from "../lib/build.ts";
import { projectRoot } from "../lib/project.ts";

const started = performance.now();
const result = await build({
  mode: process.env.PRACTICE_MODE === "preview" ? "preview" : "production",
  prefix: process.env.PATH_PREFIX,
  root: projectRoot(),
  contentDir: process.env.PRACTICE_CONTENT || undefined,
  out: process.env.PRACTICE_OUT || undefined,
});
if (!result.ok) {
  console.error(reportFailure(result));
  process.exit(1);
}
console.log(`Built ${result.files} files into ${result.out} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
