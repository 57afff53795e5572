// `npm run new` end to end: the real script writes into a content folder, and the new
// file builds (shown in preview with its draft banner, left out of production).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildInto, makeContent, read, runCheck, DEMO, ROOT } from "../helpers.ts";

const run = promisify(execFile);
// 2026-09-22 03:30 UTC is still 2026-09-21 in the demo practice's zone (America/Los_Angeles).
const EPOCH = "1790047800";

async function newFile(contentDir: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, ["scripts/run.mjs", "new", ...args], {
      cwd: ROOT,
      env: { ...process.env, PRACTICE_ROOT: DEMO, PRACTICE_CONTENT: contentDir, SOURCE_DATE_EPOCH: EPOCH },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("npm run new writes a draft post that builds, and never overwrites", async () => {
  const dir = await makeContent({});
  const r = await newFile(dir, "post", "Flu shots are here");
  assert.equal(r.code, 0, r.stderr);
  const file = path.join(dir, "blog/2026-09-21-flu-shots-are-here.md");
  assert.ok(existsSync(file), r.stdout);
  assert.match(r.stdout, new RegExp(`Created ${path.relative(DEMO, file).replaceAll(".", "\\.")}`));
  assert.match(r.stdout, /Preview: http:\/\/localhost:8080\/blog\/flu-shots-are-here\//);
  const text = await readFile(file, "utf8");
  assert.match(text, /^date: "2026-09-21"$/m, "today's date in the practice's zone, not UTC");

  const again = await newFile(dir, "post", "Flu shots are here");
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /already exists; nothing was changed/);
  assert.equal(await readFile(file, "utf8"), text);

  const preview = await buildInto({ contentDir: dir, mode: "preview", sourceDateEpoch: Number(EPOCH) });
  assert.ok(preview.result.ok, JSON.stringify(preview.result));
  const html = await read(preview.out, "blog/flu-shots-are-here/index.html");
  assert.match(html, /<h1>Flu shots are here<\/h1>/);
  assert.match(html, /Draft — not published/);

  const prod = await buildInto({ contentDir: dir, sourceDateEpoch: Number(EPOCH) });
  assert.ok(prod.result.ok, JSON.stringify(prod.result));
  assert.ok(!existsSync(path.join(prod.out, "blog/flu-shots-are-here")), "drafts stay out of production");
});

test("npm run new makes pages and providers that build, and refuses a taken address", async () => {
  const dir = await makeContent({
    "blog/2024-01-01-flu-shots-are-here.md":
      '---\ntitle: Old\ndate: "2024-01-01"\ndescription: An older post that already has this address.\n---\nx\n',
  });
  const page = await newFile(dir, "page", "Sports physicals");
  assert.equal(page.code, 0, page.stderr);
  assert.match(page.stdout, /Preview: http:\/\/localhost:8080\/sports-physicals\//);
  const provider = await newFile(dir, "provider", "Dr. Jane Doe");
  assert.equal(provider.code, 0, provider.stderr);
  assert.match(provider.stdout, /providers\/jane-doe\.md/);
  const clash = await newFile(dir, "post", "Flu shots are here");
  assert.notEqual(clash.code, 0);
  assert.match(clash.stderr, /2024-01-01-flu-shots-are-here\.md already uses the address/);
  const unknown = await newFile(dir, "recipe", "Soup");
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /"recipe" is not a kind of content this site has \(post, page, provider, event, alert\)/);

  const { out, result } = await buildInto({ contentDir: dir, mode: "preview", sourceDateEpoch: Number(EPOCH) });
  assert.ok(result.ok, JSON.stringify(result));
  assert.match(await read(out, "sports-physicals/index.html"), /<h1>Sports physicals<\/h1>/);
  // Credentials start empty in the draft: none are invented for a real person.
  const bio = await read(out, "providers/jane-doe/index.html");
  assert.match(bio, /<h1>Dr\. Jane Doe<\/h1>/, "no comma left dangling before the empty credentials");
  assert.doesNotMatch(bio, /MD, FAAP|Jane Doe, /);
});

const check = (contentDir: string) => runCheck(contentDir, { SOURCE_DATE_EPOCH: EPOCH });

test("npm run new makes events and alerts; a new alert shows in preview only, until draft: true is removed", async () => {
  const dir = await makeContent({});
  const event = await newFile(dir, "event", "Flu shot clinic");
  assert.equal(event.code, 0, event.stderr);
  assert.match(event.stdout, /Created .*events\/flu-shot-clinic\.md/);
  const alert = await newFile(dir, "alert", "Closed today for snow");
  assert.equal(alert.code, 0, alert.stderr);
  const file = path.join(dir, "alerts/closed-today-for-snow.md");
  assert.match(await readFile(file, "utf8"), /^---\ndraft: true\nmessage: "Closed today for snow"\n/);

  const preview = await buildInto({ contentDir: dir, mode: "preview", sourceDateEpoch: Number(EPOCH) });
  assert.ok(preview.result.ok, JSON.stringify(preview.result));
  assert.match(await read(preview.out, "index.html"), /Closed today for snow/);
  const prod = await buildInto({ contentDir: dir, sourceDateEpoch: Number(EPOCH) });
  assert.ok(prod.result.ok, JSON.stringify(prod.result));
  assert.doesNotMatch(await read(prod.out, "index.html"), /Closed today for snow/, "a draft alert stays off the site");
});

test("a new post whose summary lost its closing quote is refused by npm run check, naming the line (it used to publish the draft)", async () => {
  const dir = await makeContent({});
  assert.equal((await newFile(dir, "post", "Flu shots are here")).code, 0);
  const file = path.join(dir, "blog/2026-09-21-flu-shots-are-here.md");
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replace(/^description: .*$/m, 'description: "Walk-in flu shots every Saturday in October.'));
  const r = await check(dir);
  assert.equal(r.code, 1, r.stdout);
  const rel = path.relative(DEMO, file);
  assert.equal(
    r.stderr,
    `Check failed: 1 problem in the content.\n${rel}:5: the quote that starts the description in "description: \\"Walk-in flu shots every Saturday in October." is never closed; add " at the end of the line\n`,
  );

  // Written, with draft: true removed and the body still as it was made: refused too.
  const written = text
    .replace("draft: true\n", "")
    .replace(/^description: .*$/m, 'description: "Walk-in flu shots every Saturday in October."');
  await writeFile(file, written);
  const placeholder = await check(dir);
  assert.equal(placeholder.code, 1);
  // The line the scaffold's placeholder text is on (the scaffold grows as the schema does).
  const line = written.split("\n").findIndex((l) => l.startsWith("Write the text here")) + 1;
  assert.ok(line > 5);
  assert.match(placeholder.stderr, new RegExp(`${rel.replaceAll(".", "\\.")}:${line}: body: still has the text npm run new put there`));
});
