// The worker half of lib/content/parallel.ts: takes batches from the shared counter
// until none are left and posts each batch's results back. Worker threads do not
// inherit tsx's loader hooks, so this plain module registers them first.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { processFile } = await import("./parallel.ts");
const { tasks, root, next, batch } = workerData;
for (let start = Atomics.add(next, 0, batch); start < tasks.length; start = Atomics.add(next, 0, batch)) {
  const results = [];
  for (let i = start; i < Math.min(start + batch, tasks.length); i++) results.push(processFile(tasks[i], root));
  parentPort.postMessage({ start, results });
}
parentPort.postMessage({ done: true });
