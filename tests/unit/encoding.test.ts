// Content is data, everywhere: text fields refuse what would break an output, messages
// quote little of what an author typed, and each writer (iCalendar, Atom, JSON Feed,
// sitemaps) encodes any text for its own format. The writers get Site-like objects
// directly, so the encoding is proven whatever the schema lets through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import ICAL from "ical.js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { calendarFile } from "../../lib/outputs/ics.ts";
import { atomFeed, jsonFeed } from "../../lib/outputs/feeds.ts";
import { sitemap, sitemapIndex } from "../../lib/outputs/sitemap.ts";
import { createUrls } from "../../lib/model/urls.ts";
import { quote } from "../../lib/content/problems.ts";
import { date, longText, text } from "../../lib/schema/fields.ts";
import { eventSchema, postSchema } from "../../lib/schema/content.ts";
import { practiceSchema } from "../../lib/schema/practice.ts";
import { validate } from "../../lib/content/read.ts";
import { parseYaml } from "../../lib/content/frontmatter.ts";
import type { Event, Post, Site } from "../../lib/model/model.ts";
import { DEMO } from "../helpers.ts";

// Everything that has broken an output at some point, in one string.
const HOSTILE =
  'Flu; shots, "today" \\ C:\\new\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT\nEND:VCALENDAR ' +
  "👩‍⚕️🤒 عيادة الأطفال مفتوحة <b>bold</b> & ]]> and ]]> again " +
  "a very long line ".repeat(20) +
  "\u0001\u0008\u000b\u000c\u001f\u007f end";

/** What a careful writer keeps of HOSTILE in plain text: no controls, line breaks as \n. */
const XML_DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function fakeSite(name: string, opts: { events?: Event[]; posts?: Post[] } = {}): Site {
  const urls = createUrls({ siteUrl: "https://www.example.org", defaultLang: "en" });
  const location = {
    key: "main",
    name: `Main ${name}`,
    address: { street: `1 ${name}`, city: "Portland", region: "OR", postalCode: "97201", country: "US" },
  };
  const practice = { name, description: `Care for ${name}`, url: "https://www.example.org", locations: [location] };
  const posts = opts.posts ?? [];
  return {
    practice,
    now: DateTime.fromISO("2026-11-20T15:00:00Z", { zone: "utc" }),
    defaultLang: "en",
    langs: ["en"],
    urls,
    prefix: "",
    byLang: { en: { practice, posts, upcoming: opts.events ?? [], past: [] } },
    alternates: new Map([
      [
        "/blog/",
        [
          { lang: "en", url: "/blog/" },
          { lang: 'es\u0001"<', url: "/es/blog/?a=1&b=2" },
        ],
      ],
    ]),
    routes: [
      { kind: "blog", url: "/blog/", lang: "en" },
      ...posts.map((post) => ({ kind: "post", url: post.url, lang: "en", post })),
      { kind: "sitemap", url: "/sitemap-en.xml?x=<\u0001>", lang: "en" },
    ],
  } as unknown as Site;
}

function fakeEvent(i: number, title: string, description: string): Event {
  const start = DateTime.fromISO(`2026-12-0${i + 1}T09:00`, { zone: "America/Los_Angeles" });
  return {
    kind: "event",
    key: `2026-12-0${i + 1}-clinic-${i}`,
    lang: "en",
    url: `/events/clinic-${i}/`,
    title,
    description,
    start: { allDay: i === 2, dt: start },
    end: { allDay: i === 2, dt: start.plus({ hours: 3 }) },
    locationKey: "main",
    cancelled: i === 1,
  } as unknown as Event;
}

function fakePost(i: number, title: string, html: string): Post {
  return {
    kind: "post",
    status: "published",
    url: `/blog/post-${i}/`,
    title,
    description: title,
    html,
    date: { allDay: true, dt: DateTime.fromISO(`2026-10-0${i + 1}`, { zone: "utc" }) },
    author: { name: title, credentials: "MD", fullName: `${title}, MD`, url: "/providers/x/" },
    tags: [{ name: `<3 & ${title}`, slug: "hearts" }],
  } as unknown as Post;
}

/** Every content line of an iCalendar file is at most 75 octets (RFC 5545 3.1). */
function assertFolded(ics: string) {
  assert.ok(ics.length > 0);
  for (const line of ics.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line longer than 75 octets: ${JSON.stringify(line.slice(0, 90))}`);
    assert.doesNotMatch(line, /[\r\n]/, "bare CR or LF inside a line");
  }
}

test("iCalendar: every text value is escaped and folded, whatever the practice name and event text", () => {
  const name = `Juniper\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:owned; by, ${HOSTILE}`;
  const events = [0, 1, 2].map((i) => fakeEvent(i, `${HOSTILE} #${i}`, `${HOSTILE} details ${i}`));
  const ics = calendarFile(fakeSite(name, { events }), events, "en");
  assertFolded(ics);
  assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  const cal = ICAL.Component.fromString(ics);
  const vevents = cal.getAllSubcomponents("vevent");
  assert.equal(vevents.length, events.length);
  const plain = (s: string) => s.replace(/\r\n/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  // ical.js leaves these two as written, so they are unescaped here (RFC 5545 3.3.11).
  const unescape = (v: unknown) => String(v).replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));
  assert.equal(unescape(cal.getFirstPropertyValue("x-wr-calname")), `${plain(name)} events`, "the calendar name round-trips");
  assert.equal(unescape(cal.getFirstPropertyValue("name")), `${plain(name)} events`);
  assert.ok(String(cal.getFirstPropertyValue("prodid")).includes(plain(name)));
  assert.equal(vevents[0]!.getFirstPropertyValue("summary"), plain(`${HOSTILE} #0`));
  assert.match(String(vevents[1]!.getFirstPropertyValue("summary")), /^Cancelled: /);
  assert.equal(vevents[2]!.getFirstPropertyValue("description"), plain(`${HOSTILE} details 2`));
  assert.ok(String(vevents[0]!.getFirstPropertyValue("location")).includes(plain(`Main ${name}`)));
  assert.equal(vevents[0]!.getFirstPropertyValue("uid"), "2026-12-01-clinic-0@www.example.org");
});

/** XML as strict as the spec (fast-xml-parser's validator lets some of these through). */
function assertXml(xml: string, label: string) {
  assert.equal(XMLValidator.validate(xml), true, label);
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, `${label}: a character outside XML 1.0`);
  assert.doesNotMatch(xml, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, `${label}: a lone surrogate`);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  assert.doesNotMatch(outsideCdata, /="[^"]*</, `${label}: "<" inside an attribute value`);
  assert.doesNotMatch(outsideCdata.replace(/="[^"]*"/g, '=""'), /\]\]>/, `${label}: "]]>" in text outside a CDATA section`);
}

test("Atom: control characters, lone surrogates, ']]>' and '<' in attributes never make the feed invalid XML", () => {
  const title = `${HOSTILE}\ufffe\uffff\ud800 lone`;
  const posts = [0, 1].map((i) =>
    fakePost(i, `${title} ${i}`, `<p>${title.replace(/[<&]/g, "")}</p><pre>a]]>b]]>c</pre> <a href="/x/">x</a>`),
  );
  const xml = atomFeed(fakeSite(`A <B> & C${HOSTILE}`, { posts }), "en");
  assertXml(xml, "feed.xml");
  assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  type Entry = { title: { "#cdata": string }; content: { "#cdata": string }; category: { "@_label": string } };
  const doc = new XMLParser({ ignoreAttributes: false, cdataPropName: "#cdata" }).parse(xml) as { feed: { title: string; entry: Entry[] } };
  // The feed title is plain text: "<" reads as "<", not as "&lt;".
  assert.ok(String(doc.feed.title).startsWith("A <B> & C"), doc.feed.title);
  const entries = doc.feed.entry;
  assert.equal(entries.length, 2);
  const entryTitle = entries[0]!.title["#cdata"]
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  // (XML reads a CR LF as LF.)
  assert.equal(
    entryTitle,
    `${title} 0`
      .replace(XML_DROPPED, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])/g, "")
      .replace(/\r\n/g, "\n"),
  );
  assert.match(entries[0]!.content["#cdata"], /a\]\]&gt;b\]\]&gt;c/);
  assert.match(entries[0]!.content["#cdata"], /href="https:\/\/www\.example\.org\/x\/"/);
  assert.ok(entries[0]!.category["@_label"].startsWith("&lt;3 &amp;") || entries[0]!.category["@_label"].startsWith("<3 &"));
});

test("JSON Feed: version 1.1 with authors lists and a language, items unchanged", () => {
  const posts = [0, 1].map((i) => fakePost(i, `${HOSTILE} ${i}`, "<p>Body</p>"));
  type Item = { id: string; title: string; authors: unknown; author?: unknown; tags: string[] };
  const feed = JSON.parse(jsonFeed(fakeSite("Juniper Hill", { posts }), "en")) as {
    version: string;
    language: string;
    authors: unknown;
    author?: unknown;
    items: Item[];
  };
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.language, "en-US");
  assert.deepEqual(feed.authors, [{ name: "Juniper Hill", url: "https://www.example.org/" }]);
  assert.equal(feed.author, undefined);
  assert.equal(feed.items.length, 2);
  assert.equal(feed.items[0]?.id, "https://www.example.org/blog/post-0/");
  assert.equal(feed.items[0]?.title, `${HOSTILE} 0`.replace(XML_DROPPED, ""));
  assert.deepEqual(feed.items[0]?.authors, [
    { name: `${HOSTILE} 0`.replace(XML_DROPPED, "") + ", MD", url: "https://www.example.org/providers/x/" },
  ]);
  assert.equal(feed.items[0]?.author, undefined);
  assert.deepEqual(feed.items[0]?.tags, [`<3 & ${HOSTILE} 0`.replace(XML_DROPPED, "")]);
});

test("sitemaps: XML 1.0 text only, escaped, in the sitemaps.org namespace", () => {
  const site = fakeSite("Juniper Hill", { posts: [fakePost(0, "x", "")] });
  const map = sitemap(site, "en");
  assertXml(map, "sitemap-en.xml");
  assert.match(map, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9"/);
  assert.match(map, /hreflang="es&quot;&lt;"/);
  assert.match(map, /href="https:\/\/www\.example\.org\/es\/blog\/\?a=1&amp;b=2"/);
  const index = sitemapIndex(site);
  assertXml(index, "sitemap.xml");
  assert.match(index, /<loc>https:\/\/www\.example\.org\/sitemap-en\.xml\?x=&lt;&gt;<\/loc>/);
});

test("quote: at most 80 characters of a value, never a walk through a big one", () => {
  assert.equal(quote("short"), '"short"');
  assert.equal(quote("x".repeat(81)), `"${"x".repeat(80)}…"`);
  assert.equal(quote("x".repeat(80)), `"${"x".repeat(80)}"`);
  assert.equal(quote("🤒".repeat(100)), `"${"🤒".repeat(80)}…"`, "cut between characters, not inside one");
  assert.equal(quote("a\u0001b"), '"a\\u0001b"');
  assert.equal(quote(2024), "2024");
  assert.equal(quote(true), "true");
  assert.equal(quote(null), "null");
  assert.equal(quote(undefined), "nothing");
  assert.equal(quote([1, 2]), "a list");
  assert.equal(quote({ a: 1 }), "a set of fields");
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(quote(cyclic), "a set of fields");
  assert.ok(quote("y".repeat(5_000_000)).length < 90);
});

const goodPost = { title: "Flu shots are here", date: "2026-10-01", description: "Walk-in flu shots every Saturday in October." };
const goodEvent = {
  title: "Flu clinic",
  start: "2026-12-05T09:00",
  end: "2026-12-05T13:00",
  description: "Walk-in flu shots for every child.",
};

function messages(schema: Parameters<typeof validate>[0], data: unknown): string[] {
  const r = validate(schema, "content/x.md", data);
  return r.ok ? [] : r.problems.map((p) => `${p.field ?? ""}: ${p.message}`);
}

test("one-line text refuses line breaks and control characters, naming the character", () => {
  const cases: [string, string][] = [
    ["Flu\nshots", "title: must be on one line: remove the line break"],
    ["Flu\r\nshots", "title: must be on one line: remove the line break"],
    ["Flu\rshots", "title: must be on one line: remove the line break"],
    ["Flu\u2028shots", "title: must be on one line: remove the line break"],
    ["Flu\u2029shots", "title: must be on one line: remove the line break"],
    ["Flu\tshots", "title: contains a tab; use a space instead"],
    ["Flu\u0001shots", "title: contains an invisible control character (U+0001); retype the text"],
    ["Flu\u0000shots", "title: contains an invisible control character (U+0000); retype the text"],
    ["Flu\u007fshots", "title: contains an invisible control character (U+007F); retype the text"],
    ["Flu\u0085shots", "title: contains an invisible control character (U+0085); retype the text"],
    ["Flu\u009fshots", "title: contains an invisible control character (U+009F); retype the text"],
  ];
  for (const [title, expected] of cases) assert.deepEqual(messages(postSchema, { ...goodPost, title }), [expected], JSON.stringify(title));
  // Around the text, line breaks are only whitespace (a YAML block scalar ends with one).
  assert.deepEqual(messages(postSchema, { ...goodPost, title: "Flu shots are here\n" }), []);
  assert.deepEqual(messages(postSchema, { ...goodPost, title: "Flu shots 👩‍⚕️ عيادة" }), []);
  // Lists and localized text are built from the same fields.
  assert.deepEqual(messages(postSchema, { ...goodPost, tags: ["flu", "a\nb"] }), ["tags[1]: must be on one line: remove the line break"]);
  assert.deepEqual(messages(eventSchema, { ...goodEvent, description: "Walk-in flu shots\nfor every child." }), [
    "description: must be on one line: remove the line break",
  ]);
});

test("long text keeps line breaks and tabs but no other control characters", () => {
  const field = longText({ label: "Note" });
  assert.equal(field.safeParse("First line\nsecond line\r\n\tindented").success, true);
  assert.equal(field.safeParse("Line\u2028separator").success, true);
  const message = (v: string) => field.safeParse(v).error?.issues.map((i) => i.message);
  assert.deepEqual(message("a\u0001b"), ["contains an invisible control character (U+0001); retype the text"]);
  assert.deepEqual(message("a\rb"), ["contains an invisible control character (U+000D); retype the text"]);
  assert.deepEqual(message("a\u000bb"), ["contains an invisible control character (U+000B); retype the text"]);
  assert.deepEqual(
    text({ label: "x" })
      .safeParse("a\tb")
      .error?.issues.map((i) => i.message),
    ["contains a tab; use a space instead"],
  );
});

test("practice.yaml text refuses line breaks, localized or not", async () => {
  const practice = parseYaml(await readFile(path.join(DEMO, "content/_data/practice.yaml"), "utf8")) as Record<string, unknown>;
  assert.deepEqual(messages(practiceSchema, practice), []);
  assert.deepEqual(messages(practiceSchema, { ...practice, name: "Juniper\r\nBEGIN:VEVENT" }), [
    "name: must be on one line: remove the line break",
  ]);
  const tagline = messages(practiceSchema, { ...practice, tagline: { en: "Care\nfor kids" } });
  assert.ok(
    tagline.some((m) => m.includes("must be on one line")),
    JSON.stringify(tagline),
  );
});

test("dates name a year between 1900 and 2100", () => {
  assert.deepEqual(messages(postSchema, { ...goodPost, date: "9999-01-01" }), [
    'date: expected a year between 1900 and 2100, got "9999-01-01"',
  ]);
  assert.deepEqual(messages(postSchema, { ...goodPost, date: "0000-01-01" }), [
    'date: expected a year between 1900 and 2100, got "0000-01-01"',
  ]);
  assert.deepEqual(messages(eventSchema, { ...goodEvent, start: "1899-12-31T09:00" }), [
    'start: expected a year between 1900 and 2100, got "1899-12-31T09:00"',
  ]);
  assert.deepEqual(messages(postSchema, { ...goodPost, date: "1900-01-01" }), []);
  assert.deepEqual(messages(postSchema, { ...goodPost, date: "2100-12-31" }), []);
  // An impossible date still says so, once.
  assert.deepEqual(messages(postSchema, { ...goodPost, date: "9999-02-30" }), [
    'date: expected a year between 1900 and 2100, got "9999-02-30"',
  ]);
  assert.equal(date({ label: "d" }).safeParse("2026-02-29").success, false);
});

test("messages quote at most 80 characters of a value, however big", () => {
  const huge = `https://${"x".repeat(5_000_000)}`;
  const [message] = messages(eventSchema, { ...goodEvent, registration: huge });
  assert.equal(message, `registration: expected a web address starting with https://, got "https://${"x".repeat(72)}…"`);
  // A YAML alias bomb is one small object referenced a million times (parseYaml refuses
  // one, see tests/build/hostile.test.ts; a schema must still never write one out).
  let bomb: unknown = Array(10).fill("x");
  for (let i = 0; i < 6; i++) bomb = Array(10).fill(bomb);
  assert.deepEqual(messages(postSchema, { ...goodPost, date: bomb }), ["date: expected YYYY-MM-DD or ISO date-time, got a list"]);
  assert.deepEqual(messages(postSchema, { ...goodPost, comments: bomb }), ["comments: expected one of open, closed, off, got a list"]);
});
