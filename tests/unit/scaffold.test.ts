// The scaffold behind `npm run new`: made from the schema, and always valid.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scaffold, slugForTitle, SCAFFOLD_SCHEMAS, type Scaffold } from "../../lib/schema/scaffold.ts";
import { parseFrontMatter } from "../../lib/content/frontmatter.ts";
import { validate } from "../../lib/content/read.ts";
import { fieldsOf } from "../../lib/schema/introspect.ts";

const today = "2026-10-01";

function made(kind: keyof typeof SCAFFOLD_SCHEMAS, title: string, slug?: string): Scaffold {
  const r = scaffold(SCAFFOLD_SCHEMAS[kind], { title, today, slug });
  assert.ok(!("error" in r), JSON.stringify(r));
  return r;
}

function frontMatter(kind: keyof typeof SCAFFOLD_SCHEMAS, text: string): Record<string, unknown> {
  const parsed = parseFrontMatter("x.md", text);
  assert.ok(!("message" in parsed), JSON.stringify(parsed));
  const v = validate(SCAFFOLD_SCHEMAS[kind], "x.md", parsed.data);
  assert.ok(v.ok, JSON.stringify(v));
  return parsed.data;
}

for (const kind of Object.keys(SCAFFOLD_SCHEMAS) as (keyof typeof SCAFFOLD_SCHEMAS)[]) {
  test(`a new ${kind} validates, is a draft, and hints every optional field`, () => {
    const s = made(kind, "Flu shots are here");
    const data = frontMatter(kind, s.text);
    assert.equal(data.draft, true);
    const fields = fieldsOf(SCAFFOLD_SCHEMAS[kind]);
    for (const [name, field] of Object.entries(fields)) {
      if (field.safeParse(undefined).success && name !== "draft") {
        assert.ok(!(name in data), `${name} is optional and must stay commented out`);
        assert.match(s.text, new RegExp(`^# ${name}: .+  # .+$`, "m"), `no hint line for ${name}`);
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
  assert.deepEqual([made("page", "Sports physicals").path, made("page", "Sports physicals").url], ["pages/sports-physicals.md", "/sports-physicals/"]);
  const p = made("provider", "Dr. José Núñez");
  assert.deepEqual([p.path, p.url, p.slug], ["providers/jose-nunez.md", "/providers/jose-nunez/", "jose-nunez"]);
  assert.equal(frontMatter("provider", p.text).name, "Dr. José Núñez");
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
  assert.match((scaffold(SCAFFOLD_SCHEMAS.post, { title: "Ok", today, slug: "Not A Slug" }) as { error: string }).error, /--slug: expected/);
  assert.equal(made("post", "?!", "custom-slug").path, "blog/2026-10-01-custom-slug.md");
});
