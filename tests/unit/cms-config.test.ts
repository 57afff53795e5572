// The web editor's config.yml is generated from the content schemas: every field, its
// widget and required flag, the languages, and a YAML file that parses back.
import { test } from "node:test";
import assert from "node:assert/strict";
import YAML from "yaml";
import { cmsConfig, cmsConfigYaml, CMS_COLLECTIONS, PRACTICE_FIELDS, type DecapField } from "../../lib/cms/config.ts";
import { fieldsOf } from "../../lib/schema/introspect.ts";

const practice = {
  name: "Juniper Hill Pediatrics",
  url: "https://www.example.org",
  language: "en",
  languages: ["en", "es"],
  locations: [{ key: "main" }, { key: "north" }],
};
const config = cmsConfig({ practice, backend: { name: "github", repo: "owner/site" }, localBackend: true });
const collections = config.collections as {
  name: string;
  folder?: string;
  fields?: DecapField[];
  files?: { fields: DecapField[]; file: string }[];
  i18n?: boolean;
  slug?: string;
}[];
const byName = (n: string) => collections.find((c) => c.name === n)!;
const field = (c: string, f: string) => byName(c).fields!.find((x) => x.name === f)!;

test("one collection per kind of content, each with every schema field plus the body", () => {
  for (const c of CMS_COLLECTIONS) {
    const col = byName(c.name);
    assert.equal(col.folder, `content/${c.folder}`);
    assert.equal(col.i18n, true);
    const names = col.fields!.map((f) => f.name);
    assert.deepEqual(names, [...Object.keys(fieldsOf(c.schema)), "body"], c.name);
    for (const [name, schema] of Object.entries(fieldsOf(c.schema))) {
      assert.equal(field(c.name, name).required, !schema.safeParse(undefined).success, `${c.name}.${name} required`);
    }
  }
});

test("widgets follow the schema metadata", () => {
  const w = (c: string, f: string) => field(c, f).widget;
  assert.equal(w("posts", "title"), "string");
  // One line: a summary's line break would be refused (it is written into feeds, calendars and meta tags), so the editor offers no Enter.
  assert.equal(w("posts", "description"), "string");
  assert.equal(w("posts", "tags"), "list");
  assert.equal(w("posts", "author"), "relation");
  assert.equal(field("posts", "author").collection, "providers");
  assert.equal(w("posts", "image"), "image");
  assert.equal(w("posts", "draft"), "boolean");
  assert.deepEqual(field("posts", "comments").options, ["open", "closed", "off"]);
  assert.equal(w("pages", "nav"), "number");
  assert.equal(field("pages", "nav").value_type, "int");
  assert.equal(field("pages", "blocks").multiple, true);
  assert.deepEqual(field("events", "location").options, ["main", "north"]);
  assert.equal(w("posts", "body"), "markdown");
  // Raw Markdown only: Decap's rich-text view escapes typed Markdown ("\\## What to bring").
  assert.deepEqual(field("posts", "body").modes, ["raw"]);
  for (const c of CMS_COLLECTIONS) assert.deepEqual(field(c.name, "body").modes, ["raw"], c.name);
});

test("posts and events are listed newest first, each with its date", () => {
  const posts = byName("posts") as unknown as { summary: string; sortable_fields: unknown[] };
  assert.equal(posts.summary, "{{date}} · {{title}}");
  assert.deepEqual(posts.sortable_fields, [{ field: "date", label: "Publish date", default_sort: "desc" }, "title"]);
  const events = byName("events") as unknown as { summary: string; sortable_fields: unknown[] };
  assert.equal(events.summary, "{{start}} · {{title}}");
  assert.deepEqual(events.sortable_fields, [{ field: "start", label: "Starts", default_sort: "desc" }, "title"]);
  // Every sort field and summary field is a field of the schema the file is checked against.
  for (const c of CMS_COLLECTIONS) if ("dated" in c) assert.ok(c.dated in fieldsOf(c.schema), c.name);
  assert.equal((byName("pages") as { sortable_fields?: unknown }).sortable_fields, undefined, "pages keep Decap's order");
});

test("dates are local strings: no UTC picker, the date or date-time form the schema accepts", () => {
  for (const [c, f, format] of [
    ["posts", "date", "YYYY-MM-DDTHH:mm"],
    ["posts", "reviewed", "YYYY-MM-DD"],
    ["events", "start", "YYYY-MM-DDTHH:mm"],
    ["alerts", "until", "YYYY-MM-DDTHH:mm"],
  ] as const) {
    assert.equal(field(c, f).widget, "datetime");
    assert.equal(field(c, f).format, format, `${c}.${f}`);
    assert.equal(field(c, f).picker_utc, false);
  }
  const closures = byName("practice").files![0]!.fields.find((f) => f.name === "closures")!;
  const from = (closures.fields as DecapField[]).find((f) => f.name === "from")!;
  assert.equal(from.format, "YYYY-MM-DD", "closures take a date only");
});

test("patterns carry over: regexes, URLs and length limits", () => {
  assert.deepEqual(field("posts", "author").pattern, undefined, "a relation needs none");
  const link = field("alerts", "link").pattern as [string, string];
  assert.ok(new RegExp(link[0]).test("/hours-locations/") && !new RegExp(link[0]).test("hours"));
  const title = field("posts", "title").pattern as [string, string];
  assert.ok(new RegExp(title[0]).test("x".repeat(140)) && !new RegExp(title[0]).test("x".repeat(141)));
  const reg = field("events", "registration").pattern as [string, string];
  assert.ok(new RegExp(reg[0]).test("https://example.org/signup") && !new RegExp(reg[0]).test("example"));
});

test("i18n: multiple files in the site's languages; text translated, the rest copied", () => {
  assert.deepEqual(config.i18n, { structure: "multiple_files", locales: ["en", "es"], default_locale: "en" });
  assert.equal(field("posts", "title").i18n, true);
  assert.equal(field("posts", "body").i18n, true);
  assert.equal(field("posts", "date").i18n, "duplicate");
  const single = cmsConfig({ practice: { ...practice, languages: ["en"] } });
  assert.equal(single.i18n, undefined);
  assert.equal((single.collections as { i18n?: boolean }[])[0]!.i18n, undefined);
});

test("media, backend and the practice file collection", () => {
  assert.equal(config.media_folder, "assets/uploads");
  assert.equal(config.public_folder, "/assets/uploads");
  assert.deepEqual(config.backend, { branch: "main", name: "github", repo: "owner/site" });
  assert.equal(config.local_backend, true);
  const file = byName("practice").files![0]!;
  assert.equal(file.file, "content/_data/practice.yaml");
  assert.deepEqual(
    file.fields.map((f) => f.name),
    [...PRACTICE_FIELDS],
  );
  const np = file.fields.find((f) => f.name === "newPatients")!;
  const note = (np.fields as DecapField[]).find((f) => f.name === "note")!;
  assert.deepEqual(
    (note.fields as DecapField[]).map((f) => [f.name, f.required]),
    [
      ["en", true],
      ["es", false],
    ],
    "per-language text: one box per language",
  );
});

test("the generated YAML parses back to the same config", () => {
  const text = cmsConfigYaml({ practice, backend: { name: "git-gateway" }, localBackend: "http://127.0.0.1:9999/api/v1" });
  const parsed = YAML.parse(text) as { local_backend: unknown };
  assert.deepEqual(
    parsed,
    JSON.parse(JSON.stringify(cmsConfig({ practice, backend: { name: "git-gateway" }, localBackend: "http://127.0.0.1:9999/api/v1" }))),
  );
  assert.deepEqual(parsed.local_backend, { url: "http://127.0.0.1:9999/api/v1" });
});
