// What `npm run setup` asks a new practice, as a schema: the same answers come from the
// terminal's questions or from an answers file (YAML or JSON), and are checked the same way.
import { z } from "zod";
import { IANAZone } from "luxon";
import { choice, flag, list, text, url } from "../schema/fields.ts";
import { LANGS } from "../i18n/index.ts";
import { HOST_IDS } from "../schema/trust.ts";
import { WEEKDAYS } from "../schema/practice.ts";

const HOURS_RE =
  /^\s*$|^\s*(?:closed|([01]\d|2[0-3]):[0-5]\d\s*-\s*([01]\d|2[0-4]):[0-5]\d(?:\s*,\s*([01]\d|2[0-3]):[0-5]\d\s*-\s*([01]\d|2[0-4]):[0-5]\d)*)\s*$/i;
const hours = z
  .string({ error: 'expected opening hours such as "08:00-17:00" or "08:00-12:00, 13:00-17:00", or "closed"' })
  .regex(HOURS_RE, { error: 'expected opening hours such as "08:00-17:00" or "08:00-12:00, 13:00-17:00", or "closed"' });

const phone = text({ label: "Phone", max: 30 }).regex(/^[+()\d][\d\s().+-]{5,}$/, {
  error: "expected a phone number such as (555) 555-0123",
});

export const locationAnswers = z.strictObject({
  name: text({ label: "Location name", max: 80, example: "Main office" }),
  street: text({ label: "Street", max: 120 }),
  city: text({ label: "City", max: 80 }),
  region: text({ label: "State or region", max: 40 }),
  postalCode: text({ label: "Postal code", max: 20 }),
  country: text({ label: "Country code", max: 2, min: 2 }).default("US"),
  /** "weekdays" sets Monday to Friday at once; a day named on its own wins. */
  hours: z.strictObject(
    Object.fromEntries([...WEEKDAYS, "weekdays"].map((d) => [d, hours.optional()])) as Record<
      (typeof WEEKDAYS)[number] | "weekdays",
      z.ZodOptional<typeof hours>
    >,
  ),
});

export const answersSchema = z.strictObject({
  name: text({ label: "Practice name", max: 80 }),
  description: text({ label: "One sentence about the practice", min: 20, max: 300 }).optional(),
  phone,
  afterHoursPhone: phone.optional(),
  email: text({ label: "Email", max: 120 })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "expected an email address" })
    .optional(),
  url: url({ label: "Site address" }),
  timezone: text({ label: "Time zone", max: 60 }).refine((zone) => IANAZone.isValidZone(zone), {
    error: "expected a time zone such as America/Chicago",
  }),
  languages: list(choice(LANGS as [string, ...string[]], { label: "Language" }), { label: "Languages", max: LANGS.length })
    .min(1, { error: "expected at least one language" })
    .default(["en"]),
  acceptingNewPatients: flag({ label: "Accepting new patients" }).default(true),
  host: choice(HOST_IDS, { label: "Web host" }),
  noticeOfPrivacyPractices: text({ label: "Notice of Privacy Practices", max: 300 }),
  /** The practice's colour; every shade of the site is made from it (lib/model/brand.ts). */
  brandColor: text({ label: "Brand colour", max: 7 })
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour as #RRGGBB such as "#0b6e69"' })
    .optional(),
  /** A file to copy to assets/ (SVG or PNG); the header, icons and social card use it. */
  logo: text({ label: "Logo file", max: 300 }).optional(),
  locations: list(locationAnswers, { label: "Locations", max: 20 }).min(1, { error: "expected at least one location" }),
  provider: z
    .strictObject({
      name: text({ label: "Name", max: 100 }),
      credentials: text({ label: "Credentials", max: 60 }),
      role: text({ label: "Role", max: 80 }),
    })
    .optional(),
});

export type Answers = z.infer<typeof answersSchema>;
export type LocationAnswers = z.infer<typeof locationAnswers>;
