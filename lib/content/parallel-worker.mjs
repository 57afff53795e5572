// Starts lib/content/parallel-run.ts in a worker thread. Worker threads do not inherit
// tsx's loader hooks, so this plain module registers them first. (`npm run build` runs
// a copy compiled ahead instead: see PRACTICE_CONTENT_WORKER in parallel.ts.)
import { register } from "tsx/esm/api";

register();
await import("./parallel-run.ts");
