// Practice facts in Markdown ([[phone]]): a fixed list of names, values escaped, an
// unknown name or a fact the practice lacks named with its line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "../../lib/markdown/index.ts";
import { fillFacts } from "../../lib/content/facts.ts";
import type { Practice } from "../../lib/schema/practice.ts";
import type { Resolved } from "../../lib/content/localize.ts";
import { DateTime } from "luxon";

const practice = {
  name: "Riverside & Sons <Clinic>",
  phone: "(520) 555-0100",
  email: "front@riverside.example",
  timezone: "America/Phoenix",
  closures: [{ from: "2026-12-25", label: "Christmas" }],
  locations: [
    {
      key: "main",
      address: { street: "12 Santa Cruz Lane", city: "Tucson", region: "AZ", postalCode: "85701", country: "US" },
      hours: { monday: ["08:00-17:00"], tuesday: ["08:00-17:00"], friday: ["08:00-12:00"] },
    },
    {
      key: "east",
      address: { street: "9 Speedway Blvd", city: "Tucson", region: "AZ", postalCode: "85710", country: "US" },
      hours: { saturday: ["09:00-13:00"] },
    },
  ],
} as unknown as Resolved<Practice>;

// Monday 2026-12-07, 10:30 in Tucson.
const MONDAY = DateTime.fromISO("2026-12-07T10:30:00", { zone: "America/Phoenix" });

function fill(source: string, p = practice, now = MONDAY) {
  const r = renderMarkdown(source, {});
  const filled = fillFacts(r.html, r.facts, p, { now, lang: "en" });
  return { html: filled.html.trim(), problems: [...r.problems, ...filled.problems], live: filled.live };
}

test("each fact shows practice.yaml's value, escaped; phones and email are links except inside a link", () => {
  assert.deepEqual(fill("Call [[phone]] or write to [[email]]."), {
    html: '<p>Call <a href="tel:5205550100">(520) 555-0100</a> or write to <a href="mailto:front@riverside.example">front@riverside.example</a>.</p>',
    problems: [],
    live: false,
  });
  assert.equal(fill("Welcome to [[name]]").html, "<p>Welcome to Riverside &amp; Sons &lt;Clinic&gt;</p>");
  assert.equal(
    fill("[[address]] and [[ address : east ]]").html,
    "<p>12 Santa Cruz Lane, Tucson, AZ 85701 and 9 Speedway Blvd, Tucson, AZ 85710</p>",
  );
  assert.equal(fill("[Call [[phone]] now](/contact/)").html, '<p><a href="/contact/">Call (520) 555-0100 now</a></p>');
});

test("code stays code: a fact in backticks or a code block is shown as typed", () => {
  assert.equal(fill("`[[phone]]`").html, "<p><code>[[phone]]</code></p>");
  assert.equal(fill("    [[phone]]").html, `<pre tabindex="0" role="region" aria-label="Preformatted text"><code>[[phone]]\n</code></pre>`);
});

test("an unknown fact, or one the practice lacks, is named with its line; nothing is evaluated", () => {
  const { problems } = fill(
    "First line\n\nCall [[fax]] or\n[[phone:east]] or [[after-hours-phone]]\nat [[address:north]] {{ 7*7 }} [[constructor]] [[toString]] [[hours-today:west]]",
  );
  assert.deepEqual(problems, [
    "line 3: [[fax]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]], [[hours-today]]",
    "line 4: [[phone:east]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]], [[hours-today]]",
    "line 5: [[constructor]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]], [[hours-today]]",
    "line 5: [[toString]] is not a practice fact; use one of [[name]], [[phone]], [[after-hours-phone]], [[email]], [[address]], [[hours-today]]",
    "line 4: [[after-hours-phone]]: practice.yaml has no afterHours.phone to show",
    'line 5: [[address:north]]: practice.yaml has no location with the key "north" (known: main, east)',
    'line 5: [[hours-today:west]]: practice.yaml has no location with the key "west" (known: main, east)',
  ]);
});

test("[[hours-today]] says whether a location is open now, in the practice's zone, and marks the page for live.js", () => {
  const open = fill("We are [[hours-today]].");
  assert.equal(open.live, true);
  const m = /^<p>We are <span class="open-status is-open" data-open-status="([^"]*)">Open now · closes at 5:00 PM<\/span>\.<\/p>$/.exec(
    open.html,
  );
  assert.ok(m, open.html);
  // live.js recomputes from exactly this: the zone, the week and the closures, as data.
  const data = JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&")) as Record<string, unknown>;
  assert.deepEqual(
    [data.zone, data.locale, data.weekly, data.closures],
    ["America/Phoenix", "en-US", practice.locations[0]!.hours, [{ from: "2026-12-25", until: "2026-12-25", hours: [] }]],
  );
  // The east office opens Saturdays only; Monday evening in Tucson, the main one opens Tuesday.
  assert.match(fill("[[hours-today:east]]").html, />Closed · opens Saturday at 9:00 AM<\/span>/);
  assert.match(
    fill("[[hours-today]]", practice, MONDAY.set({ hour: 18 })).html,
    /class="open-status" [^>]*>Closed · opens tomorrow at 8:00 AM<\/span>/,
  );
  // Christmas is a closure: Friday's hours don't apply.
  assert.match(
    fill("[[hours-today]]", practice, DateTime.fromISO("2026-12-25T09:00:00", { zone: "America/Phoenix" })).html,
    />Closed · opens Monday at 8:00 AM<\/span>/,
  );
  // Inside a link it is text only, and nothing on the page needs refreshing.
  const linked = fill("[Today: [[hours-today]]](/hours/)");
  assert.deepEqual([linked.html, linked.live], ['<p><a href="/hours/">Today: Open now · closes at 5:00 PM</a></p>', false]);
});
