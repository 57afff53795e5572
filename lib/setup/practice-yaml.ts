// Answers → content/_data/practice.yaml: every fact written once, in the shape the practice
// schema checks (lib/schema/practice.ts), with the directions link worked out from the address.
import YAML from "yaml";
import { slugOf } from "../content/paths.ts";
import { WEEKDAYS } from "../schema/practice.ts";
import type { Answers, LocationAnswers } from "./answers.ts";

/** A directions link from the address alone (OpenStreetMap: no account, no tracking parameters). */
export function mapUrl(a: Pick<LocationAnswers, "street" | "city" | "region" | "postalCode">): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${a.street}, ${a.city}, ${a.region} ${a.postalCode}`)}`;
}

/** "08:00-12:00, 13:00-17:00" → ["08:00-12:00", "13:00-17:00"]; "closed" or nothing → []. */
export function intervals(text: string | undefined): string[] {
  if (!text || /^\s*closed\s*$/i.test(text)) return [];
  return text.split(",").map((s) => s.replace(/\s+/g, ""));
}

function weekHours(h: LocationAnswers["hours"]): Record<string, string[]> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [day, intervals(h[day] ?? (["saturday", "sunday"].includes(day) ? undefined : h.weekdays))]),
  );
}

/** Location keys: "main" for the first, then a slug of each name, never twice. */
export function locationKeys(locations: readonly { name: string }[]): string[] {
  const keys: string[] = [];
  locations.forEach((l, i) => {
    let key = i === 0 ? "main" : slugOf(l.name).slice(0, 30) || `office-${i + 1}`;
    while (keys.includes(key)) key = `${key}-${i + 1}`;
    keys.push(key);
  });
  return keys;
}

export function practiceYaml(a: Answers, opts: { logo?: string } = {}): string {
  const keys = locationKeys(a.locations);
  const practice = {
    name: a.name,
    description: a.description ?? `${a.name} cares for children and families in ${a.locations[0]!.city}. Call ${a.phone} to book a visit.`,
    url: a.url,
    ...(opts.logo ? { logo: opts.logo } : {}),
    ...(a.brandColor ? { brand: { color: a.brandColor } } : {}),
    timezone: a.timezone,
    language: a.languages[0],
    ...(a.languages.length > 1 ? { languages: a.languages } : {}),
    phone: a.phone,
    ...(a.afterHoursPhone ? { afterHours: { phone: a.afterHoursPhone } } : {}),
    ...(a.email ? { email: a.email } : {}),
    newPatients: { accepting: a.acceptingNewPatients },
    locations: a.locations.map((l, i) => ({
      key: keys[i],
      name: l.name,
      address: { street: l.street, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country },
      mapUrl: mapUrl(l),
      hours: weekHours(l.hours),
    })),
    hosting: { host: a.host },
    noticeOfPrivacyPractices: a.noticeOfPrivacyPractices,
  };
  const header = [
    "# The practice's facts, in one place: pages show them, and Markdown names them with",
    "# [[phone]], [[after-hours-phone]], [[name]], [[email]], [[address]] and [[hours-today]] (docs/staff/writing.md).",
    "# Written by `npm run setup`; edit it freely, and run `npm run check` after.",
  ].join("\n");
  return `${header}\n${YAML.stringify(practice, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })}`;
}
