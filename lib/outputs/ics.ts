// iCalendar (RFC 5545) for events: one file per event and a subscribable calendar.
// Times are written in UTC (always unambiguous), all-day events as DATE values with an
// exclusive end, UIDs are stable per event, and cancelled events say STATUS:CANCELLED.
// Text is content: ical-generator escapes SUMMARY, DESCRIPTION and LOCATION and folds long
// lines, but writes PRODID, NAME, X-WR-CALNAME and UID as given, so those are escaped here
// (a line break in the practice name would otherwise start lines of its own), and control
// characters, which no iCalendar text may hold, are dropped from every value.
import ical, { ICalEventStatus } from "ical-generator";
import type { Event, Site } from "../model/model.ts";
import type { Lang } from "../i18n/index.ts";
import { t } from "../i18n/index.ts";
import { eventLocation } from "../model/lookup.ts";
import { icsEscape, icsText } from "./encode.ts";

function addressOf(event: Event, site: Site): string | undefined {
  const loc = eventLocation(site, event);
  if (!loc) return undefined;
  const a = loc.address;
  return `${site.practice.name}, ${loc.name}, ${a.street}, ${a.city}, ${a.region} ${a.postalCode}`;
}

export function calendarFile(site: Site, events: readonly Event[], lang: Lang): string {
  const host = new URL(site.practice.url).host;
  const cal = ical({
    name: icsEscape(t(lang, "events.calendarName", { practice: site.practice.name })),
    prodId: { company: icsEscape(site.practice.name), product: "Practice Press", language: lang.toUpperCase() },
    url: site.urls.absolute(site.urls.local(lang, "/events/")),
  });
  for (const e of events) {
    const date = (d: Event["start"]) => (d.allDay ? new Date(Date.UTC(d.dt.year, d.dt.month - 1, d.dt.day)) : d.dt.toJSDate());
    cal.createEvent({
      id: icsEscape(`${e.key}@${host}`),
      start: date(e.start),
      // DTEND of an all-day event is the day after the last day.
      end: e.start.allDay ? new Date(Date.UTC(e.end.dt.year, e.end.dt.month - 1, e.end.dt.day + 1)) : date(e.end),
      allDay: e.start.allDay,
      floating: false,
      timezone: e.start.allDay ? null : "UTC",
      stamp: site.now.toJSDate(),
      summary: icsText(e.cancelled ? `${t(lang, "events.cancelled")}: ${e.title}` : e.title),
      description: icsText(e.description),
      location: icsText(addressOf(e, site) ?? "") || undefined,
      url: site.urls.absolute(e.url),
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
