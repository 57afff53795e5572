// npm run check, new, setup, announce, comments:import, import:wordpress, ci: runs
// scripts/<command>.ts compiled ahead of time (scripts/compiled.mjs), as if the compiled
// file had been started itself: `node scripts/run.mjs check --x` is `node check.mjs --x`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { COMMANDS, compiled } from "./compiled.mjs";

const name = process.argv[2] ?? "";
if (!COMMANDS.includes(name) || name === "build") {
  console.error(`scripts/run.mjs: no command "${name}" (one of: ${COMMANDS.filter((c) => c !== "build").join(", ")})`);
  process.exit(2);
}
const file = path.join(await compiled(), `${name}.mjs`);
// The command reads its own arguments from process.argv.slice(2).
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);
