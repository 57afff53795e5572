// What the preview's social kit (/_staff/social-kit/) lists: each new post and event, with
// the text for each network and the two images to download. Pure: the record is read and
// the images drawn by ./page.ts; the layout (layouts/kit.tsx) renders this as it is.
//
// "New", with the announce record (content/_data/announced.json, lib/announce/record.ts):
// what the record has not seen yet (it goes out with the next publish), and what it noted
// for announcing in the last RECENT_DAYS days (the networks without an API, Instagram,
// Threads and Nextdoor, still need it by hand); never what it keeps as not to announce
// (public before announcing started, too old). Without a record (announcing not set up, or
// not run yet): the posts of the last RECENT_DAYS days and the events not yet over.
// Either way: published only (no draft or post scheduled for later), not `announce: false`,
// no event that is over, and no cancelled event unless it was announced before.
import path from "node:path";
import type { DateTime } from "luxon";
import type { Event, Post, Site } from "../model/model.ts";
import { DateTime as Luxon } from "luxon";
import { imageOf } from "../announce/text.ts";
import { itemId } from "../announce/select.ts";
import { allowedUrl } from "../markdown/url-policy.ts";
import type { AnnounceRecord, SendState } from "../announce/record.ts";
import { networkCopies, eventDetails, type NetworkCopy } from "./copy.ts";
import { SQUARE, squareExt, type SquareInput } from "./square.ts";

export const KIT_URL = "/_staff/social-kit/";
export const RECENT_DAYS = 30;

export interface KitImage {
  /** Site path (unprefixed). */
  url: string;
  /** The file name the browser saves it as. */
  download: string;
  width: number;
  height: number;
  alt: string;
}

export interface KitItem {
  kind: "post" | "event";
  key: string;
  lang: string;
  file: string;
  title: string;
  /** Site path of its page (unprefixed). */
  url: string;
  /** The post's date or the event's start. */
  when: DateTime;
  /** An event's date, time and place, one line each; none for a post. */
  details: readonly string[];
  cancelled: boolean;
  /** Each account's state in the announce record; empty when the record has not seen it yet. */
  accounts: readonly { account: string; state: SendState; url?: string; error?: string }[];
  copies: readonly NetworkCopy[];
  /** The 1200×630 Open Graph image its page already has: its photo's crop, or the practice's card. */
  card: KitImage;
  /** The 1080×1080 square made for the kit. */
  square: KitImage & { draw: Omit<SquareInput, "photo"> & { photoFile?: string } };
}

export interface Kit {
  now: DateTime;
  /** How "new" was decided: from the announce record, or the recent-days fallback. */
  rule: "record" | "recent";
  /** Why the record could not be read (the kit then uses the recent-days rule). */
  recordError?: string;
  days: number;
  posts: readonly KitItem[];
  events: readonly KitItem[];
}

/** Every post and event once (a language's lists can hold another language's items). */
function itemsOf(site: Site): { posts: Post[]; events: Event[] } {
  const posts = new Map<string, Post>();
  const events = new Map<string, Event>();
  for (const lang of site.langs) {
    const l = site.byLang[lang];
    for (const p of l?.posts ?? []) posts.set(p.file, p);
    for (const e of [...(l?.upcoming ?? []), ...(l?.past ?? [])]) events.set(e.file, e);
  }
  return { posts: [...posts.values()], events: [...events.values()] };
}

/** A name safe in a file name and URL: the key's letters, digits and hyphens. */
const safe = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase() || "item";

/** Parts read as sentences: each ends with a stop unless it has one. */
const sentences = (parts: readonly string[]) => parts.map((p) => (/[.!?…:]$/u.test(p) ? p : `${p}.`)).join(" ");

function kitItem(site: Site, item: Post | Event, record: AnnounceRecord | undefined): KitItem {
  const name = `${safe(item.key)}${item.lang === site.defaultLang ? "" : `-${safe(item.lang)}`}`;
  const details = item.kind === "event" ? eventDetails(site, item) : [];
  const photo = item.kind === "post" ? item.socialImage : undefined;
  const photoFile = photo && site.imageFiles.find((f) => path.basename(f) === path.basename(photo.url));
  // The image its page shares and `npm run announce` attaches: the photo's crop or the practice's card.
  const card = imageOf(item, site);
  const squareUrl = `${KIT_URL}${item.kind}-${name}-square.${squareExt(Boolean(photoFile))}`;
  // The square's words, as it shows them, and what its photo shows.
  const alt = sentences([item.title, ...details, site.practice.name, ...(photoFile && photo ? [`Photo: ${photo.alt}`] : [])]);
  return {
    kind: item.kind,
    key: item.key,
    lang: item.lang,
    file: item.file,
    title: item.title,
    url: item.url,
    when: item.kind === "post" ? item.date.dt : item.start.dt,
    details,
    cancelled: item.kind === "event" && item.cancelled,
    // The post's address as the network gave it: linked only through the site's one URL policy.
    accounts: Object.entries(record?.items[itemId(item)]?.accounts ?? {}).map(([account, e]) => ({
      account,
      state: e.state,
      url: e.url && allowedUrl(e.url) ? e.url : undefined,
      error: e.error,
    })),
    copies: networkCopies(site, item),
    card: {
      url: card.path,
      download: `${item.kind}-${name}-1200x630${path.extname(card.path)}`,
      width: card.width,
      height: card.height,
      alt: card.alt,
    },
    square: {
      url: squareUrl,
      download: `${item.kind}-${name}-1080x1080.${squareExt(Boolean(photoFile))}`,
      width: SQUARE.width,
      height: SQUARE.height,
      alt,
      draw: { title: item.title, details, name: site.practice.name, palette: site.brand, photoFile },
    },
  };
}

/** The kit for a preview site: new posts newest first, then new events soonest first. */
export function socialKit(site: Site, record: AnnounceRecord | undefined = undefined, recordError?: string): Kit {
  const { posts, events } = itemsOf(site);
  const since = site.now.minus({ days: RECENT_DAYS });
  const known = new Set(record?.known ?? []);
  const isNew = (item: Post | Event): boolean => {
    if (item.status !== "published" || item.announce === false) return false;
    if (item.kind === "event" && item.endsAt <= site.now) return false;
    const entry = record?.items[itemId(item)];
    if (item.kind === "event" && item.cancelled && !entry) return false;
    if (!record) return item.kind === "event" || item.date.dt >= since;
    if (known.has(itemId(item))) return false;
    return !entry || Luxon.fromISO(entry.seen) >= since;
  };
  const kitItems = <T extends Post | Event>(items: T[]) => items.filter(isNew).map((i) => kitItem(site, i, record));
  // Items at the same time: the default language's first, then by file.
  const tie = (a: KitItem, b: KitItem) =>
    Number(b.lang === site.defaultLang) - Number(a.lang === site.defaultLang) || (a.file < b.file ? -1 : 1);
  const newest = (a: KitItem, b: KitItem) => b.when.toMillis() - a.when.toMillis() || tie(a, b);
  const soonest = (a: KitItem, b: KitItem) => a.when.toMillis() - b.when.toMillis() || tie(a, b);
  return {
    now: site.now,
    rule: record ? "record" : "recent",
    ...(recordError && { recordError }),
    days: RECENT_DAYS,
    posts: kitItems(posts).sort(newest),
    events: kitItems(events).sort(soonest),
  };
}
