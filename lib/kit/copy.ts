// The text the social kit shows for each network: what the announce composer
// (lib/announce/text.ts) writes for it, with the length as that network counts it, so what
// staff paste by hand is what `npm run announce` would send. Instagram, Threads and
// Nextdoor come first: they have no API we post through, so the kit is how they get there.
import type { Event, Post, Site } from "../model/model.ts";
import { eventLocation } from "../model/lookup.ts";
import { displayDate, displayTime } from "../model/time.ts";
import { composeAll, type ApiNetwork, type TextNetwork } from "../announce/text.ts";

export type KitNetwork = "instagram" | "threads" | "nextdoor" | ApiNetwork;

export interface NetworkCopy {
  network: KitNetwork;
  label: string;
  /** The composer's text, exactly (Facebook's without the link, which goes with it apart). */
  text: string;
  /** The length as the network counts it, and its limit (the composer's). */
  count: number;
  limit: number;
  /** How the network counts, for people. */
  unit: string;
  /** Where the text alone is not what to paste by hand: the full link, and what to do with it. */
  link?: { url: string; note: string };
  /** Posted by `npm run announce` once the account is connected; the others only by hand from the kit. */
  automatic: boolean;
}

// Instagram, Threads and Nextdoor take the composer's plain text ("copy").
const NETWORKS: readonly { network: KitNetwork; label: string; from: TextNetwork; unit: string }[] = [
  { network: "instagram", label: "Instagram", from: "copy", unit: "characters" },
  { network: "threads", label: "Threads", from: "copy", unit: "characters" },
  { network: "nextdoor", label: "Nextdoor", from: "copy", unit: "characters" },
  { network: "mastodon", label: "Mastodon", from: "mastodon", unit: "characters, each link counted as 23" },
  { network: "bluesky", label: "Bluesky", from: "bluesky", unit: "characters" },
  { network: "facebook", label: "Facebook", from: "facebook", unit: "characters" },
  {
    network: "x",
    label: "X (Twitter)",
    from: "x",
    unit: "characters as X counts them: each link 23, emoji and most non-Latin characters 2",
  },
];

// Facebook's text leaves the link out (it is sent apart and shown as a card); Bluesky's shows
// it shortened (the post carries the full address as a link facet, which a paste cannot).
const LINK_NOTES: Partial<Record<KitNetwork, string>> = {
  facebook: "paste it after the text: Facebook shows it as a card",
  bluesky: "the text shows it shortened, as Bluesky displays it; posting by hand, put this full link in its place",
};

/** An event's date, time and place in its own language and the practice's zone, one line each (for the square). */
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

/** Every network's text for a post or event, in the order the kit shows them. */
export function networkCopies(site: Site, item: Post | Event): NetworkCopy[] {
  const composed = new Map(composeAll(item, site).map((c) => [c.network, c]));
  return NETWORKS.map(({ network, label, from, unit }) => {
    const c = composed.get(from)!;
    const note = LINK_NOTES[network];
    return {
      network,
      label,
      text: c.text,
      count: c.length,
      limit: c.limit,
      unit,
      automatic: from !== "copy",
      ...(note && { link: { url: c.link, note } }),
    };
  });
}
