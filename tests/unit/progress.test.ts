// A cold build is never a long silence: a step says nothing for two seconds, then a line
// every two seconds with its count, and closes with its time. Timers are Node's mock timers.
import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { countedStep, createProgress } from "../../lib/build/progress.ts";

function harness() {
  mock.timers.enable({ apis: ["setTimeout"] });
  let now = 0;
  const lines: string[] = [];
  const progress = createProgress((l) => lines.push(l), { after: 2000, every: 2000, now: () => now });
  const wait = (ms: number) => {
    for (let left = ms; left > 0; left -= 100) {
      now += Math.min(100, left);
      mock.timers.tick(Math.min(100, left));
    }
  };
  return { progress, lines, wait, [Symbol.dispose]: () => mock.timers.reset() };
}

test("a step that ends within two seconds prints nothing", () => {
  using h = harness();
  const step = h.progress.step("Indexing the site for search");
  h.wait(1900);
  step.end();
  h.wait(5000);
  assert.deepEqual(h.lines, []);
});

test("a long step says so after two seconds, then its time", () => {
  using h = harness();
  const step = h.progress.step("Indexing the site for search");
  h.wait(2000);
  h.wait(2000);
  h.wait(1500);
  step.end();
  h.wait(4000);
  assert.deepEqual(h.lines, ["Indexing the site for search…", "Indexing the site for search: done in 5.5 s"]);
});

test("photos requested in a burst count as one step: (done of total), closed when the last is done", () => {
  using h = harness();
  const photos = countedStep(h.progress, "Encoding photos");
  const finish = Array.from({ length: 14 }, () => photos.start());
  finish.slice(0, 3).forEach((f) => f());
  h.wait(2000);
  finish.slice(3, 9).forEach((f) => f());
  h.wait(2000);
  finish.slice(9).forEach((f) => f());
  h.wait(3000);
  assert.deepEqual(h.lines, ["Encoding photos (3 of 14)…", "Encoding photos (9 of 14)…", "Encoding photos: done in 4.0 s"]);
  // A photo added later starts a new count.
  const late = photos.start();
  h.wait(2500);
  late();
  h.wait(1000);
  assert.deepEqual(h.lines.slice(3), ["Encoding photos (0 of 1)…", "Encoding photos: done in 2.5 s"]);
});

test("photos encoded one after another share one count; the same line is not repeated every two seconds", () => {
  using h = harness();
  const photos = countedStep(h.progress, "Encoding photos");
  let finish = photos.start();
  h.wait(12000);
  finish();
  finish = photos.start(); // the next page's photo, right after
  h.wait(3000);
  finish();
  h.wait(1000);
  assert.deepEqual(h.lines, [
    "Encoding photos (0 of 1)…",
    "Encoding photos (0 of 1)…",
    "Encoding photos (1 of 2)…",
    "Encoding photos: done in 15.0 s",
  ]);
});

test("without a place to print, counting costs nothing and says nothing", () => {
  const photos = countedStep(undefined, "Encoding photos");
  assert.doesNotThrow(() => photos.start()());
});
