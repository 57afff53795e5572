// The content model: one declarative schema per kind of Markdown file. These are the
// single source for validation, TypeScript types, scaffolds and editor config.
import { z } from "zod";
import { choice, date, flag, imagePath, integer, list, slugRef, text, url } from "./fields.ts";
import { quote } from "../content/problems.ts";

export const COMMENT_MODES = ["open", "closed", "off"] as const;
export const PAGE_BLOCKS = ["hours", "locations", "providers", "insurance", "forms", "contact", "newPatients", "events"] as const;

const tag = text({ label: "Tag", max: 40 });

// Medical review, for health advice on posts and pages: who checked it and when.
const reviewedBy = slugRef({
  label: "Medically reviewed by",
  ref: "provider",
  hint: "The reviewing provider's file name, e.g. maya-okafor; give the date too.",
});
const reviewed = date({ label: "Review date", widget: "date", hint: "YYYY-MM-DD; give the reviewer too." });

// The practice's social accounts (practice.yaml `announce`): false keeps a post or event off
// them, a line of text replaces the summary there (npm run announce, lib/announce/). The web
// editor saves what staff type as text, so the words false, no and off mean false too.
const announceLine = text({ label: "Line for social networks", max: 200 });
const announce = z
  .union([z.literal(false), announceLine], { error: "expected false (not announced on social networks) or a line of text to post there" })
  .meta({
    widget: "string",
    label: "Social networks",
    hint: "Leave empty to announce it with its summary; write false to not announce it; or write the line to post.",
    example: false,
  });

/** Front matter `announce` as the model keeps it: false, a line, or undefined (announced with its summary). */
export function announceOf(value: false | string | undefined): false | string | undefined {
  return typeof value === "string" && /^(false|no|off)$/i.test(value.trim()) ? false : value;
}

export const postSchema = z
  .strictObject({
    title: text({ label: "Title", max: 140, hint: "What parents see as the headline." }),
    date: date({ label: "Publish date", hint: "YYYY-MM-DD, or YYYY-MM-DDTHH:MM in the practice's time zone." }),
    description: text({ label: "Summary", min: 20, max: 300, hint: "One or two sentences; shown in lists and search results." }),
    tags: list(tag, { label: "Tags", max: 8, hint: "A few short topics, e.g. vaccines, sleep.", example: ["flu", "vaccines"] }).optional(),
    author: slugRef({ label: "Author", ref: "provider", hint: "The provider's file name, e.g. maya-okafor." }).optional(),
    reviewedBy: reviewedBy.optional(),
    reviewed: reviewed.optional(),
    image: imagePath({ label: "Image", hint: "A photo beside the post or under /assets/." }).optional(),
    imageAlt: text({ label: "Image description", max: 300, hint: "Describe the photo for parents who cannot see it." }).optional(),
    draft: flag({ label: "Draft", hint: "Drafts show in preview only." }).optional(),
    comments: choice(COMMENT_MODES, { label: "Comments" }).optional(),
    announce: announce.optional(),
  })
  .meta({ kind: "post", folder: "blog", label: "Blog posts", fileName: "{date}-{slug}.md", url: "/blog/{slug}/" });

export const pageSchema = z
  .strictObject({
    title: text({ label: "Title", max: 140 }),
    description: text({ label: "Summary", min: 20, max: 300, hint: "One or two sentences; shown in search results." }),
    nav: integer({ label: "Menu position", min: 1, max: 99, hint: "Leave empty to keep the page out of the main menu." }).optional(),
    navTitle: text({ label: "Menu label", max: 30 }).optional(),
    blocks: list(choice(PAGE_BLOCKS, { label: "Block" }), { label: "Practice details to show", max: PAGE_BLOCKS.length }).optional(),
    reviewedBy: reviewedBy.optional(),
    reviewed: reviewed.optional(),
    searchTerms: list(text({ label: "Search word", max: 40 }), {
      label: "Search words",
      max: 20,
      hint: "Words parents may search for that should find this page first, e.g. fever.",
      example: ["fever", "rash"],
    }).optional(),
    faq: flag({
      label: "Questions and answers",
      hint: "Each heading is a question and the text under it the answer (search engines show them).",
    }).optional(),
    draft: flag({ label: "Draft" }).optional(),
  })
  .meta({ kind: "page", folder: "pages", label: "Pages", fileName: "{slug}.md", url: "/{slug}/" });

export const providerSchema = z
  .strictObject({
    name: text({ label: "Name", max: 100 }),
    credentials: text({ label: "Credentials", max: 60, example: "MD, FAAP" }),
    role: text({ label: "Role", max: 80, example: "Pediatrician" }),
    photo: imagePath({ label: "Photo" }).optional(),
    photoAlt: text({ label: "Photo description", max: 300 }).optional(),
    languages: list(text({ label: "Language", max: 40 }), {
      label: "Languages spoken",
      max: 12,
      example: ["English", "Spanish"],
    }).optional(),
    order: integer({ label: "Order on the team page", min: 0, max: 999, example: 1 }).optional(),
    since: integer({ label: "Year joined", min: 1900, max: 2100, example: 2024 }).optional(),
    draft: flag({ label: "Draft" }).optional(),
  })
  .meta({
    kind: "provider",
    folder: "providers",
    label: "Providers",
    fileName: "{slug}.md",
    url: "/providers/{slug}/",
    slugDropsHonorific: true,
  });

export const ALERT_LEVELS = ["info", "warning", "urgent"] as const;

export const eventSchema = z
  .strictObject({
    title: text({ label: "Title", max: 140 }),
    start: date({ label: "Starts", hint: "YYYY-MM-DDTHH:MM in the practice's time zone, or YYYY-MM-DD for an all-day event." }),
    end: date({ label: "Ends", hint: "Same form as the start." }),
    location: slugRef({ label: "Location", ref: "location", hint: "A location key from practice.yaml, e.g. main." }).optional(),
    description: text({ label: "Summary", min: 20, max: 300 }),
    registration: url({ label: "Registration link" }).optional(),
    cancelled: flag({ label: "Cancelled", hint: "Keeps the event listed, clearly marked as cancelled." }).optional(),
    announce: announce.optional(),
    draft: flag({ label: "Draft" }).optional(),
  })
  .meta({ kind: "event", folder: "events", label: "Events" });

export const alertSchema = z
  .strictObject({
    message: text({ label: "Message", max: 200, hint: "One sentence shown at the top of every page." }),
    link: z
      .string({ error: "expected a web address or a site path such as /hours-locations/" })
      .regex(/^(https?:\/\/\S+|\/\S*)$/, {
        error: (iss) => `expected a web address or a site path such as /hours-locations/, got ${quote(iss.input)}`,
      })
      .meta({ widget: "string", label: "Link" })
      .optional(),
    linkText: text({ label: "Link text", max: 60 }).optional(),
    level: choice(ALERT_LEVELS, { label: "Level" }),
    from: date({ label: "Show from" }),
    until: date({ label: "Show until", hint: "A date (the alert shows through that day) or a date-time." }),
    draft: flag({ label: "Draft", hint: "A draft alert is shown in preview only." }).optional(),
  })
  .meta({ kind: "alert", folder: "alerts", label: "Alerts", body: false });

export type EventFrontMatter = z.infer<typeof eventSchema>;
export type AlertFrontMatter = z.infer<typeof alertSchema>;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export type PostFrontMatter = z.infer<typeof postSchema>;
export type PageFrontMatter = z.infer<typeof pageSchema>;
export type ProviderFrontMatter = z.infer<typeof providerSchema>;
export type PageBlock = (typeof PAGE_BLOCKS)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];
