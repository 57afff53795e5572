// A hostile content/_data/redirects.txt (a proxy for the whole site, a page sent elsewhere, an
// unmarked redirect to another site) stops both `npm run check` and the build, each line named;
// a redirect to another site marked `external` is published without the marker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildInto, makeContent, read, runCheck, DEMO } from "../helpers.ts";

const check = (contentDir: string) => runCheck(contentDir);

test("a hostile redirects.txt is refused line by line; a marked external redirect is published", async () => {
  const hostile = [
    "# Looks like housekeeping",
    "/*  https://evil.example/:splat  200!",
    "/privacy/  /blog/  301",
    "/contact-us/  https://evil.example/contact  301",
    "/  /blog/  302",
    "",
  ].join("\n");
  const dir = await makeContent({ "_data/redirects.txt": hostile });
  const file = path.relative(DEMO, path.join(dir, "_data/redirects.txt")).split(path.sep).join("/");
  const expected = [
    `${file}:2: a 200 rule is not allowed: it makes the host serve another server's page (or another address's) under this site's address, so parents would see someone else's content as the practice's; use 301 (moved for good) or 302 (moved for now), which send the visitor to the new address`,
    `${file}:3: the old address /privacy/ is a page of this site: a redirect from it would take parents away from the page (some hosts apply redirects before pages), so remove the line or give the old address of a page that is gone`,
    `${file}:4: the new address https://evil.example/contact is on another site; a redirect to another site must be intended, so say so by ending the line with the word external: "/contact-us/  https://evil.example/contact  301  external"`,
    `${file}:5: the old address / is a page of this site: a redirect from it would take parents away from the page (some hosts apply redirects before pages), so remove the line or give the old address of a page that is gone`,
  ];
  const { result } = await buildInto({ contentDir: dir });
  assert.ok(!result.ok && result.problems, result.ok ? "built" : result.error);
  assert.deepEqual(
    result.problems.map((p) => `${p.file}: ${p.message}`),
    expected,
  );
  const checked = await check(dir);
  assert.equal(checked.code, 1, checked.stderr);
  for (const line of expected) assert.ok(checked.stderr.includes(line), `npm run check is missing:\n${line}\nin:\n${checked.stderr}`);

  await writeFile(
    path.join(dir, "_data/redirects.txt"),
    "/portal/  https://portal.example.com/login  302  external\n/old-privacy/  /privacy/  301\n",
  );
  assert.equal((await check(dir)).code, 0);
  const { out, result: ok } = await buildInto({ contentDir: dir });
  assert.ok(ok.ok, ok.ok ? "" : ok.error);
  assert.equal(await read(out, "_redirects"), "/portal/  https://portal.example.com/login  302\n/old-privacy/  /privacy/  301\n");
});
