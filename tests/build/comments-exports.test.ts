// Comment exports in the shapes form services really give (Netlify Forms CSV, Formspree's
// JSON, a Google Forms response sheet as CSV) go through `npm run comments:import` into a
// copy of the demo, and the demo then builds on the first try: what cannot come in is
// listed with its reason, never written for the build to refuse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { buildInto, makeContent, read, DEMO, ROOT } from "../helpers.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/comments");

async function importComments(content: string, file: string): Promise<string> {
  const r = await promisify(execFile)(process.execPath, ["scripts/run.mjs", "comments-import", path.join(FIXTURES, file)], {
    cwd: ROOT,
    env: { ...process.env, PRACTICE_ROOT: DEMO, PRACTICE_CONTENT: content },
  });
  return r.stdout;
}

const newFiles = async (content: string, post: string, before: readonly string[]) =>
  (await readdir(path.join(content, "comments", post)).catch(() => [] as string[])).filter((f) => !before.includes(f));

/** The demo's post with its comments opened, as a practice taking comments on it would have it. */
const opened = async (file: string) =>
  (await readFile(path.join(DEMO, "content/blog", file), "utf8")).replace(/\n---\n/, "\ncomments: open\n---\n");

test("Netlify Forms CSV, Formspree JSON and Google Forms CSV exports import, and the site builds first time", async () => {
  // school-sports-physicals keeps the demo's default (practice.yaml: comments: "off"); welcome-priya-natarajan is closed.
  const open = ["2025-10-07-car-seat-basics.md", "2026-01-13-fever-when-to-call.md", "2025-03-18-newborn-first-week.md"];
  const content = await makeContent(
    Object.fromEntries(await Promise.all(open.map(async (f): Promise<[string, string]> => [`blog/${f}`, await opened(f)]))),
    { withDemo: true },
  );
  const sunBefore = await readdir(path.join(content, "comments/sun-safety"));
  const welcomeBefore = await readdir(path.join(content, "comments/welcome-priya-natarajan")).catch(() => [] as string[]);

  const netlify = await importComments(content, "netlify-forms.csv");
  assert.match(netlify, /^Read 4 submissions from .*netlify-forms\.csv\.\nWrote 2 comment files for review:/);
  assert.match(netlify, /Skipped as spam \(1\):\n  row 3: the hidden honeypot field was filled in/);
  // A post whose comments are off would never show it: listed, not written.
  assert.match(
    netlify,
    /Not imported: the post's comments are off or were closed \(1\):\n  row 4: comments are off on "school-sports-physicals" .*set comments: open or closed/,
  );
  assert.equal((await newFiles(content, "school-sports-physicals", [])).length, 0);
  // A closed post still shows its comments: written, and named for a look.
  assert.match(
    netlify,
    /Needs a look \(1\):\n  row 5: comments on "welcome-priya-natarajan" are closed \(comments: closed\): it is shown under the post all the same/,
  );
  assert.equal((await newFiles(content, "welcome-priya-natarajan", welcomeBefore)).length, 1);
  assert.equal((await newFiles(content, "sun-safety", sunBefore)).length, 1);

  const formspree = await importComments(content, "formspree.json");
  assert.match(
    formspree,
    /Wrote 1 comment file for review:\n  .*comments\/car-seat-basics\/2026-02-06-[0-9a-f]{8}\.md  \(entry 1, "Lena"\)/,
  );
  assert.match(
    formspree,
    /Could not import \(2\):\n  entry 2: reply-to "2026-01-01-deadbeef" is no comment on "car-seat-basics"\n  entry 3: no post "no-such-post" on this site/,
  );

  const google = await importComments(content, "google-forms.csv");
  assert.match(google, /Wrote 2 comment files for review:/);
  const [grace] = await newFiles(content, "fever-when-to-call", []);
  assert.match(
    await readFile(path.join(content, "comments/fever-when-to-call", grace!), "utf8"),
    /\nauthor: "Grace"\ndate: "2026-11-20T15:04:05-0[78]:00"\n---\nGood to know when to call at night\.\n$/,
  );
  const [aiko] = await newFiles(content, "newborn-first-week", []);
  assert.match(aiko!, /^2026-11-20-[0-9a-f]{8}\.md$/, "20/11/2026 can only be day first");

  // Nobody's email, IP address or browser is in any written file.
  for (const post of ["sun-safety", "welcome-priya-natarajan", "car-seat-basics", "fever-when-to-call", "newborn-first-week"]) {
    for (const f of await readdir(path.join(content, "comments", post))) {
      const text = await readFile(path.join(content, "comments", post, f), "utf8");
      assert.doesNotMatch(text, /@mail\.example|203\.0\.113|Mozilla|curl/, `${post}/${f}`);
    }
  }

  const { out, result } = await buildInto({ contentDir: content, sourceDateEpoch: 1790000000 });
  assert.ok(result.ok, result.ok ? "" : result.error);
  // Every comment written is shown: under open comments, and under closed ones.
  assert.match(await read(out, "blog/sun-safety/index.html"), /Thank you for the list, we packed it all\./);
  assert.match(await read(out, "blog/welcome-priya-natarajan/index.html"), /So glad to see Dr\. Natarajan here\./);
  assert.match(await read(out, "blog/car-seat-basics/index.html"), /Our car seat fits now, thanks to the video\./);
  assert.match(await read(out, "blog/fever-when-to-call/index.html"), /Good to know when to call at night\./);
});
