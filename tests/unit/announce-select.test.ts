// What is announced, to whom: the first run notes what is public and sends nothing; later,
// a new item gets one pending entry per account in its language, unless it opts out, is an
// old post (an import), or an event over or cancelled.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { noteNewItems } from "../../lib/announce/select.ts";
import { announceOf } from "../../lib/schema/content.ts";
import { createUrls } from "../../lib/model/urls.ts";
import { toZoned } from "../../lib/model/time.ts";
import type { AnnounceConfig } from "../../lib/schema/announce.ts";
import type { Event, Post, Site } from "../../lib/model/model.ts";

const ZONE = "America/Chicago";
const now = DateTime.fromISO("2026-12-08T00:05", { zone: ZONE });
const urls = createUrls({ siteUrl: "https://www.example.org", defaultLang: "en" });
const post = (key: string, date: string, over: Partial<Post> = {}) =>
  ({ kind: "post", key, lang: "en", url: `/blog/${key}/`, status: "published", date: toZoned(date, ZONE), ...over }) as Post;
const event = (key: string, ends: string, over: Partial<Event> = {}) =>
  ({
    kind: "event",
    key,
    lang: "en",
    url: `/events/${key}/`,
    status: "published",
    endsAt: DateTime.fromISO(ends, { zone: ZONE }),
    cancelled: false,
    ...over,
  }) as Event;

function site(posts: Post[], events: Event[], es: Post[] = []): Pick<Site, "langs" | "byLang" | "defaultLang" | "urls"> {
  const lang = (p: Post[], e: Event[]) => ({ posts: p, upcoming: e.filter((x) => x.endsAt > now), past: e.filter((x) => x.endsAt <= now) });
  return {
    langs: ["en", "es"],
    defaultLang: "en",
    urls,
    byLang: { en: lang(posts, events), es: lang(es, []) } as unknown as Site["byLang"],
  };
}

const config: AnnounceConfig = {
  accounts: [
    {
      network: "x",
      account: "@clinic",
      apiKey: "X_API_KEY",
      apiSecret: "X_API_SECRET",
      accessToken: "X_ACCESS_TOKEN",
      accessSecret: "X_ACCESS_SECRET",
    },
    { network: "mastodon", instance: "https://mastodon.example", account: "@clinic_es@mastodon.example", token: "M_ES", languages: ["es"] },
  ],
};

test("the first run notes everything public and sends nothing", () => {
  const noted = noteNewItems({
    record: undefined,
    site: site([post("a", "2026-12-01")], [event("e", "2026-12-20")]),
    config,
    now,
    stamp: "s0",
  });
  assert.equal(noted.first, true);
  assert.deepEqual(noted.record.known, ["event:en:e", "post:en:a"]);
  assert.deepEqual(noted.record.items, {});
});

test("later runs: new items pending for the accounts of their language; old posts, past and cancelled events, opt-outs are not", () => {
  const before = noteNewItems({ record: undefined, site: site([post("a", "2026-12-01")], []), config, now, stamp: "s0" }).record;
  const later = site(
    [
      post("a", "2026-12-01"),
      post("new", "2026-12-08"),
      post("imported", "2019-05-01"),
      post("quiet", "2026-12-08", { announce: false }),
      post("drafted", "2026-12-08", { status: "draft" }),
    ],
    [event("soon", "2026-12-20"), event("over", "2026-12-07"), event("called-off", "2026-12-21", { cancelled: true })],
    [post("new", "2026-12-08", { lang: "es", url: "/es/blog/new/" })],
  );
  const noted = noteNewItems({ record: before, site: later, config, now, stamp: "s1" });
  assert.equal(noted.first, false);
  assert.deepEqual(Object.keys(noted.record.items).sort(), ["event:en:soon", "post:en:new", "post:es:new"]);
  assert.deepEqual(Object.keys(noted.record.items["post:en:new"]!.accounts), ["x:@clinic"]);
  assert.deepEqual(Object.keys(noted.record.items["post:es:new"]!.accounts), ["mastodon:@clinic_es@mastodon.example"]);
  assert.equal(noted.record.items["post:es:new"]!.link, "https://www.example.org/es/blog/new/");
  assert.deepEqual(noted.record.items["event:en:soon"]!.accounts["x:@clinic"], { state: "pending", at: "s1" });
  assert.deepEqual(noted.record.known, ["event:en:called-off", "event:en:over", "post:en:a", "post:en:imported"]);
  const why = Object.fromEntries(noted.seen.map((s) => [s.id, s.why]));
  assert.equal(why["post:en:imported"], "dated more than 7 days ago");
  assert.equal(why["post:en:quiet"], "not announced (announce: false)");
  assert.equal(why["post:en:drafted"], undefined, "a draft is not public");
  // Seen again: nothing new.
  const again = noteNewItems({ record: noted.record, site: later, config, now, stamp: "s2" });
  assert.deepEqual(again.record, { ...noted.record, known: noted.record.known });
  assert.deepEqual(
    again.seen.map((s) => s.id),
    ["post:en:quiet"],
    "an opt-out is not written down: removing it later announces the post",
  );
});

test("front matter: the web editor's text false, no or off means false", () => {
  assert.equal(announceOf("false"), false);
  assert.equal(announceOf(" No "), false);
  assert.equal(announceOf(false), false);
  assert.equal(announceOf("Flu shots today!"), "Flu shots today!");
  assert.equal(announceOf(undefined), undefined);
});
