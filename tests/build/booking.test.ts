// practice.yaml `booking`: a "Book a visit" link beside "Call" at the top of every page when
// the practice sets one, none when it doesn't, and a hostile address refused by name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { reportFailure } from "../../lib/build/build.ts";
import { buildInto, htmlFiles, makeContent, post, read } from "../helpers.ts";

const ok = { date: "2024-03-01", description: "A perfectly ordinary summary of this post for parents." };
const BOOKING_RE = /^booking:\n(?:[ ].*\n)+/m;

/** A content folder with the demo's practice.yaml, its booking block replaced by `booking` (YAML, or "" for none). */
async function contentWith(booking: string): Promise<string> {
  const dir = await makeContent({ "blog/a.md": post({ ...ok, title: "A post" }), "blog/a.es.md": post({ ...ok, title: "Una entrada" }) });
  const file = path.join(dir, "_data/practice.yaml");
  const yaml = await readFile(file, "utf8");
  assert.match(yaml, BOOKING_RE, "the demo's practice.yaml sets booking");
  await writeFile(file, yaml.replace(BOOKING_RE, booking));
  return dir;
}

/** Every public page's header actions, in order: [class, href, rel, text]. */
async function headerActions(out: string): Promise<Map<string, string[][]>> {
  const pages = new Map<string, string[][]>();
  for (const file of await htmlFiles(out)) {
    const doc = parse(await read(out, file));
    const header = doc.querySelector("header.masthead");
    if (!header) continue;
    pages.set(
      file,
      header
        .querySelectorAll(".masthead__inner > a.button")
        .map((a) => [
          a.classList.contains("button--book") ? "book" : "call",
          a.getAttribute("href") ?? "",
          a.getAttribute("rel") ?? "",
          a.text.trim(),
        ]),
    );
  }
  return pages;
}

test("a booking link set in practice.yaml stands beside Call on every page, per language, as a plain link", async () => {
  const dir = await contentWith(
    "booking:\n  url:\n    en: https://book.example.org/juniper\n    es: https://book.example.org/juniper?lang=es\n",
  );
  const { out, result } = await buildInto({ contentDir: dir });
  assert.ok(result.ok, JSON.stringify(result));
  const pages = await headerActions(out);
  assert.ok(pages.size >= 20, `${pages.size} pages with the header`);
  assert.ok([...pages.keys()].some((f) => f.startsWith("es/")) && pages.has("index.html") && pages.has("blog/a/index.html"));
  for (const [file, actions] of pages) {
    const es = file.startsWith("es/");
    assert.deepEqual(
      actions.map(([kind]) => kind),
      ["call", "book"],
      `${file}: Call, then Book a visit`,
    );
    assert.deepEqual(
      actions[1],
      [
        "book",
        es ? "https://book.example.org/juniper?lang=es" : "https://book.example.org/juniper",
        "noopener",
        es ? "Pida una cita" : "Book a visit",
      ],
      file,
    );
  }
  // Nothing is fetched from the booking site: it appears only as an href.
  const home = await read(out, "index.html");
  assert.equal(home.match(/book\.example\.org/g)?.length, 1);
  // The privacy page names the other company's site, in each language.
  for (const [file, link, sentence] of [
    ["privacy/index.html", "https://book.example.org/juniper", /Booking a visit online happens on book\.example\.org, a separate service/],
    [
      "es/privacy/index.html",
      "https://book.example.org/juniper?lang=es",
      /Las citas en línea se piden en book\.example\.org, un servicio aparte/,
    ],
  ] as const) {
    const facts = parse(await read(out, file)).querySelector('[data-facts="booking"]');
    assert.ok(facts, `${file}: no sentence about the booking site`);
    assert.equal(facts.querySelector("a")?.getAttribute("href"), link, file);
    assert.match(facts.text, sentence, file);
  }
});

test("a booking page of this site gets the host's path prefix and its own label; without booking, Call stands alone", async () => {
  const local = await contentWith('booking:\n  url: /new-patients/\n  label:\n    en: "Request a visit"\n    es: "Pida una visita"\n');
  const { out, result } = await buildInto({ contentDir: local, prefix: "/clinic" });
  assert.ok(result.ok, JSON.stringify(result));
  for (const [file, actions] of await headerActions(out)) {
    assert.deepEqual(
      actions[1],
      ["book", "/clinic/new-patients/", "", file.startsWith("es/") ? "Pida una visita" : "Request a visit"],
      file,
    );
  }

  const none = await buildInto({ contentDir: await contentWith("") });
  assert.ok(none.result.ok, JSON.stringify(none.result));
  const pages = await headerActions(none.out);
  assert.ok(pages.size >= 20);
  for (const [file, actions] of pages)
    assert.deepEqual(
      actions.map(([kind]) => kind),
      ["call"],
      file,
    );
  assert.doesNotMatch(await read(none.out, "index.html"), /button--book|masthead--book/);
  // A page of this site, or no booking at all: no other company to name on the privacy page.
  for (const out2 of [out, none.out]) assert.doesNotMatch(await read(out2, "privacy/index.html"), /data-facts="booking"/);
});

test("a hostile booking address stops the build with one clear message naming the field, and writes nothing", async () => {
  for (const [yaml, field, message] of [
    [
      "booking:\n  url: javascript:alert(document.cookie)\n",
      "booking.url",
      /"javascript:" links are not allowed here; write a web address starting with https:\/\/ or a page of this site such as \/appointments\//,
    ],
    ['booking:\n  url: " JaVaScRiPt:alert(1)"\n', "booking.url", /"javascript:" links are not allowed here/],
    [
      "booking:\n  url:\n    en: https://book.example.org/\n    es: data:text/html,<script>alert(1)</script>\n",
      "booking.url.es",
      /"data:" links are not allowed here/,
    ],
    ["booking:\n  url: //evil.example/book\n", "booking.url", /links starting with "\/\/" are not allowed here/],
  ] as const) {
    const { out, result } = await buildInto({ contentDir: await contentWith(yaml) });
    assert.equal(result.ok, false, yaml);
    const failed = result;
    const problems = (failed.problems ?? []).filter((p) => p.file.endsWith("practice.yaml"));
    assert.deepEqual(
      problems.map((p) => p.field),
      [field],
      yaml,
    );
    assert.match(problems[0]!.message, message, yaml);
    assert.match(reportFailure(failed), new RegExp(`practice\\.yaml(:\\d+)?: ${field.replace(/\./g, "\\.")}: `), yaml);
    await assert.rejects(readFile(path.join(out, "index.html")), "nothing half-written");
  }
});

test("a booking address typed without https:// is the one problem reported: pages using practice facts don't fail too", async () => {
  // While practice.yaml has a problem the build reads a stand-in, whose facts ([[phone]],
  // [[hours-today]]) would otherwise be reported missing on every page that uses them.
  const dir = await makeContent({}, { withDemo: true });
  const file = path.join(dir, "_data/practice.yaml");
  await writeFile(file, (await readFile(file, "utf8")).replace(BOOKING_RE, "booking:\n  url: www.mychart.example/book\n"));
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  assert.deepEqual(
    (result.problems ?? []).map((p) => `${path.basename(p.file)}: ${p.field}`),
    ["practice.yaml: booking.url"],
  );
});
