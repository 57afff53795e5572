// The text the social kit shows for each network: what the announce composer
// (lib/announce/text.ts) writes for it, with the length as that network counts it, so what
// staff paste by hand is what `npm run announce` would send. Instagram, Threads and
// Nextdoor come first: they have no API we post through, so the kit is how they get it.
import type { Event, Post, Site } from "../model.ts";
import { eventLocation } from "../lookup.ts";
import { displayDate, displayTime } from "../time.ts";

export type KitNetwork = "instagram" | "threads" | "nextdoor" | "mastodon" | "bluesky" | "facebook" | "x";

export interface NetworkCopy {
  network: KitNetwork;
  label: string;
  text: string;
  /** The length as the network counts it. */
  count: number;
  /** The network's limit, in the same unit; none where the network sets none worth naming. */
  limit?: number;
  /** How the network counts, for people: "characters, every link as 23". */
  unit: string;
  /** Posted by `npm run announce` when configured; else copied from the kit by hand. */
  automatic: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (s: string) => [...segmenter.segment(s)].length;

const NETWORKS: readonly { network: KitNetwork; label: string; limit?: number; unit: string; automatic: boolean }[] = [
  { network: "instagram", label: "Instagram", limit: 2200, unit: "characters", automatic: false },
  { network: "threads", label: "Threads", limit: 500, unit: "characters", automatic: false },
  { network: "nextdoor", label: "Nextdoor", unit: "characters", automatic: false },
  { network: "mastodon", label: "Mastodon", limit: 500, unit: "characters", automatic: true },
  { network: "bluesky", label: "Bluesky", limit: 300, unit: "characters", automatic: true },
  { network: "facebook", label: "Facebook", limit: 63206, unit: "characters", automatic: true },
  { network: "x", label: "X (Twitter)", limit: 280, unit: "characters", automatic: true },
];

/** An event's date, time and place in its own language and the practice's zone, one line each. */
export function eventDetails(site: Site, event: Event): string[] {
  const { start, end } = event;
  const lang = event.lang;
  const sameDay = start.dt.hasSame(end.dt, "day");
  const lines = [start.allDay || sameDay ? displayDate(start.dt, lang) : `${displayDate(start.dt, lang)} – ${displayDate(end.dt, lang)}`];
  if (!start.allDay) lines.push(`${displayTime(start.dt, lang)} – ${displayTime(end.dt, lang)}`);
  const place = eventLocation(site, event);
  if (place) lines.push(place.name);
  return lines;
}

// Until the composer lands: the title, the summary (an event's date and place too) and the link.
function draftText(site: Site, item: Post | Event): string {
  const when = item.kind === "event" ? `\n\n${eventDetails(site, item).join("\n")}` : "";
  return `${item.title}\n\n${item.description}${when}\n\n${site.urls.absolute(item.url)}`;
}

/** Every network's text for a post or event, in the order the kit shows them. */
export function networkCopies(site: Site, item: Post | Event): NetworkCopy[] {
  const text = draftText(site, item);
  return NETWORKS.map((n) => ({ ...n, text, count: graphemes(text) }));
}
