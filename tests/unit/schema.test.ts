import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { postSchema, pageSchema, providerSchema } from "../../lib/schema/content.ts";
import { practiceSchema } from "../../lib/schema/practice.ts";
import { validate } from "../../lib/content/read.ts";
import { parseYaml } from "../../lib/content/frontmatter.ts";
import { parseFrontMatter } from "../../lib/content/frontmatter.ts";
import { DEMO, ROOT } from "../helpers.ts";

const goodPost = { title: "Flu shots are here", date: "2026-10-01", description: "Walk-in flu shots every Saturday in October." };

function messages(schema: Parameters<typeof validate>[0], data: unknown): string[] {
  const r = validate(schema, "content/blog/x.md", data);
  return r.ok ? [] : r.problems.map((p) => `${p.field ?? ""}: ${p.message}`);
}

test("a minimal post is valid, and every optional field may be empty", () => {
  assert.deepEqual(messages(postSchema, goodPost), []);
  assert.deepEqual(messages(postSchema, { ...goodPost, tags: ["flu"], author: "maya-okafor", comments: "closed", draft: true }), []);
});

const badPosts: [string, Record<string, unknown>, string][] = [
  ["impossible date", { ...goodPost, date: "2024-02-30" }, 'date: February 2024 has only 29 days; check the day, got "2024-02-30"'],
  ["date with words", { ...goodPost, date: "next Tuesday" }, 'date: expected YYYY-MM-DD or ISO date-time, got "next Tuesday"'],
  ["date as a number", { ...goodPost, date: 2024 }, "date: expected YYYY-MM-DD or ISO date-time, got 2024"],
  ["hour 25", { ...goodPost, date: "2024-03-01T25:00" }, 'date: expected YYYY-MM-DD or ISO date-time, got "2024-03-01T25:00"'],
  ["missing title", { date: "2024-01-01", description: goodPost.description }, "title: is required"],
  ["typo in a field name", { ...goodPost, desciption: "x" }, 'desciption: unknown field; did you mean "description"?'],
  ["bad comments value", { ...goodPost, comments: "maybe" }, 'comments: expected one of open, closed, off, got "maybe"'],
  ["tag too long", { ...goodPost, tags: ["x".repeat(300)] }, "tags[0]: has 300 characters; at most 40 fit, so shorten it by 260"],
  ["tags given as text", { ...goodPost, tags: "flu shots" }, "tags: write the tags as a list: [flu shots]"],
  ["too many tags", { ...goodPost, tags: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] }, "tags: has 9 items; at most 8 fit"],
  ["author not a slug", { ...goodPost, author: "Dr. Okafor" }, 'author: expected a slug such as jane-doe, got "Dr. Okafor"'],
  ["empty title", { ...goodPost, title: "  " }, "title: is empty; write it after the colon"],
  ["title left empty", { ...goodPost, title: null }, "title: is empty; write it after the colon"],
  [
    "title read as a number",
    { ...goodPost, title: 2026 },
    'title: is read as a number; to keep it as text, put it in double quotes: "2026"',
  ],
  [
    "summary too short",
    { ...goodPost, description: "Sixteen chars ok" },
    "description: has 16 characters; it needs at least 20, so add a few words",
  ],
  [
    "date typed the American way",
    { ...goodPost, date: "12/05/2026" },
    'date: dates are written year-month-day: write "2026-12-05" for December 5, 2026, not "12/05/2026"',
  ],
  [
    "half an emoji in the title",
    { ...goodPost, title: "Flu \ud83d shots" },
    "title: contains a broken character (half of an emoji or symbol); retype the text",
  ],
];

for (const [name, data, expected] of badPosts) {
  test(`post with ${name} is rejected with one clear message`, () => {
    assert.deepEqual(messages(postSchema, data), [expected]);
  });
}

test("pages and providers validate their own fields", () => {
  assert.deepEqual(messages(pageSchema, { title: "FAQ", description: "Answers to common questions from parents.", nav: 3 }), []);
  assert.ok(
    messages(pageSchema, { title: "FAQ", description: "Answers to common questions from parents.", blocks: ["weather"] })[0]?.startsWith(
      "blocks[0]: expected one of hours",
    ),
  );
  assert.deepEqual(messages(providerSchema, { name: "Dr. A", credentials: "MD", role: "Pediatrician" }), []);
  assert.deepEqual(messages(providerSchema, { name: "Dr. A", role: "Pediatrician" }), ["credentials: is required"]);
});

test("the demo practice.yaml is valid; broken practice data names the nested field", async () => {
  const data = parseYaml(await readFile(path.join(DEMO, "content/_data/practice.yaml"), "utf8")) as Record<string, unknown>;
  assert.deepEqual(messages(practiceSchema, data), []);
  const locations = structuredClone(data.locations) as { hours: Record<string, unknown> }[];
  locations[0]!.hours.monday = ["17:00-08:00"];
  const bad = { ...data, timezone: "Mars/Olympus", locations, phnoe: "1" };
  const got = messages(practiceSchema, bad);
  assert.ok(got.includes('timezone: expected an IANA time zone such as America/Chicago, got "Mars/Olympus"'), got.join("\n"));
  assert.ok(got.includes('locations[0].hours.monday[0]: closing time must be after opening time, got "17:00-08:00"'), got.join("\n"));
  assert.ok(got.includes('phnoe: unknown field; did you mean "phone"?'), got.join("\n"));
});

test("an X account names its four secrets, never their values; a value where a name belongs is refused without repeating it", async () => {
  const data = parseYaml(await readFile(path.join(DEMO, "content/_data/practice.yaml"), "utf8")) as Record<string, unknown>;
  const x = {
    network: "x",
    account: "@juniperhillpeds",
    apiKey: "X_API_KEY",
    apiSecret: "X_API_SECRET",
    accessToken: "X_ACCESS_TOKEN",
    accessSecret: "X_ACCESS_SECRET",
  };
  assert.deepEqual(messages(practiceSchema, { ...data, announce: { accounts: [x] } }), []);
  const pasted = "1234567890-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd";
  const got = messages(practiceSchema, { ...data, announce: { accounts: [{ ...x, accessSecret: pasted }] } });
  assert.equal(got.length, 1, got.join("\n"));
  assert.match(
    got[0]!,
    /^announce\.accounts\[0\]\.accessSecret: expected the name of a CI secret in capitals, such as X_ACCESS_SECRET; never write the token itself/,
  );
  assert.ok(!got[0]!.includes(pasted), "the pasted secret is not repeated in the build log");
  // The OAuth 2.0 setup's single token is gone: each of the four is asked for by name.
  const old = messages(practiceSchema, {
    ...data,
    announce: { accounts: [{ network: "x", account: "@juniperhillpeds", token: "X_ACCESS_TOKEN" }] },
  });
  for (const field of ["apiKey", "apiSecret", "accessToken", "accessSecret"])
    assert.ok(
      old.some((m) => m.startsWith(`announce.accounts[0].${field}:`)),
      old.join("\n"),
    );
});

test("front matter keeps dates as written (no YAML timestamp coercion)", () => {
  const parsed = parseFrontMatter("x.md", "---\ndate: 2024-02-30\nwhen: 2024-03-01T10:00\n---\nBody");
  assert.ok(!("message" in parsed));
  assert.equal(parsed.data.date, "2024-02-30");
  assert.equal(parsed.data.when, "2024-03-01T10:00");
});

test("malformed YAML is reported with its line, quoted, and what to do", () => {
  const parsed = parseFrontMatter("content/blog/x.md", '---\ntitle: "open\ndate: 2024-01-01\n---\n');
  assert.ok("message" in parsed);
  assert.deepEqual(parsed, {
    file: "content/blog/x.md",
    line: 2,
    message: 'the quote that starts the title in "title: \\"open" is never closed; add " at the end of the line',
  });
});

test("the staff guides document every field of every content schema", async () => {
  const { fieldsOf } = await import("../../lib/schema/introspect.ts");
  const guides = await Promise.all(
    ["docs/staff/writing.md", "docs/staff/practice-yaml.md"].map((f) => readFile(path.join(ROOT, f), "utf8")),
  );
  const text = guides.join("\n");
  for (const schema of [postSchema, pageSchema, providerSchema, practiceSchema]) {
    for (const field of Object.keys(fieldsOf(schema)))
      assert.match(text, new RegExp("`" + field + "[`.]"), `docs/staff/writing.md or practice-yaml.md does not mention ${field}`);
  }
});
