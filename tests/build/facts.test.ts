// Practice facts in Markdown: a new phone number in practice.yaml reaches every page that
// names [[phone]]; an unknown fact stops the build with the file and line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { reportFailure } from "../../lib/build/build.ts";
import { buildInto, makeContent, post, read, DEMO } from "../helpers.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };

test("a phone number changed in practice.yaml reaches the posts that name [[phone]]", async () => {
  const dir = await makeContent({
    "blog/2024-03-01-call.md": post({ ...ok, title: "Call us" }, "Call [[phone]] or visit us at [[address:north]]."),
  });
  const yaml = path.join(dir, "_data/practice.yaml");
  await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^phone: .*$/m, 'phone: "(520) 555-0100"'));
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, result.ok ? "" : reportFailure(result));
  const html = await read(out, "blog/call/index.html");
  assert.match(
    html,
    /Call <a href="tel:5205550100">\(520\) 555-0100<\/a> or visit us at 415 Cedar Crossing Way, Suite 200, Alder Bend, OR 97303\./,
  );
  assert.doesNotMatch(html, /\[\[|pp[0-9a-f]{24}fact/);
});

test("an unknown fact stops the build, naming the file and line", async () => {
  const dir = await makeContent({ "blog/2024-03-01-fax.md": post({ ...ok, title: "Fax" }, "Intro.\n\nFax us at [[fax]].") });
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const report = reportFailure(result);
  assert.ok(
    report.includes(
      `${path.relative(DEMO, path.join(dir, "blog/2024-03-01-fax.md"))}: body: line 8: [[fax]] is not a practice fact; use one of [[name]], [[phone]]`,
    ),
    report,
  );
});
