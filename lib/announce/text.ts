// The text of an announcement, written for each network as that network counts it.
//
// API (stable; npm run announce and the preview's social kit both use it):
//
//   composeAll(item, site, opts?) → Composed[]     one per network, in NETWORK order
//   compose(item, site, network, opts?) → Composed
//
//   item:  a Post or Event of the model (lib/model/model.ts). Its own `announce` line is used
//          as below; `announce: false` is the caller's to honour (composing still works).
//   site:  { urls, byLang } of the Site (the practice in the item's language gives the
//          event's place and the default card's alt text).
//   opts:  { networks?: TextNetwork[]; limits?: Partial<Record<TextNetwork, number>> }
//          e.g. limits.mastodon for an instance that allows more than 500.
//
//   Composed = {
//     network: "mastodon" | "bluesky" | "facebook" | "x" | "copy"   ("copy": plain text
//              for networks without an API here: Instagram, Threads, Nextdoor);
//     text:    the whole post, link included (Facebook: without the link, sent apart);
//     link:    the canonical absolute URL, no tracking parameters;
//     length, limit: the length as the network counts it, and its limit;
//     facets?: Bluesky only, the link as a richtext facet with UTF-8 byte offsets;
//     image?:  { path, alt, width, height }: the Open Graph image as a site path
//              (unprefixed, e.g. /img/og-1a2b.jpg: the file is <output folder>/img/...).
//   }
//
// Pure: no I/O, no clock. The text is title, (for an event) when and where, the summary,
// then the link; a post's own line (front matter `announce: "..."`) replaces its title and
// summary, an event's its summary; what does not fit is the summary, cut after a
// whole word with an ellipsis. The link is never cut.
import type { Event, Post, Site } from "../model/model.ts";
import { CARD } from "../model/site-files.ts";
import { t } from "../i18n/index.ts";
import { displayDate, displayTime } from "../model/time.ts";
import { blueskyLength, byteRange, graphemes, LIMITS, mastodonLength, schemeUrls, truncateWords, xLength } from "./count.ts";

export const API_NETWORKS = ["mastodon", "bluesky", "facebook", "x"] as const;
export type ApiNetwork = (typeof API_NETWORKS)[number];
export type TextNetwork = ApiNetwork | "copy";
export const NETWORK_ORDER: readonly TextNetwork[] = [...API_NETWORKS, "copy"];

export interface BlueskyFacet {
  index: { byteStart: number; byteEnd: number };
  features: { $type: "app.bsky.richtext.facet#link"; uri: string }[];
}

export interface AnnounceImage {
  /** Unprefixed site path of the file in the built site. */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export interface Composed {
  network: TextNetwork;
  text: string;
  link: string;
  length: number;
  limit: number;
  facets?: BlueskyFacet[];
  image?: AnnounceImage;
}

export interface ComposeOptions {
  networks?: readonly TextNetwork[];
  limits?: Partial<Record<TextNetwork, number>>;
}

export type AnnounceItem = Post | Event;
export type ComposeSite = Pick<Site, "urls" | "byLang">;

const MEASURE: Record<TextNetwork, (s: string) => number> = {
  x: xLength,
  mastodon: mastodonLength,
  bluesky: blueskyLength,
  facebook: graphemes,
  copy: graphemes,
};

/** When an event is, in the practice's zone and the item's language (as on the event's page). */
export function eventWhen(event: Event): string {
  const { start, end, lang } = event;
  const sameDay = start.dt.hasSame(end.dt, "day");
  if (start.allDay) return sameDay ? displayDate(start.dt, lang) : `${displayDate(start.dt, lang)} – ${displayDate(end.dt, lang)}`;
  const from = `${displayDate(start.dt, lang)}, ${displayTime(start.dt, lang)}`;
  return `${from} – ${sameDay ? displayTime(end.dt, lang) : `${displayDate(end.dt, lang)}, ${displayTime(end.dt, lang)}`}`;
}

function eventPlace(event: Event, site: ComposeSite): string | undefined {
  const practice = site.byLang[event.lang]?.practice;
  const location = event.locationKey ? practice?.locations.find((l) => l.key === event.locationKey) : undefined;
  return location && `${location.name}, ${location.address.street}, ${location.address.city}`;
}

// Parameters that only tell a company who clicked where: dropped from every link we post.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|twclid|_hsenc|_hsmi|mkt_tok|yclid|ref_src)$/i;

/** The text with tracking parameters removed from each link in it. */
export function withoutTracking(text: string): string {
  let out = "";
  let at = 0;
  for (const { start, end } of schemeUrls(text)) {
    let link = text.slice(start, end);
    try {
      const u = new URL(link);
      const names = [...u.searchParams.keys()];
      if (names.some((n) => TRACKING.test(n))) {
        for (const n of names) if (TRACKING.test(n)) u.searchParams.delete(n);
        link = u.toString();
      }
    } catch {
      // Not a URL after all: left as written.
    }
    out += text.slice(at, start) + link;
    at = end;
  }
  return out + text.slice(at);
}

/** The parts every network's text is made of: a head kept whole, a body cut to fit. */
export function partsOf(item: AnnounceItem, site: ComposeSite): { head: string; body: string; link: string } {
  const link = site.urls.absolute(item.url);
  const own = typeof item.announce === "string" ? withoutTracking(item.announce) : undefined;
  // A post's own line is the whole message; an event's replaces the summary, under the title, when and where.
  if (item.kind === "post")
    return own ? { head: own, body: "", link } : { head: item.title, body: withoutTracking(item.description), link };
  const body = own ?? withoutTracking(item.description);
  const title = item.cancelled ? `${t(item.lang, "events.cancelled")}: ${item.title}` : item.title;
  const place = eventPlace(item, site);
  return { head: `${title}\n${eventWhen(item)}${place ? `\n${place}` : ""}`, body, link };
}

export function imageOf(item: AnnounceItem, site: ComposeSite): AnnounceImage {
  if (item.kind === "post" && item.socialImage)
    return { path: item.socialImage.url, alt: item.socialImage.alt, width: CARD.width, height: CARD.height };
  const practice = site.byLang[item.lang]?.practice;
  const alt = practice ? t(item.lang, "share.cardAlt", { practice: practice.name, phone: practice.phone }) : "";
  return { path: CARD.path, alt, width: CARD.width, height: CARD.height };
}

/** The link as Bluesky shows it: no scheme, long paths shortened (the facet keeps the full URL). */
export function blueskyDisplay(link: string): string {
  const bare = link.replace(/^https?:\/\//, "");
  return graphemes(bare) > 60 ? `${[...bare].slice(0, 58).join("")}…` : bare;
}

/** Head, body and link joined, the body (then the head) cut so the whole fits `fits`. */
function fit(head: string, body: string, tail: string, fits: (s: string) => boolean): string {
  const join = (h: string, b: string) => [h, b, tail].filter(Boolean).join("\n\n");
  if (fits(join(head, body))) return join(head, body);
  const cutBody = truncateWords(body, (b) => fits(join(head, b)));
  // A body cut to a word or two says nothing: better the head alone.
  if (cutBody && graphemes(cutBody) >= 20) return join(head, cutBody);
  if (fits(join(head, ""))) return join(head, "");
  return join(
    truncateWords(head, (h) => fits(join(h, ""))),
    "",
  );
}

export function compose(item: AnnounceItem, site: ComposeSite, network: TextNetwork, opts: ComposeOptions = {}): Composed {
  const { head, body, link } = partsOf(item, site);
  const limit = opts.limits?.[network] ?? LIMITS[network];
  const measure = MEASURE[network];
  const image = imageOf(item, site);
  if (network === "facebook") {
    // The link goes in the post's `link` field: Facebook shows it as a card with the page's Open Graph image.
    const text = fit(head, body, "", (s) => measure(s) <= limit);
    return { network, text, link, length: measure(text), limit, image };
  }
  const shown = network === "bluesky" ? blueskyDisplay(link) : link;
  const fits = (s: string) => measure(s) <= limit && (network !== "bluesky" || new TextEncoder().encode(s).length <= LIMITS.blueskyBytes);
  const text = fit(head, body, shown, fits);
  const out: Composed = { network, text, link, length: measure(text), limit, image };
  if (network === "bluesky") {
    const at = text.lastIndexOf(shown);
    out.facets = [{ index: byteRange(text, at, at + shown.length), features: [{ $type: "app.bsky.richtext.facet#link", uri: link }] }];
  }
  return out;
}

/** The item's text for each network (all of NETWORK_ORDER unless opts.networks says which). */
export function composeAll(item: AnnounceItem, site: ComposeSite, opts: ComposeOptions = {}): Composed[] {
  return (opts.networks ?? NETWORK_ORDER).map((network) => compose(item, site, network, opts));
}
