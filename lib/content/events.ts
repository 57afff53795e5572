// Events and alerts: dated content whose meaning depends on "now" and the practice's zone.
import type { DateTime } from "luxon";
import { announceOf, type AlertFrontMatter, type EventFrontMatter } from "../schema/content.ts";
import type { Practice } from "../schema/practice.ts";
import type { Alert, Event } from "../model.ts";
import type { Urls } from "../urls.ts";
import type { Lang } from "../i18n/index.ts";
import { toZoned, type ContentDate } from "../time.ts";
import { quote, type Problem } from "./problems.ts";
import type { SourceFile } from "./read.ts";

interface Ctx {
  practice: Practice;
  /** Draft alerts show in preview only. */
  mode?: "preview" | "production";
  urls: Urls;
  now: DateTime;
  problems: Problem[];
}

/** When a dated value is over: the end of the day for a date, the instant for a date-time. */
export function endInstant(d: ContentDate): DateTime {
  return d.allDay ? d.dt.plus({ days: 1 }).startOf("day") : d.dt;
}

export function toEvent(ctx: Ctx, f: SourceFile, fm: EventFrontMatter, html: string, id: { key: string; lang: Lang }): Event | undefined {
  const zone = ctx.practice.timezone;
  const start = toZoned(fm.start, zone);
  const end = toZoned(fm.end, zone);
  let ok = true;
  if (start.allDay !== end.allDay) {
    ctx.problems.push({ file: f.file, field: "end", message: `expected the same form as start (both dates, or both dates with times), got start ${quote(fm.start)} and end ${quote(fm.end)}` });
    ok = false;
  } else if (start.allDay ? end.dt < start.dt : end.dt <= start.dt) {
    ctx.problems.push({ file: f.file, field: "end", message: `must be after start (${fm.start}), got ${quote(fm.end)}` });
    ok = false;
  }
  const location = fm.location ? ctx.practice.locations.find((l) => l.key === fm.location) : undefined;
  if (fm.location && !location) {
    const known = ctx.practice.locations.map((l) => l.key).join(", ");
    ctx.problems.push({ file: f.file, field: "location", message: `no location with the key "${fm.location}" in practice.yaml (known: ${known})` });
    ok = false;
  }
  if (!ok) return undefined;
  const url = ctx.urls.local(id.lang, `/events/${id.key}/`);
  return {
    kind: "event",
    key: id.key,
    lang: id.lang,
    file: f.file,
    url,
    ics: ctx.urls.local(id.lang, `/events/${id.key}.ics`),
    html,
    videoHosts: [],
    live: false,
    status: fm.draft ? "draft" : "published",
    title: fm.title,
    description: fm.description,
    start,
    end,
    endsAt: endInstant(end),
    locationKey: location?.key,
    registration: fm.registration,
    cancelled: fm.cancelled ?? false,
    ...(fm.announce !== undefined && { announce: announceOf(fm.announce) }),
  };
}

export function toAlert(ctx: Ctx, f: SourceFile, fm: AlertFrontMatter, id: { key: string; lang: Lang }): Alert | undefined {
  if (fm.draft && ctx.mode !== "preview") return undefined;
  const zone = ctx.practice.timezone;
  const from = toZoned(fm.from, zone).dt;
  const until = endInstant(toZoned(fm.until, zone));
  if (until <= from) {
    ctx.problems.push({ file: f.file, field: "until", message: `must be after from (${fm.from}), got ${quote(fm.until)}` });
    return undefined;
  }
  return { key: id.key, lang: id.lang, file: f.file, message: fm.message, link: fm.link, linkText: fm.linkText, level: fm.level, from, until };
}

/** Cross-file checks on practice.yaml itself: closures name real locations and run forwards. */
export function checkPractice(practice: Practice, file: string, problems: Problem[]): void {
  const keys = practice.locations.map((l) => l.key);
  const seen = new Set<string>();
  practice.locations.forEach((l, i) => {
    if (seen.has(l.key)) problems.push({ file, field: `locations[${i}].key`, message: `"${l.key}" is used by two locations; keys must be unique` });
    seen.add(l.key);
  });
  (practice.closures ?? []).forEach((c, i) => {
    if (c.until && c.until < c.from) problems.push({ file, field: `closures[${i}].until`, message: `must not be before from (${c.from}), got "${c.until}"` });
    (c.locations ?? []).forEach((k, j) => {
      if (!keys.includes(k)) problems.push({ file, field: `closures[${i}].locations[${j}]`, message: `no location with the key "${k}" (known: ${keys.join(", ")})` });
    });
  });
}
