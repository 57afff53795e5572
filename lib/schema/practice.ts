// practice.yaml: the facts parents look for, edited by staff in one place.
import { z } from "zod";
import { IANAZone } from "luxon";
import { choice, date, flag, integer, link, list, localized, longText, slugRef, text, url } from "./fields.ts";
import { quote } from "../content/problems.ts";
import { LANGS } from "../i18n/index.ts";
import { COMMENT_MODES } from "./content.ts";
import { commentFormSchema, commentsCloseAfterDays } from "./comment.ts";
import { hostingSchema, noticeSchema } from "./trust.ts";
import { announceSchema } from "./announce.ts";

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HEX = /^#[0-9a-fA-F]{6}$/;
const INTERVAL_RE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
const interval = z
  .string({ error: 'expected opening hours such as "08:00-17:00"' })
  .regex(INTERVAL_RE, { error: (iss) => `expected opening hours such as "08:00-17:00", got ${quote(iss.input)}` })
  .refine((s) => s.slice(0, 5) < s.slice(6), { error: (iss) => `closing time must be after opening time, got ${quote(iss.input)}` })
  .meta({ widget: "string", label: "Hours", example: "08:00-17:00" });

const dayHours = list(interval, { label: "Open intervals", max: 6, hint: "Empty list: closed all day." });

const hours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.optional()])) as Record<Weekday, z.ZodOptional<typeof dayHours>>,
);

const phone = text({ label: "Phone", max: 30, example: "(555) 555-0123" }).regex(/^[+()\d][\d\s().+-]{5,}$/, {
  error: (iss) => `expected a phone number such as (555) 555-0123, got ${quote(iss.input)}`,
});

export const closureSchema = z.strictObject({
  from: date({ label: "First day", hint: "YYYY-MM-DD" }).refine((s) => s.length === 10, { error: "expected a date as YYYY-MM-DD" }),
  until: date({ label: "Last day", hint: "YYYY-MM-DD; leave empty for one day" })
    .refine((s) => s.length === 10, { error: "expected a date as YYYY-MM-DD" })
    .optional(),
  reason: localized(text({ label: "Reason", max: 120, example: "Thanksgiving" })),
  hours: dayHours.optional().meta({ label: "Special hours", hint: "Leave empty to close all day, or give holiday hours." }),
  locations: list(slugRef({ label: "Location", ref: "location" }), {
    label: "Locations",
    hint: "Leave empty for all locations.",
  }).optional(),
});

export const locationSchema = z.strictObject({
  key: slugRef({ label: "Short key", ref: "location" }),
  name: localized(text({ label: "Name", max: 80 })),
  address: z.strictObject({
    street: text({ label: "Street", max: 120 }),
    city: text({ label: "City", max: 80 }),
    region: text({ label: "State or region", max: 40 }),
    postalCode: text({ label: "Postal code", max: 20 }),
    country: text({ label: "Country code", max: 2, min: 2, example: "US" }),
  }),
  phone: phone.optional(),
  mapUrl: url({ label: "Directions link" }).optional(),
  geo: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  parking: localized(longText({ label: "Parking or transit note", max: 300 })).optional(),
  hours,
});

export const practiceSchema = z
  .strictObject({
    name: text({ label: "Practice name", max: 80 }),
    tagline: localized(text({ label: "Tagline", max: 120 })).optional(),
    description: localized(text({ label: "Default description", min: 20, max: 300 })),
    url: url({ label: "Site address", hint: "Where the site is published, e.g. https://www.example.org" }),
    logo: text({
      label: "Logo",
      max: 200,
      hint: "An SVG (best) or a large square PNG under /assets/; favicons and app icons are made from it.",
    })
      .regex(/^\/assets\/\S+\.(svg|png)$/i, {
        error: (iss) => `expected an SVG or PNG under /assets/, e.g. /assets/logo.svg, got ${quote(iss.input)}`,
      })
      .optional(),
    brand: z
      .strictObject({
        color: text({
          label: "Brand colour",
          max: 7,
          example: "#0b6e69",
          hint: "The practice's main colour as #RRGGBB; every shade of the site is made from it and checked for contrast. Leave it out to keep the site's own teal.",
        })
          .regex(HEX, { error: (iss) => `expected a colour as #RRGGBB such as "#0b6e69", got ${quote(iss.input)}` })
          .optional(),
        accent: text({ label: "Accent colour", max: 7, example: "#b4451f", hint: "Optional: a second colour for highlights, as #RRGGBB." })
          .regex(HEX, { error: (iss) => `expected a colour as #RRGGBB such as "#b4451f", got ${quote(iss.input)}` })
          .optional(),
        hero: z
          .strictObject({
            image: text({
              label: "Home page photo",
              max: 200,
              hint: "A photo (JPEG, PNG or WebP) under /assets/, at least 1200 pixels wide; shown beside the welcome on the home page.",
            }).regex(/^\/assets\/\S+\.(jpe?g|png|webp|avif)$/i, {
              error: (iss) =>
                `expected a photo (JPEG, PNG, WebP or AVIF) under /assets/, e.g. /assets/waiting-room.jpg, got ${quote(iss.input)}`,
            }),
            alt: localized(
              text({
                label: "Photo description",
                min: 1,
                max: 200,
                hint: "What the photo shows, for parents who can't see it.",
                example: "Our waiting room, with a play corner and big windows",
              }),
            ),
          })
          .optional(),
      })
      .optional(),
    timezone: text({ label: "Time zone", max: 60, example: "America/Chicago" }).refine((z) => IANAZone.isValidZone(z), {
      error: (iss) => `expected an IANA time zone such as America/Chicago, got ${quote(iss.input)}`,
    }),
    language: choice(LANGS as [string, ...string[]], { label: "Default language" }).default("en"),
    languages: list(choice(LANGS as [string, ...string[]], { label: "Language" }), {
      label: "Site languages",
      hint: "Every language the site is published in, e.g. [en, es]. Each needs a strings file in lib/i18n/.",
      max: 10,
    }).optional(),
    phone,
    afterHours: z.strictObject({ phone, note: localized(longText({ label: "Note", max: 300 })).optional() }).optional(),
    fax: phone.optional(),
    email: text({ label: "Email", max: 120 })
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "expected an email address" })
      .optional(),
    emergency: z
      .strictObject({
        number: text({ label: "Emergency number", max: 10 }),
        text: localized(longText({ label: "Emergency advice", max: 300 })),
      })
      .optional(),
    newPatients: z.strictObject({
      accepting: flag({ label: "Accepting new patients" }),
      note: localized(longText({ label: "Note", max: 500 })).optional(),
    }),
    portal: z
      .strictObject({ url: url({ label: "Patient portal address" }), label: localized(text({ label: "Link text", max: 40 })).optional() })
      .optional(),
    booking: z
      .strictObject({
        url: localized(
          link({
            label: "Online booking page",
            example: "/appointments/",
            hint: 'Where parents book a visit online: your portal\'s scheduler or a booking page (https://...), or a page of this site. One address for every language, or one per language. A "Book a visit" button then stands beside "Call" on every page.',
          }),
        ),
        label: localized(
          text({ label: "Button text", max: 30, hint: 'Leave empty for "Book a visit".', example: "Book a visit" }),
        ).optional(),
      })
      .meta({ label: "Online booking" })
      .optional(),
    languagesSpoken: list(text({ label: "Language", max: 40 }), { label: "Languages spoken", max: 20 }).optional(),
    insurance: list(text({ label: "Plan", max: 120 }), { label: "Insurance accepted", max: 100 }).optional(),
    insuranceNote: localized(longText({ label: "Insurance note", max: 500 })).optional(),
    forms: list(
      z
        .strictObject({
          title: localized(text({ label: "Title", max: 120 })),
          url: url({ label: "Link", hint: "An online form or a file elsewhere." }).optional(),
          file: text({ label: "File", max: 200, hint: "A download kept in the site, e.g. /assets/forms/medication.pdf" })
            .regex(/^\/assets\/[^\s]+\.(pdf|docx?|rtf|txt)$/i, {
              error: (iss) => `expected a file under /assets/ such as /assets/forms/medication.pdf, got ${quote(iss.input)}`,
            })
            .optional(),
          type: localized(
            text({ label: "Type", max: 60, hint: "For links: e.g. Online form, or PDF, 2 pages. Files get type and size automatically." }),
          ).optional(),
        })
        .refine((f) => (f.url === undefined) !== (f.file === undefined), { error: "expected either url or file (one of them)" }),
      { label: "Forms", max: 40 },
    ).optional(),
    locations: list(locationSchema, { label: "Locations", max: 20 }).min(1, { error: "expected at least one location" }),
    social: z
      .strictObject({
        x: url({ label: "X (Twitter)" }).optional(),
        facebook: url({ label: "Facebook" }).optional(),
        instagram: url({ label: "Instagram" }).optional(),
        youtube: url({ label: "YouTube" }).optional(),
        linkedin: url({ label: "LinkedIn" }).optional(),
        tiktok: url({ label: "TikTok" }).optional(),
        threads: url({ label: "Threads" }).optional(),
        bluesky: url({ label: "Bluesky" }).optional(),
        mastodon: url({ label: "Mastodon" }).optional(),
      })
      .optional(),
    // npm run announce: which social accounts new posts and events go to (names of CI secrets only).
    announce: announceSchema.optional(),
    comments: choice(COMMENT_MODES, { label: "Default comment setting" }).optional(),
    commentsCloseAfterDays: commentsCloseAfterDays.optional(),
    commentForm: commentFormSchema.optional(),
    closures: list(closureSchema, { label: "Closures and holiday hours", max: 100 }).optional(),
    // Staff-only checks (npm run check, the preview's /_staff/ page); never on the public site.
    readingGrade: integer({
      label: "Reading grade target",
      min: 1,
      max: 16,
      hint: "Posts written above this US school grade are flagged for staff (default 8, as health-literacy guidance asks). Never stops the build.",
      example: 8,
    }).optional(),
    reviewEveryMonths: integer({
      label: "Medical review every (months)",
      min: 1,
      max: 60,
      hint: "A post or page whose medical review (reviewed) is older than this is listed for staff (default 12). Never stops the build.",
      example: 12,
    }).optional(),
    hosting: hostingSchema,
    noticeOfPrivacyPractices: noticeSchema,
    languageAssistance: z
      .strictObject({
        phone: phone.optional(),
        text: localized(longText({ label: "How to get free language help", max: 1000 })),
        taglines: list(
          z.strictObject({
            lang: text({ label: "Language code", max: 12, example: "vi" }).regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, {
              error: "expected a language code such as vi or zh-Hant",
            }),
            text: longText({ label: "Tagline in that language", max: 500 }),
          }),
          { label: "Taglines in other languages", max: 30 },
        ).optional(),
        nondiscrimination: localized(longText({ label: "Nondiscrimination notice", max: 3000 })).optional(),
      })
      .optional(),
  })
  .meta({ kind: "practice", label: "Practice details" });

export type Practice = z.infer<typeof practiceSchema>;
export type Location = z.infer<typeof locationSchema>;
export type Closure = z.infer<typeof closureSchema>;
