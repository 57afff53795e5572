// Small lookups into the model that layouts and writers share.
import type { Event, LocationText, PracticeText, Site } from "./model.ts";
import type { Lang } from "../i18n/index.ts";

export function practiceIn(site: Site, lang: Lang): PracticeText {
  return site.byLang[lang]?.practice ?? site.practice;
}

/** An event's location in the reader's language. */
export function eventLocation(site: Site, event: Event, lang: Lang = event.lang): LocationText | undefined {
  return event.locationKey ? practiceIn(site, lang).locations.find((l) => l.key === event.locationKey) : undefined;
}
