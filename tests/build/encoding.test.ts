// A real build with hostile text in a post body, titles, tags and events: every feed,
// sitemap and calendar file it writes still parses in its own format.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import ICAL from "ical.js";
import { XMLValidator } from "fast-xml-parser";
import { buildInto, makeContent, post, read } from "../helpers.ts";

const NOW = Date.parse("2026-11-20T18:00:00Z") / 1000;
const TITLE = 'Fever & "chills" <3 ]]> ; , \\ 👩‍⚕️🤒 عيادة الأطفال';
const EVENT_TITLE = `Flu; shots, BEGIN:VEVENT \\ 👩‍⚕️ عيادة الأطفال ${"long ".repeat(15)}end`;

/** XML 1.0 as strictly as the spec (fast-xml-parser's validator lets control characters through). */
function assertXml(xml: string, label: string) {
  assert.equal(XMLValidator.validate(xml), true, label);
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, `${label}: a character outside XML 1.0`);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  assert.doesNotMatch(outsideCdata, /="[^"]*</, `${label}: "<" inside an attribute value`);
  assert.doesNotMatch(outsideCdata.replace(/="[^"]*"/g, '=""'), /\]\]>/, `${label}: "]]>" in text outside a CDATA section`);
}

test("feeds, sitemaps and calendars stay valid with hostile text in posts and events", async () => {
  const body = `Text with a \u0001 control, a \u000b vertical tab, ]]> twice ]]> and \ufffe.\n\n${"A long paragraph. ".repeat(50)}\n`;
  const events = {
    "events/2026-12-05-hostile.md": post({
      title: EVENT_TITLE,
      start: "2026-12-05T09:00",
      end: "2026-12-05T13:00",
      location: "main",
      description: `${EVENT_TITLE}; bring a card, or two \\ END:VCALENDAR`,
    }),
    "events/2026-12-06-all-day.md": post({
      title: `${TITLE} day`,
      start: "2026-12-06",
      end: "2026-12-06",
      description: "An all-day event with a long enough summary.",
    }),
  };
  const dir = await makeContent({
    "blog/2026-10-01-hostile.md": post(
      { title: TITLE, date: "2026-10-01", description: `${TITLE}: a summary long enough.`, tags: ["<3 & kids", "flu"] },
      body,
    ),
    ...events,
  });
  const { out, result } = await buildInto({ contentDir: dir, sourceDateEpoch: NOW });
  assert.ok(result.ok, JSON.stringify(result));
  const files = (await readdir(out, { recursive: true })).map(String);

  const xmls = files.filter((f) => /(^|\/)(feed|sitemap[^/]*)\.xml$/.test(f));
  assert.ok(xmls.includes("feed.xml") && xmls.includes("sitemap.xml"), xmls.join(", "));
  for (const f of xmls) assertXml(await read(out, f), f);
  assert.match(await read(out, "feed.xml"), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  assert.match(await read(out, "sitemap.xml"), /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);

  const feed = JSON.parse(await read(out, "feed.json")) as {
    version: string;
    language: string;
    items: { title: string }[];
    authors: unknown;
  };
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.language, "en-US");
  assert.equal(feed.items[0]?.title, TITLE);
  assert.ok(Array.isArray(feed.authors));

  const icsFiles = files.filter((f) => f.endsWith(".ics"));
  assert.ok(icsFiles.includes("events.ics"), icsFiles.join(", "));
  for (const f of icsFiles) {
    const text = await read(out, f);
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `${f}: line over 75 octets`);
    const cal = ICAL.Component.fromString(text);
    assert.equal(cal.getFirstPropertyValue("version"), "2.0");
    const vevents = cal.getAllSubcomponents("vevent");
    // The subscribable calendars (one per language) hold every event; each event's own file, one.
    assert.equal(vevents.length, /(^|\/)events\.ics$/.test(f) ? Object.keys(events).length : 1, f);
    if (f === "events.ics") {
      const summaries = vevents.map((e) => String(e.getFirstPropertyValue("summary"))).sort();
      assert.deepEqual(summaries, [EVENT_TITLE, `${TITLE} day`].sort());
      const hostile = vevents.find((e) => e.getFirstPropertyValue("summary") === EVENT_TITLE)!;
      assert.equal(hostile.getFirstPropertyValue("description"), `${EVENT_TITLE}; bring a card, or two \\ END:VCALENDAR`);
    }
  }
});
