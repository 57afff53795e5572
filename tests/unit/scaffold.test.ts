// The scaffold behind `npm run new`: made from the schema, and always valid.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scaffold, slugForTitle, SCAFFOLD_SCHEMAS, type Scaffold } from "../../lib/schema/scaffold.ts";
import { parseFrontMatter } from "../../lib/content/frontmatter.ts";
import { parseMarkdownFile } from "../../lib/content/read.ts";
import { formatProblem } from "../../lib/content/problems.ts";
import { fieldsOf } from "../../lib/schema/introspect.ts";

const today = "2026-10-01";

function made(kind: keyof typeof SCAFFOLD_SCHEMAS, title: string, slug?: string): Scaffold {
  const r = scaffold(SCAFFOLD_SCHEMAS[kind], { title, today, slug });
  assert.ok(!("error" in r), JSON.stringify(r));
  return r;
}

/** The problems the build would report for a file's text, as staff see them. */
function problems(kind: keyof typeof SCAFFOLD_SCHEMAS, text: string): string[] {
  const r = parseMarkdownFile(SCAFFOLD_SCHEMAS[kind], { abs: "/nowhere/content/x/x.md", file: "x.md", name: "x.md", source: text });
  return r.ok ? [] : r.problems.map(formatProblem);
}

function frontMatter(kind: keyof typeof SCAFFOLD_SCHEMAS, text: string): Record<string, unknown> {
  const parsed = parseFrontMatter("x.md", text);
  assert.ok(!("message" in parsed), JSON.stringify(parsed));
  assert.deepEqual(problems(kind, text), []);
  return parsed.data;
}

for (const kind of Object.keys(SCAFFOLD_SCHEMAS) as (keyof typeof SCAFFOLD_SCHEMAS)[]) {
  test(`a new ${kind} validates, is a draft from its first field on, and hints every optional field`, () => {
    const s = made(kind, "Flu shots are here");
    const data = frontMatter(kind, s.text);
    assert.equal(data.draft, true);
    assert.equal(s.text.split("\n")[1], "draft: true", "draft comes first, where no unclosed quote above can swallow it");
    for (const line of s.text.split("\n").filter((l) => l.includes("#") && l.trim() !== "---")) {
      assert.doesNotMatch(line.slice(line.indexOf("#")), /["']/, `a quote in a comment can close a quote left open above it: ${line}`);
    }
    const fields = fieldsOf(SCAFFOLD_SCHEMAS[kind]);
    for (const [name, field] of Object.entries(fields)) {
      if (field.safeParse(undefined).success && name !== "draft") {
        assert.ok(!(name in data), `${name} is optional and must stay commented out`);
        assert.match(s.text, new RegExp(`^# ${name}: .*  # .+$`, "m"), `no hint line for ${name}`);
      } else assert.ok(name in data, `required ${name} is missing`);
    }
  });
}

test("post: dated file name, today's date, slug and address from the title", () => {
  const s = made("post", "Flu shots are here");
  assert.equal(s.path, "blog/2026-10-01-flu-shots-are-here.md");
  assert.equal(s.url, "/blog/flu-shots-are-here/");
  const data = frontMatter("post", s.text);
  assert.equal(data.title, "Flu shots are here");
  assert.equal(data.date, "2026-10-01");
  assert.match(s.text, /^date: "2026-10-01"$/m, "the date is quoted, as the README asks");
});

test("page and provider: their own folders and addresses; a provider's slug drops Dr.", () => {
  assert.deepEqual(
    [made("page", "Sports physicals").path, made("page", "Sports physicals").url],
    ["pages/sports-physicals.md", "/sports-physicals/"],
  );
  const p = made("provider", "Dr. José Núñez");
  assert.deepEqual([p.path, p.url, p.slug], ["providers/jose-nunez.md", "/providers/jose-nunez/", "jose-nunez"]);
  assert.equal(frontMatter("provider", p.text).name, "Dr. José Núñez");
});

test("a new provider's credentials and role start empty: an example left in would be published as a fact", () => {
  const text = made("provider", "Dr. Jane Doe").text;
  assert.match(text, /^# Credentials, for example MD, FAAP\ncredentials:$/m);
  assert.match(text, /^# Role, for example Pediatrician\nrole:$/m);
  assert.doesNotMatch(text, /^credentials: .+/m);
  assert.deepEqual(problems("provider", text.replace("draft: true\n", "")), [
    "x.md:4: credentials: is empty; write it after the colon",
    "x.md:6: role: is empty; write it after the colon",
    'x.md:14: body: still has the text npm run new put there ("Write the text here in Markdown. Start each section with ## and a heading."); write your own, or put draft: true back until it is ready',
  ]);
});

test("events and alerts can be started too, in their own folders", () => {
  const e = made("event", "Flu shot clinic");
  assert.deepEqual([e.path, e.kind], ["events/flu-shot-clinic.md", "event"]);
  assert.match(e.text, /^start: "2026-10-01"\nend: "2026-10-01"$/m);
  const a = made("alert", "Closed today for snow");
  assert.deepEqual([a.path, a.kind], ["alerts/closed-today-for-snow.md", "alert"]);
  assert.match(a.text, /^message: "Closed today for snow"$/m);
  assert.match(a.text, /^level: "info"$/m);
  assert.ok(a.text.endsWith("---\n"), "an alert's body is never shown, so it starts without one");
});

const undrafted: [keyof typeof SCAFFOLD_SCHEMAS, string[]][] = [
  [
    "post",
    [
      'x.md:4: description: still has the text npm run new put there ("One or two sentences; shown in lists and search results."); write your own, or put draft: true back until it is ready',
      'x.md:15: body: still has the text npm run new put there ("Write the text here in Markdown. Start each section with ## and a heading."); write your own, or put draft: true back until it is ready',
    ],
  ],
  [
    "page",
    [
      'x.md:3: description: still has the text npm run new put there ("One or two sentences; shown in search results."); write your own, or put draft: true back until it is ready',
      'x.md:13: body: still has the text npm run new put there ("Write the text here in Markdown. Start each section with ## and a heading."); write your own, or put draft: true back until it is ready',
    ],
  ],
  [
    "event",
    [
      'x.md:5: description: still has the text npm run new put there ("Write the summary here."); write your own, or put draft: true back until it is ready',
      'x.md:12: body: still has the text npm run new put there ("Write the text here in Markdown. Start each section with ## and a heading."); write your own, or put draft: true back until it is ready',
    ],
  ],
  ["alert", []],
];
for (const [kind, expected] of undrafted) {
  test(`a new ${kind} with draft: true removed and nothing written is refused, naming each placeholder`, () => {
    const text = made(kind, "Flu shots are here").text.replace("draft: true\n", "");
    assert.deepEqual(problems(kind, text), expected);
  });
}

test("a closing quote forgotten in a new post's summary no longer publishes the draft: the line is named", () => {
  const text = made("post", "Flu shots are here").text.replace(
    'description: "One or two sentences; shown in lists and search results."',
    'description: "Walk-in flu shots every Saturday in October.',
  );
  assert.deepEqual(problems("post", text), [
    'x.md:5: the quote that starts the description in "description: \\"Walk-in flu shots every Saturday in October." is never closed; add " at the end of the line',
  ]);
});

test("the draft written by an earlier npm run new (draft last, quotes in comments) is caught the same way", () => {
  const old = [
    "---",
    'title: "Flu shots are here"',
    'date: "2026-10-01"',
    'description: "Walk-in flu shots every Saturday.',
    "draft: true",
    '# Optional: to use one, delete the "# " at the start of its line and fill it in.',
    '# tags: ["flu", "vaccines"]  # Tags: A few short topics, e.g. vaccines, sleep.',
    "---",
    'Write the text here in Markdown. Start each section with a "## " heading.',
    "",
  ].join("\n");
  assert.deepEqual(problems("post", old), [
    'x.md:4: description: the quote that starts the description in "description: \\"Walk-in flu shots every Saturday." is not closed on that line, so the lines after it ("draft: true") became part of the description; add " at the end of line 4',
    'x.md:9: body: still has the text npm run new put there ("Write the text here in Markdown. Start each section with a \\"## \\" heading."); write your own, or put draft: true back until it is ready',
  ]);
});

const slugs: [string, string][] = [
  ["Flu shots are here", "flu-shots-are-here"],
  ["Crème brûlée & kids' teeth?!", "creme-brulee-and-kids-teeth"],
  ["  RSV: what's new in 2026  ", "rsv-whats-new-in-2026"],
  ["Ça va — “quotes”", "ca-va-quotes"],
];
for (const [title, slug] of slugs) test(`slug of ${JSON.stringify(title)} is ${slug}`, () => assert.equal(slugForTitle(title), slug));

test("a long title gets a slug cut at a word, at most 80 characters", () => {
  const slug = slugForTitle("word ".repeat(40));
  assert.ok(slug.length <= 80 && !slug.endsWith("-"), slug);
  assert.match(slug, /^word(-word)+$/);
});

test("titles with quotes, colons and hashes stay exactly as typed", () => {
  const title = `"Is it a cold?": colds #1 reason \\ for visits`;
  assert.equal(frontMatter("post", made("post", title).text).title, title);
});

test("no title, or a title without letters, is refused with a plain message", () => {
  assert.match((scaffold(SCAFFOLD_SCHEMAS.post, { title: " ", today }) as { error: string }).error, /give the new post a title/);
  assert.match((scaffold(SCAFFOLD_SCHEMAS.post, { title: "?!", today }) as { error: string }).error, /no letters or digits/);
  assert.match(
    (scaffold(SCAFFOLD_SCHEMAS.post, { title: "Ok", today, slug: "Not A Slug" }) as { error: string }).error,
    /--slug: expected/,
  );
  assert.equal(made("post", "?!", "custom-slug").path, "blog/2026-10-01-custom-slug.md");
});
