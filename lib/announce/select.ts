// Which posts and events to announce, and to which accounts. Pure: the model (loaded in
// production mode at the build's "now", so drafts and posts scheduled for later are not in
// it), the record and the settings in; the record with what is new added, out.
//
// The first run announces nothing: it notes what is already public, so setting up
// announcing never floods the accounts with old posts. After that, an item seen for the
// first time gets one pending entry per account posting in its language, unless it opts
// out (announce: false), is a post older than maxAgeDays (an import of old posts), or is
// an event already over or cancelled.
import type { DateTime } from "luxon";
import type { Event, Post, Site } from "../model/model.ts";
import { accountId, type Account, type AnnounceConfig } from "../schema/announce.ts";
import { emptyRecord, type AnnounceRecord } from "./record.ts";

export const DEFAULT_MAX_AGE_DAYS = 7;

export type Item = Post | Event;

/** How the record names an item: kind, language and key, e.g. "post:es:flu-shots". */
export function itemId(item: Item): string {
  return `${item.kind}:${item.lang}:${item.key}`;
}

/** Every public post and event of the site, by id. */
export function publicItems(site: Pick<Site, "langs" | "byLang">): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const lang of site.langs) {
    const s = site.byLang[lang];
    if (!s) continue;
    for (const item of [...s.posts, ...s.upcoming, ...s.past])
      if (item.lang === lang && item.status === "published") out.set(itemId(item), item);
  }
  return out;
}

/** The accounts posting in the item's language (an account's default: the site's default language). */
export function accountsFor(item: Item, accounts: readonly Account[], defaultLang: string): Account[] {
  return accounts.filter((a) => (a.languages ?? [defaultLang]).includes(item.lang));
}

export interface Noted {
  record: AnnounceRecord;
  /** True when there was no record: everything public was noted, nothing is to be sent. */
  first: boolean;
  /** Items first seen in this run, with why each is or is not announced. */
  seen: { id: string; why: string }[];
}

/**
 * The record with this run's new items added. `now` is the build's clock (content
 * decisions); `stamp` the machine time written in the record.
 */
export function noteNewItems(input: {
  record: AnnounceRecord | undefined;
  site: Pick<Site, "langs" | "byLang" | "defaultLang" | "urls">;
  config: AnnounceConfig;
  now: DateTime;
  stamp: string;
}): Noted {
  const first = input.record === undefined;
  const record: AnnounceRecord = structuredClone(input.record ?? emptyRecord(input.stamp));
  const known = new Set(record.known);
  const seen: Noted["seen"] = [];
  const maxAge = input.config.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const remember = (id: string, why: string) => {
    known.add(id);
    seen.push({ id, why });
  };
  for (const [id, item] of publicItems(input.site)) {
    if (known.has(id) || record.items[id]) continue;
    if (item.announce === false) {
      // Not written down: if announce: false is removed later, the item is announced then.
      seen.push({ id, why: "not announced (announce: false)" });
      continue;
    }
    if (first) remember(id, "already public when announcing started");
    else if (item.kind === "post" && input.now.diff(item.date.dt, "days").days > maxAge) remember(id, `dated more than ${maxAge} days ago`);
    else if (item.kind === "event" && item.endsAt <= input.now) remember(id, "the event is over");
    else if (item.kind === "event" && item.cancelled) remember(id, "the event is cancelled");
    else {
      const accounts = accountsFor(item, input.config.accounts, input.site.defaultLang);
      if (!accounts.length) {
        remember(id, `no account posts in ${item.lang}`);
        continue;
      }
      record.items[id] = {
        link: input.site.urls.absolute(item.url),
        seen: input.stamp,
        accounts: Object.fromEntries(accounts.map((a) => [accountId(a), { state: "pending" as const, at: input.stamp }])),
      };
      seen.push({ id, why: `to announce on ${accounts.map(accountId).join(", ")}` });
    }
  }
  record.known = [...known].sort();
  return { record, first, seen };
}
