// npm run build: runs scripts/build.ts, compiled ahead of time (scripts/compiled.mjs).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compiled } from "./compiled.mjs";

const dir = await compiled();
// Eleventy registers an ES module loader hook on Node 20 (a thread of its own that every
// later import then passes through) so that --watch re-imports JavaScript templates that
// changed; a one-off build has none to re-import. Its documented switch (11ty/eleventy#3371)
// turns the hook off; it must be set before Eleventy's modules load, i.e. before the bundle.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
const { main } = await import(pathToFileURL(path.join(dir, "build.mjs")).href);
// The content worker (lib/content/parallel.ts) starts from its compiled copy too.
await main({ contentWorker: pathToFileURL(path.join(dir, "parallel-run.mjs")) });
