// What the preview's social kit (/_staff/social-kit/) lists: each new post and event, with
// the text for each network and the two images to download. "New" is what the announce
// record has not seen yet; with no record (announcing not set up, or not run yet) it is
// the posts of the last RECENT_DAYS days and the events not yet over. Pure: the images are
// described here and drawn by ./page.ts; the layout (layouts/kit.tsx) renders this as it is.
import path from "node:path";
import type { DateTime } from "luxon";
import type { Event, Post, Site } from "../model.ts";
import { imageOf } from "../announce/text.ts";
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
  days: number;
  posts: readonly KitItem[];
  events: readonly KitItem[];
}

/** Which items the announce record already holds, by site path; absent: no record yet. */
export type Announced = ReadonlySet<string> | undefined;

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
const safe = (s: string) => s.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "item";

/** Parts read as sentences: each ends with a stop unless it has one. */
const sentences = (parts: readonly string[]) => parts.map((p) => (/[.!?…:]$/u.test(p) ? p : `${p}.`)).join(" ");

function kitItem(site: Site, item: Post | Event): KitItem {
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
    copies: networkCopies(site, item),
    card: { url: card.path, download: `${item.kind}-${name}-1200x630${path.extname(card.path)}`, width: card.width, height: card.height, alt: card.alt },
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
export function socialKit(site: Site, announced: Announced = undefined): Kit {
  const { posts, events } = itemsOf(site);
  const since = site.now.minus({ days: RECENT_DAYS });
  const isNew = (item: Post | Event) => (announced ? !announced.has(item.url) : item.kind === "post" ? item.date.dt >= since : item.endsAt > site.now);
  // Drafts and scheduled posts are in the preview but not on the public site yet: nothing to
  // announce; and `announce: false` keeps an item off every social network, the kit's too.
  const shown = <T extends Post | Event>(items: T[]) => items.filter((i) => i.status === "published" && i.announce !== false && isNew(i));
  // Items at the same time: the default language's first, then by file.
  const tie = (a: KitItem, b: KitItem) => Number(b.lang === site.defaultLang) - Number(a.lang === site.defaultLang) || (a.file < b.file ? -1 : 1);
  const newest = (a: KitItem, b: KitItem) => b.when.toMillis() - a.when.toMillis() || tie(a, b);
  const soonest = (a: KitItem, b: KitItem) => a.when.toMillis() - b.when.toMillis() || tie(a, b);
  return {
    now: site.now,
    rule: announced ? "record" : "recent",
    days: RECENT_DAYS,
    posts: shown(posts).map((p) => kitItem(site, p)).sort(newest),
    events: shown(events).map((e) => kitItem(site, e)).sort(soonest),
  };
}
