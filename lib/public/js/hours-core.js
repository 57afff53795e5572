// Open-now logic, shared by the build (through lib/hours.ts) and the browser (live.js),
// so a page built yesterday says the same as a fresh build would. Everything is wall-clock
// time in the practice's zone, which keeps daylight-saving changes out of the arithmetic.
// Plain JavaScript with JSDoc types: browsers load it as is, TypeScript checks it.

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/**
 * @typedef {Partial<Record<string, string[]>>} Weekly  weekday name → ["08:00-12:00", ...]
 * @typedef {{ from: string, until: string, hours: string[] }} Closure  inclusive YYYY-MM-DD dates; hours [] = closed
 * @typedef {{ date: string, weekday: number, minutes: number }} Wall  weekday 0 = Monday
 * @typedef {{ open: true, closes: string } | { open: false, opens?: { days: number, weekday: number, time: string } }} Status
 */

/** @param {Date} instant @param {string} zone @returns {Wall} */
export function wallClock(instant, zone) {
  /** @type {Record<string, string>} */
  const p = {};
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(instant);
  for (const part of parts) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, weekday: weekdayOf(date), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** @param {string} date YYYY-MM-DD @returns {number} 0 = Monday */
export function weekdayOf(date) {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** @param {string} date @param {number} days */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The intervals that apply on a date: a closure or holiday hours win over the week. @param {Weekly} weekly @param {Closure[]} closures @param {string} date */
export function hoursOn(weekly, closures, date) {
  const closure = closures.find((c) => c.from <= date && date <= c.until);
  return closure ? closure.hours : (weekly[WEEKDAYS[weekdayOf(date)] ?? ""] ?? []);
}

/** @param {string} hhmm */
const toMinutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** @param {Weekly} weekly @param {Closure[]} closures @param {Wall} now @returns {Status} */
export function openStatus(weekly, closures, now) {
  for (const iv of hoursOn(weekly, closures, now.date)) {
    const [start, end] = [iv.slice(0, 5), iv.slice(6)];
    if (toMinutes(start) <= now.minutes && now.minutes < toMinutes(end)) return { open: true, closes: end };
    if (now.minutes < toMinutes(start)) return { open: false, opens: { days: 0, weekday: now.weekday, time: start } };
  }
  for (let days = 1; days <= 14; days++) {
    const date = addDays(now.date, days);
    const first = hoursOn(weekly, closures, date)[0];
    if (first) return { open: false, opens: { days, weekday: weekdayOf(date), time: first.slice(0, 5) } };
  }
  return { open: false };
}

/** "17:00" → "5:00 PM" (en-US) or "5:00 p. m." (es-US). @param {string} hhmm @param {string} locale */
export function formatTime(hhmm, locale) {
  const [h, m] = hhmm === "24:00" ? [23, 59] : [Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))];
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
}

/** @param {number} weekday 0 = Monday @param {string} locale */
export function weekdayName(weekday, locale) {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + weekday)));
}

/**
 * @param {Status} status @param {string} locale
 * @param {{ open: string, opensToday: string, opensTomorrow: string, opensDay: string, closed: string }} strings  templates with {time} and {day}
 */
export function statusText(status, locale, strings) {
  if (status.open) return strings.open.replace("{time}", formatTime(status.closes, locale));
  if (!status.opens) return strings.closed;
  const { days, weekday, time } = status.opens;
  const template = days === 0 ? strings.opensToday : days === 1 ? strings.opensTomorrow : strings.opensDay;
  return template.replace("{time}", formatTime(time, locale)).replace("{day}", weekdayName(weekday, locale));
}
