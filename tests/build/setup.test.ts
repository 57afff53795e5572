// npm run setup on a fresh copy of the demo: another practice, English only, its own logo.
// The built site holds none of the demo's names, places or numbers; a second run changes
// nothing; a file staff changed is never replaced without --force; one option adds or
// drops a language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdtemp, readdir, readFile, writeFile, appendFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, reportFailure } from "../../lib/build/build.ts";
import { DEMO, ROOT } from "../helpers.ts";

const ANSWERS = `name: Riverside Family Medicine
phone: "(520) 555-0100"
afterHoursPhone: "(520) 555-0111"
email: front@riversidefm.example
url: https://www.riversidefm.example
timezone: America/Phoenix
languages: [en]
acceptingNewPatients: false
host: cloudflare-pages
noticeOfPrivacyPractices: https://www.riversidefm.example/notice.pdf
logo: ./our-logo.svg
locations:
  - name: Riverside clinic
    street: 12 Santa Cruz Lane
    city: Tucson
    region: AZ
    postalCode: "85701"
    hours: { weekdays: "07:30-12:00, 13:00-16:00", friday: "07:30-12:00" }
provider: { name: Ana López, credentials: DO, role: Family physician }
`;
/** What the demo is made of; none of it may reach another practice's site. */
const DEMO_WORDS = /Juniper|Alder Bend|555-0142|555-0199|juniperhillpeds|Okafor|Natarajan|Reyes|Cedar Crossing|Oregon|\bOR 973/;

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-setup-"));
  await cp(path.join(DEMO, "content"), path.join(dir, "content"), { recursive: true });
  await cp(path.join(DEMO, "assets"), path.join(dir, "assets"), { recursive: true });
  await writeFile(path.join(dir, "answers.yaml"), ANSWERS);
  await writeFile(
    path.join(dir, "our-logo.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#7a2e8f"/></svg>\n',
  );
  return dir;
}

function setup(dir: string, ...args: string[]) {
  return promisify(execFile)(process.execPath, ["scripts/run.mjs", "setup", ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      PRACTICE_ROOT: dir,
      PRACTICE_CONTENT: "",
      PRACTICE_CACHE: path.join(DEMO, ".cache"),
      SOURCE_DATE_EPOCH: String(Date.parse("2026-12-06T18:00:00Z") / 1000),
    },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const folder of ["content", "assets"]) {
    for (const f of await readdir(path.join(dir, folder), { recursive: true })) {
      const abs = path.join(dir, folder, f);
      if (f.includes(".")) out[`${folder}/${f}`] = await readFile(abs, "utf8").catch(() => "");
    }
  }
  return out;
}

test(
  "setup with an answers file makes another practice's site: none of the demo's names, places or numbers",
  { timeout: 180_000 },
  async () => {
    const dir = await project();
    const first = await setup(dir, "--answers", path.join(dir, "answers.yaml"));
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /No problems/);
    const yaml = await readFile(path.join(dir, "content/_data/practice.yaml"), "utf8");
    assert.match(yaml, /mapUrl: "https:\/\/www\.openstreetmap\.org\/search\?query=12%20Santa%20Cruz%20Lane%2C%20Tucson%2C%20AZ%2085701"/);
    assert.match(yaml, /logo: "\/assets\/logo\.svg"/);
    assert.ok(!existsSync(path.join(dir, "content/pages/faq.md")), "the demo's pages are gone");
    assert.deepEqual(await readdir(path.join(dir, "content/comments")), [], "no folder of a demo post's comments is left");
    assert.match(
      await readFile(path.join(dir, "content/pages/contact.md"), "utf8"),
      /\[\[phone\]\]/,
      "starter pages name the phone, never type it",
    );

    const out = path.join(dir, "_site");
    const result = await build({ root: dir, out, cacheDir: path.join(DEMO, ".cache") });
    assert.ok(result.ok, result.ok ? "" : reportFailure(result));
    const leaks: string[] = [];
    for (const f of await readdir(out, { recursive: true })) {
      if (!/\.(html|xml|json|ics|txt|webmanifest|svg|yml)$/.test(f) || f.startsWith("admin/decap")) continue;
      const text = await readFile(path.join(out, f), "utf8");
      const m = DEMO_WORDS.exec(text);
      if (m) leaks.push(`${f}: ${m[0]}`);
      // One language, no language-assistance page: the footer has no empty list item for it.
      if (/<li>\s*<\/li>/.test(text)) leaks.push(`${f}: an empty list item`);
    }
    assert.deepEqual(leaks, []);
    assert.match(await readFile(path.join(out, "contact/index.html"), "utf8"), /<a href="tel:5205550100">\(520\) 555-0100<\/a>/);
    assert.match(await readFile(path.join(out, "assets/logo.svg"), "utf8"), /#7a2e8f/);

    // Again with the same answers: nothing changes.
    const before = await snapshot(dir);
    assert.equal((await setup(dir, "--answers", path.join(dir, "answers.yaml"))).code, 0);
    assert.deepEqual(await snapshot(dir), before);

    // Staff's own words are never replaced without --force.
    await appendFile(path.join(dir, "content/pages/about.md"), "\nOur own words.\n");
    const refused = await setup(dir, "--answers", path.join(dir, "answers.yaml"));
    assert.equal(refused.code, 1);
    assert.match(refused.out, /setup would replace them:\n {2}content\/pages\/about\.md\nRun again with --force/);
    assert.match(await readFile(path.join(dir, "content/pages/about.md"), "utf8"), /Our own words/);
    assert.equal((await setup(dir, "--answers", path.join(dir, "answers.yaml"), "--force")).code, 0);
    assert.doesNotMatch(await readFile(path.join(dir, "content/pages/about.md"), "utf8"), /Our own words/);
  },
);

test("one option adds or drops a language; a dropped language's files are moved aside, never lost", { timeout: 120_000 }, async () => {
  const dir = await project();
  const dropped = await setup(dir, "--drop-language", "es");
  assert.equal(dropped.code, 0, dropped.out);
  assert.match(dropped.out, /moved content\/pages\/index\.es\.md to content\/_unused\/es\//);
  assert.ok(existsSync(path.join(dir, "content/_unused/es/pages/index.es.md")));
  const yaml = await readFile(path.join(dir, "content/_data/practice.yaml"), "utf8");
  assert.doesNotMatch(yaml, /^languages:/m);
  assert.doesNotMatch(yaml, /^\s+es: /m, "no Spanish text left in practice.yaml");
  assert.match(yaml, /^# /m, "comments kept");
  const added = await setup(dir, "--add-language", "es");
  assert.equal(added.code, 0, added.out);
  assert.match(await readFile(path.join(dir, "content/_data/practice.yaml"), "utf8"), /^languages: \[ en, es \]$/m);
  const wrong = await setup(dir, "--drop-language", "en");
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /"en" is the default language/);
});

test("answers that don't fit are refused, naming the field", async () => {
  const dir = await project();
  await writeFile(
    path.join(dir, "answers.yaml"),
    ANSWERS.replace('phone: "(520) 555-0100"', "phone: call us").replace("timezone: America/Phoenix", "timezone: Tucson"),
  );
  const r = await setup(dir, "--answers", path.join(dir, "answers.yaml"));
  assert.equal(r.code, 1);
  assert.match(r.out, /answers\.yaml: phone: expected a phone number such as \(555\) 555-0123/);
  assert.match(r.out, /answers\.yaml: timezone: expected a time zone such as America\/Chicago/);
  assert.ok(existsSync(path.join(dir, "content/pages/faq.md")), "nothing was written");
});
