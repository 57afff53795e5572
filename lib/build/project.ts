// The practice's project: the folder holding its content/ and assets/ (and .cache/). It is
// the working directory, unless PRACTICE_ROOT names another one: the tests build the demo
// practice in examples/demo/ that way, whatever the repository's own content/ holds.
import path from "node:path";

export function projectRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PRACTICE_ROOT || process.cwd());
}
