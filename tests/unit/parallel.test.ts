// Large sites are read on two threads (lib/content/parallel.ts): whatever the worker
// does must be exactly what this thread would have done.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { processFiles, type FileTask } from "../../lib/content/parallel.ts";
import { listMarkdown } from "../../lib/content/read.ts";
import { FOLDERS, type ContentKind } from "../../lib/content/paths.ts";
import { DEMO, ROOT } from "../helpers.ts";

test("files read by the worker give the same results as on the main thread", async () => {
  const tasks: FileTask[] = [];
  for (const kind of ["post", "page", "provider", "event", "alert"] as ContentKind[]) {
    for (const f of await listMarkdown(path.join(DEMO, "content", FOLDERS[kind]), ROOT))
      tasks.push({ kind, f, langs: ["en", "es"], defaultLang: "en", prefix: "/clinic" });
  }
  const many = Array.from({ length: 3 }, () => tasks).flat();
  const stats = { byWorker: 0 };
  const parallel = await processFiles(many, ROOT, { parallel: true, mainTakesPart: false, stats });
  const sequential = await processFiles(many, ROOT, { parallel: false });
  assert.equal(stats.byWorker, many.length, "the worker did every file");
  assert.equal(parallel.length, many.length);
  // Picture markers are random per thread (so content cannot forge one); everything else is the same.
  const unmarked = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/pp[0-9a-f]{24}/g, "MARKER")) as unknown;
  assert.deepEqual(unmarked(parallel), unmarked(sequential));
  // Bodies were rendered (with the prefix), problems and ids came through.
  const post = parallel.find((r) => "key" in r.id && r.id.key === "vaccine-questions-video")!;
  assert.match(post.rendered!.result.html, /data-third-party="youtube"/);
});
