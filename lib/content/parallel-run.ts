// The worker half of lib/content/parallel.ts: takes batches from the shared counter
// until none are left and posts each batch's results back. Loaded through
// parallel-worker.mjs under tsx, or compiled ahead by scripts/build.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { processFile, type FileResult, type FileTask } from "./parallel.ts";

const { tasks, root, next, batch } = workerData as { tasks: FileTask[]; root: string; next: Int32Array; batch: number };
for (let start = Atomics.add(next, 0, batch); start < tasks.length; start = Atomics.add(next, 0, batch)) {
  const results: FileResult[] = [];
  for (let i = start; i < Math.min(start + batch, tasks.length); i++) results.push(processFile(tasks[i]!, root));
  parentPort!.postMessage({ start, results });
}
parentPort!.postMessage({ done: true });
