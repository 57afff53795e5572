// Every date in the practice's zone and the reader's locale. Front matter dates are
// local to the practice: a post dated 23:30 in Chicago is that day, not the next UTC day.
import { DateTime } from "luxon";
import { localeOf, type Lang } from "../i18n/index.ts";

export interface ContentDate {
  /** The instant, in the practice's zone. */
  dt: DateTime;
  /** True when the author gave a date without a time. */
  allDay: boolean;
}

/** Assumes the string already passed the schema's date check. */
export function toZoned(value: string, zone: string): ContentDate {
  const key = `${zone} ${value}`;
  let dt = parsed.get(key);
  if (!dt) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value);
    dt = hasOffset ? DateTime.fromISO(value, { setZone: true }).setZone(zone) : DateTime.fromISO(value, { zone });
    parsed.set(key, dt);
  }
  return { dt, allDay: value.length === 10 };
}

// Reading a date in a named zone is luxon's costliest step (the zone's offset comes from
// Intl), and every preview rebuild reads every post's, event's and comment's date again:
// about a tenth of a second per rebuild at 1,000 posts. A DateTime never changes, so the
// same text in the same zone can share one; sharing it also keeps displayDate's memo
// (below) from one rebuild to the next. A memo of a pure function, not state: what it
// returns is what it would compute. Bounded, so a long preview session cannot grow it.
const parsed = new Map<string, DateTime>();
const PARSED_MAX = 50_000;

/** The `datetime` attribute: a date for all-day values, else a full ISO instant with offset. */
export function machineDate(d: ContentDate): string {
  return d.allDay ? d.dt.toISODate()! : d.dt.toISO({ suppressMilliseconds: true })!;
}

// A post's date is shown on its page, the blog pages, its tags' pages and its author's
// page; Intl formatting is costly enough to do once per date and language. Remembered
// per DateTime object (one per date text and zone, shared by toZoned), so the memo lives
// as long as toZoned's and is bounded with it.
const shownDates = new WeakMap<DateTime, Map<Lang, string>>();

export function displayDate(d: DateTime, lang: Lang): string {
  let byLang = shownDates.get(d);
  if (!byLang) shownDates.set(d, (byLang = new Map<Lang, string>()));
  let shown = byLang.get(lang);
  if (shown === undefined) {
    shown = d.setLocale(localeOf(lang)).toLocaleString(DateTime.DATE_FULL);
    byLang.set(lang, shown);
  }
  return shown;
}

export function displayTime(d: DateTime, lang: Lang): string {
  return d.setLocale(localeOf(lang)).toLocaleString(DateTime.TIME_SIMPLE);
}

/** "08:00" in the practice zone → "8:00 AM" in the reader's locale. */
export function displayClock(hhmm: string, lang: Lang): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  if (h === 24) return displayTime(DateTime.fromObject({ hour: 23, minute: 59 }), lang);
  return displayTime(DateTime.fromObject({ hour: h, minute: m }), lang);
}
