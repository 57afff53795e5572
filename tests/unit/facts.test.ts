// Practice facts in Markdown ([[phone]]): a fixed list of names, values escaped, an
// unknown name or a fact the practice lacks named with its line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "../../lib/markdown/index.ts";
import { fillFacts } from "../../lib/content/facts.ts";
import type { Practice } from "../../lib/schema/practice.ts";
import type { Resolved } from "../../lib/content/localize.ts";

const practice = {
  name: "Riverside & Sons <Clinic>",
  phone: "(520) 555-0100",
  email: "front@riverside.example",
  locations: [
    { key: "main", address: { street: "12 Santa Cruz Lane", city: "Tucson", region: "AZ", postalCode: "85701", country: "US" } },
    { key: "east", address: { street: "9 Speedway Blvd", city: "Tucson", region: "AZ", postalCode: "85710", country: "US" } },
  ],
} as unknown as Resolved<Practice>;

function fill(source: string, p = practice) {
  const r = renderMarkdown(source, {});
  const filled = fillFacts(r.html, r.facts, p);
  return { html: filled.html.trim(), problems: [...r.problems, ...filled.problems] };
}

test("each fact shows practice.yaml's value, escaped; phones and email are links except inside a link", () => {
  assert.deepEqual(fill("Call [[phone]] or write to [[email]]."), {
    html: '<p>Call <a href="tel:5205550100">(520) 555-0100</a> or write to <a href="mailto:front@riverside.example">front@riverside.example</a>.</p>',
    problems: [],
  });
  assert.equal(fill("Welcome to [[name]]").html, "<p>Welcome to Riverside &amp; Sons &lt;Clinic&gt;</p>");
  assert.equal(fill("[[address]] and [[ address : east ]]").html, "<p>12 Santa Cruz Lane, Tucson, AZ 85701 and 9 Speedway Blvd, Tucson, AZ 85710</p>");
  assert.equal(fill("[Call [[phone]] now](/contact/)").html, '<p><a href="/contact/">Call (520) 555-0100 now</a></p>');
});

test("code stays code: a fact in backticks or a code block is shown as typed", () => {
  assert.equal(fill("`[[phone]]`").html, "<p><code>[[phone]]</code></p>");
  assert.equal(fill("    [[phone]]").html, "<pre><code>[[phone]]\n</code></pre>");
});

test("an unknown fact, or one the practice lacks, is named with its line; nothing is evaluated", () => {
  const { problems } = fill("First line\n\nCall [[fax]] or\n[[phone:east]] or [[after-hours-phone]]\nat [[address:north]] {{ 7*7 }} [[constructor]] [[toString]]");
  assert.deepEqual(problems, [
    "line 3: [[fax]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]]",
    "line 4: [[phone:east]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]]",
    "line 5: [[constructor]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]]",
    "line 5: [[toString]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]]",
    "line 4: [[after-hours-phone]]: practice.yaml has no afterHours.phone to show",
    'line 5: [[address:north]]: practice.yaml has no location with the key "north" (known: main, east)',
  ]);
});
