// Opening hours at build time, through the same core the browser uses (lib/public/js/hours-core.js).
import { DateTime } from "luxon";
import { openStatus, statusText, wallClock, type Closure as CoreClosure, type Status, type Weekly } from "../public/js/hours-core.js";
import { t, localeOf, type Lang } from "../i18n/index.ts";
import type { ClosureAhead, ClosureText as Closure, LocationText as Location, OpenNow, PracticeText as Practice } from "./model.ts";

export interface HoursData {
  zone: string;
  locale: string;
  weekly: Weekly;
  closures: CoreClosure[];
  strings: { open: string; opensToday: string; opensTomorrow: string; opensDay: string; closed: string };
}

/** Closures that apply to a location, in the core's shape (until filled in, hours [] when closed). */
export function closuresFor(closures: readonly Closure[] | undefined, location: Location): CoreClosure[] {
  return (closures ?? [])
    .filter((c) => !c.locations || c.locations.includes(location.key))
    .map((c) => ({ from: c.from, until: c.until ?? c.from, hours: c.hours ?? [] }));
}

export function hoursData(practice: Practice, location: Location, lang: Lang): HoursData {
  return {
    zone: practice.timezone,
    locale: localeOf(lang),
    weekly: location.hours,
    closures: closuresFor(practice.closures, location),
    strings: {
      open: t(lang, "hours.openNow"),
      opensToday: t(lang, "hours.opensToday"),
      opensTomorrow: t(lang, "hours.opensTomorrow"),
      opensDay: t(lang, "hours.opensDay"),
      closed: t(lang, "hours.closedNow"),
    },
  };
}

export function statusAt(data: HoursData, now: DateTime): { status: Status; text: string } {
  const status = openStatus(data.weekly, data.closures, wallClock(now.toJSDate(), data.zone));
  return { status, text: statusText(status, data.locale, data.strings) };
}

/** Each location's status at `now`, by location key, for the layouts to print. */
export function openNow(practice: Practice, lang: Lang, now: DateTime): Record<string, OpenNow> {
  const out: Record<string, OpenNow> = {};
  for (const location of practice.locations) {
    const data = hoursData(practice, location, lang);
    const { status, text } = statusAt(data, now);
    out[location.key] = { open: status.open, text, data: JSON.stringify(data) };
  }
  return out;
}

/** Closures not yet over at `now`, soonest first, with their days in the practice's zone. */
export function closuresAhead(practice: Practice, now: DateTime, zone: string): ClosureAhead[] {
  const day = (iso: string) => DateTime.fromISO(iso, { zone });
  return (practice.closures ?? [])
    .filter((c) => (c.until ?? c.from) >= now.toISODate()!)
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((c) => ({
      ...c,
      fromDate: day(c.from),
      untilDate: c.until && c.until !== c.from ? day(c.until) : undefined,
      hideAfter: day(c.until ?? c.from)
        .plus({ days: 1 })
        .toISO()!,
      locationNames: c.locations
        ? practice.locations
            .filter((l) => c.locations!.includes(l.key))
            .map((l) => l.name)
            .join(", ")
        : undefined,
    }));
}
