// The announcement text per network, counted the way each network counts: X's weighted
// length with links as 23, Bluesky's graphemes and UTF-8 byte facets, Mastodon's 500.
import { test } from "node:test";
import assert from "node:assert/strict";
import { blueskyLength, graphemes, mastodonLength, truncateWords, utf8Length, xLength } from "../../lib/announce/count.ts";
import { compose, composeAll, eventWhen, withoutTracking, type ComposeSite } from "../../lib/announce/text.ts";
import { createUrls } from "../../lib/model/urls.ts";
import { toZoned } from "../../lib/model/time.ts";
import type { Event, Post } from "../../lib/model/model.ts";

const urls = createUrls({ siteUrl: "https://www.juniperhillpeds.example", defaultLang: "en" });
const location = {
  key: "main",
  name: "Main office",
  address: { street: "410 Alder St", city: "Alder Bend", region: "OR", postalCode: "97000", country: "US" },
  hours: {},
};
const practice = { name: "Juniper Hill Pediatrics", phone: "(503) 555-0142", locations: [location] };
const site = {
  urls,
  byLang: { en: { practice }, es: { practice: { ...practice, locations: [{ ...location, name: "Oficina principal" }] } } },
} as unknown as ComposeSite;
const ZONE = "America/Los_Angeles";

function post(over: Partial<Post> = {}): Post {
  return {
    kind: "post",
    key: "flu-shots",
    lang: "en",
    file: "content/blog/2026-10-01-flu-shots.md",
    url: "/blog/flu-shots/",
    html: "",
    videoHosts: [],
    live: false,
    status: "published",
    title: "Flu shots are here",
    description: "Walk in any weekday morning for your child's flu shot; no appointment needed.",
    date: toZoned("2026-10-01", ZONE),
    tags: [],
    readingMinutes: 2,
    comments: "off",
    ...over,
  };
}

function event(over: Partial<Event> = {}): Event {
  const start = toZoned("2026-12-05T09:00", ZONE);
  const end = toZoned("2026-12-05T12:00", ZONE);
  return {
    kind: "event",
    key: "flu-clinic",
    lang: "en",
    file: "content/events/2026-12-05-flu-clinic.md",
    url: "/events/flu-clinic/",
    html: "",
    videoHosts: [],
    live: false,
    status: "published",
    title: "Saturday flu clinic",
    description: "Flu shots for every child six months and older, walk in.",
    start,
    end,
    endsAt: end.dt,
    locationKey: "main",
    cancelled: false,
    ics: "/events/flu-clinic.ics",
    ...over,
  };
}

test("X counts every link as 23 and emoji or CJK as 2; Mastodon links as 23, graphemes otherwise", () => {
  const long = "https://www.juniperhillpeds.example/blog/a-very-long-address-for-a-post-about-flu-shots/";
  assert.equal(xLength(`Hi ${long}`), 3 + 23);
  assert.equal(xLength("cdc.gov"), 23, "a bare domain X links counts as a link");
  assert.equal(xLength("👨‍👩‍👧‍👦"), 2, "a ZWJ family is one emoji");
  assert.equal(xLength("日本"), 4);
  assert.equal(xLength("niño"), 4);
  assert.equal(xLength("nin\u0303o"), 4, "NFC first: n + combining tilde is one character");
  assert.equal(mastodonLength(`Hi ${long}`), 3 + 23);
  assert.equal(mastodonLength("👨‍👩‍👧‍👦 ok"), 4);
  assert.equal(blueskyLength("👨‍👩‍👧‍👦"), 1);
  assert.equal(utf8Length("👨‍👩‍👧‍👦"), 25);
});

test("truncation ends after a whole word with an ellipsis", () => {
  const cut = truncateWords("one two three four five", (s) => graphemes(s) <= 14);
  assert.equal(cut, "one two three…");
  assert.equal(
    truncateWords("short", () => true),
    "short",
  );
  // No spaces (e.g. Japanese): cut between graphemes, never inside an emoji.
  const emoji = truncateWords("👍👍👍👍👍", (s) => graphemes(s) <= 3);
  assert.equal(emoji, "👍👍…");
});

test("a post: title, summary and the canonical link on every network, image with its alt", () => {
  const all = composeAll(post({ socialImage: { url: "/img/og-abc.jpg", alt: "A nurse giving a flu shot" } }), site);
  assert.deepEqual(
    all.map((c) => c.network),
    ["mastodon", "bluesky", "facebook", "x", "copy"],
  );
  for (const c of all) {
    assert.equal(c.link, "https://www.juniperhillpeds.example/blog/flu-shots/");
    assert.ok(c.text.startsWith("Flu shots are here\n\nWalk in any weekday"), c.text);
    assert.ok(c.length <= c.limit);
    assert.deepEqual(c.image, { path: "/img/og-abc.jpg", alt: "A nurse giving a flu shot", width: 1200, height: 630 });
  }
  const x = all.find((c) => c.network === "x")!;
  assert.ok(x.text.endsWith("\n\nhttps://www.juniperhillpeds.example/blog/flu-shots/"));
  assert.ok(!all.find((c) => c.network === "facebook")!.text.includes("https://"), "Facebook gets the link apart, as a card");
  // Without a photo, the practice's card with its alt text.
  assert.deepEqual(compose(post(), site, "mastodon").image, {
    path: "/assets/social-card.png",
    alt: "Juniper Hill Pediatrics, phone (503) 555-0142",
    width: 1200,
    height: 630,
  });
});

test("Bluesky: the link is a facet whose offsets are UTF-8 bytes, after multi-byte text and emoji", () => {
  const c = compose(
    post({ title: "¡Vacunas contra la gripe! 💉👨‍👩‍👧", description: "Vengan cualquier mañana entre semana; no hace falta cita." }),
    site,
    "bluesky",
  );
  const facet = c.facets![0]!;
  const bytes = new TextEncoder().encode(c.text);
  const shown = new TextDecoder().decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd));
  assert.equal(shown, "www.juniperhillpeds.example/blog/flu-shots/");
  assert.equal(facet.features[0]!.uri, "https://www.juniperhillpeds.example/blog/flu-shots/");
  assert.notEqual(facet.index.byteStart, c.text.indexOf(shown), "bytes, not UTF-16 indexes");
});

test("long multi-byte text is cut to each network's limit, the link kept whole", () => {
  const description = "Los niños 👧🏽 y las niñas 👦🏿 necesitan su vacuna cada otoño, más información aquí. ".repeat(3).trim();
  const title = "Gripe: lo que las familias deben saber este otoño sobre las vacunas 💉 ".repeat(2).trim();
  const p = post({
    lang: "es",
    url: "/es/blog/gripe/",
    title: [...title].slice(0, 140).join(""),
    description: [...description].slice(0, 300).join(""),
  });
  for (const c of composeAll(p, site, { limits: { mastodon: 200 } })) {
    assert.ok(c.length <= c.limit, `${c.network}: ${c.length} > ${c.limit}`);
    if (c.network !== "facebook")
      assert.ok(c.text.endsWith(c.network === "bluesky" ? "www.juniperhillpeds.example/es/blog/gripe/" : c.link), c.text);
  }
  const x = compose(p, site, "x");
  assert.ok(x.text.includes("…"), "the summary was cut");
  assert.ok(xLength(x.text) > 250, `X is filled, not cut short: ${xLength(x.text)}`);
  assert.match(x.text, /\S…\n\n/u, "cut after a word");
  const bsky = compose(p, site, "bluesky");
  assert.ok(graphemes(bsky.text) <= 300);
  assert.ok(!/\uFFFD/.test(bsky.text));
});

test("an event: when in the practice's zone, where, and its summary; cancelled says so", () => {
  const c = compose(event(), site, "mastodon");
  assert.equal(eventWhen(event()), "December 5, 2026, 9:00 AM – 12:00 PM");
  assert.ok(
    c.text.startsWith("Saturday flu clinic\nDecember 5, 2026, 9:00 AM – 12:00 PM\nMain office, 410 Alder St, Alder Bend\n\nFlu shots"),
    c.text,
  );
  const es = compose(event({ lang: "es", url: "/es/events/flu-clinic/", cancelled: true }), site, "x");
  assert.ok(es.text.startsWith("Cancelado: Saturday flu clinic\n5 de diciembre de 2026"), es.text);
  assert.ok(es.text.includes("Oficina principal"));
});

test("front matter announce: a post's own line replaces title and summary; an event's the summary", () => {
  const own = compose(post({ announce: "Flu shots today! Walk in 8–11 🙂" }), site, "x");
  assert.equal(own.text, "Flu shots today! Walk in 8–11 🙂\n\nhttps://www.juniperhillpeds.example/blog/flu-shots/");
  const ev = compose(event({ announce: "Bring the shot record." }), site, "bluesky");
  assert.match(ev.text, /^Saturday flu clinic\n.*\n.*\n\nBring the shot record\.\n\n/u);
});

test("no tracking parameters: the canonical link has none, and links in the text lose theirs", () => {
  assert.equal(
    withoutTracking("See https://www.cdc.gov/flu/?utm_source=fb&utm_medium=social&id=7 and https://a.example/x?fbclid=AbC."),
    "See https://www.cdc.gov/flu/?id=7 and https://a.example/x.",
  );
  assert.equal(withoutTracking("https://a.example/?q=flu"), "https://a.example/?q=flu", "other parameters stay as written");
  const c = compose(post({ announce: "Read https://www.cdc.gov/flu/?utm_campaign=x first" }), site, "mastodon");
  assert.equal(c.text, "Read https://www.cdc.gov/flu/ first\n\nhttps://www.juniperhillpeds.example/blog/flu-shots/");
});
