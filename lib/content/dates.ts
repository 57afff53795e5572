// Dates as staff type them (12/05/2026, December 5, 2026, 2026-12-5 10:00 AM) turned into
// the one form the site reads, so a message can say exactly what to write instead of
// naming a format. Nothing is corrected silently: the suggestion is only ever shown.
//
// 12/05/2026 is December 5 in the US and 12 May in most other places: the practice's
// own locale decides (its default language and the country of its first location); a
// number above 12 decides by itself. Every suggestion names the month in words, so a
// wrong reading is seen at once.

export type DateOrder = "mdy" | "dmy" | "ymd";

/** The order of day and month in a locale's numeric dates: en-US mdy, en-GB and es-US dmy. */
export function dateOrder(locale: string): DateOrder {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric" }).formatToParts(new Date(2026, 11, 5));
  } catch {
    return "mdy";
  }
  const order = parts.filter((p) => p.type !== "literal").map((p) => p.type[0]).join("");
  return order === "dmy" || order === "ymd" ? order : "mdy";
}

/** The locale a practice's numeric dates are read in: its default language and first location's country. */
export function practiceLocale(practice: unknown): string {
  const p = (practice ?? {}) as { language?: unknown; locations?: { address?: { country?: unknown } }[] };
  const lang = typeof p.language === "string" && /^[a-z]{2,3}$/.test(p.language) ? p.language : "en";
  const country = Array.isArray(p.locations) ? p.locations[0]?.address?.country : undefined;
  return `${lang}-${typeof country === "string" && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : "US"}`;
}

const MONTHS: Record<string, number> = {};
const EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
EN.forEach((m, i) => {
  MONTHS[m] = i + 1;
  MONTHS[m.slice(0, 3)] = i + 1;
});
ES.forEach((m, i) => {
  MONTHS[m] ??= i + 1;
  MONTHS[m.slice(0, 3)] ??= i + 1;
});
MONTHS.sept = 9;
MONTHS.setiembre = 9;

const pad = (n: number) => String(n).padStart(2, "0");

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** "10:00 AM", "9am", "14:30", "9.30 p.m." → "10:00", "09:00", "14:30", "21:30". */
function readTime(text: string): string | undefined | null {
  const t = text.trim().replace(/^(at|a las|,)\s*/i, "").trim();
  if (!t) return null;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?$/i.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase().replace(/[^ap]/g, "");
  if (!m[2] && !half) return undefined;
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half === "p" ? 12 : 0);
  }
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : undefined;
}

const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The day a typed date most likely means, as [year, month, day] and the text after it. */
function readDay(value: string, order: DateOrder): { y: number; m: number; d: number; rest: string } | undefined {
  const v = value.trim().replace(/^(mon|tue|wed|thu|fri|sat|sun|lun|mar|mié|mie|jue|vie|sáb|sab|dom)[a-zé]*\.?,?\s+/i, "");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[\sT,])(.*)$/.exec(v);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest: m[4]!.replace(/^T/, " ") };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?=$|[\s,])(.*)$/.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // A number above 12 can only be the day; otherwise the practice's own order decides.
    const monthFirst = b > 12 ? true : a > 12 ? false : order === "mdy";
    return { y: year(m[3]!), m: monthFirst ? a : b, d: monthFirst ? b : a, rest: m[4]! };
  }
  // December 5, 2026 · Dec. 5 2026
  m = /^([a-zé]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i.exec(v);
  if (m && MONTHS[m[1]!.toLowerCase()]) return { y: Number(m[3]), m: MONTHS[m[1]!.toLowerCase()]!, d: Number(m[2]), rest: m[4]! };
  // 5 December 2026 · 5 de diciembre de 2026
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([a-zé]+)\.?,?\s+(?:de\s+)?(\d{4})(.*)$/i.exec(v);
  if (m && MONTHS[m[2]!.toLowerCase()]) return { y: Number(m[3]), m: MONTHS[m[2]!.toLowerCase()]!, d: Number(m[1]), rest: m[4]! };
  return undefined;
}

export interface DateSuggestion {
  /** What to write: YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  value: string;
  /** The same day in words, e.g. "December 5, 2026", so a wrong reading shows. */
  words: string;
}

/** What a date typed another way should be written as, when that is clear. */
export function suggestDate(value: string, order: DateOrder = "mdy"): DateSuggestion | undefined {
  const day = readDay(value, order);
  if (!day || !realDay(day.y, day.m, day.d)) return undefined;
  const time = readTime(day.rest);
  if (time === undefined) return undefined;
  const date = `${day.y}-${pad(day.m)}-${pad(day.d)}`;
  const words = `${EN[day.m - 1]![0]!.toUpperCase()}${EN[day.m - 1]!.slice(1)} ${day.d}, ${day.y}`;
  return time ? { value: `${date}T${time}`, words: `${words} at ${time}` } : { value: date, words };
}
