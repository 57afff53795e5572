// The content model: one declarative schema per kind of Markdown file. These are the
// single source for validation, TypeScript types, scaffolds and editor config.
import { z } from "zod";
import { choice, date, flag, imagePath, integer, list, longText, slugRef, text } from "./fields.ts";

export const COMMENT_MODES = ["open", "closed", "off"] as const;
export const PAGE_BLOCKS = ["hours", "locations", "providers", "insurance", "forms", "contact", "newPatients"] as const;

const tag = text({ label: "Tag", max: 40 });

export const postSchema = z
  .strictObject({
    title: text({ label: "Title", max: 140, hint: "What parents see as the headline." }),
    date: date({ label: "Publish date", hint: "YYYY-MM-DD, or YYYY-MM-DDTHH:MM in the practice's time zone." }),
    description: text({ label: "Summary", min: 20, max: 300, widget: "text", hint: "One or two sentences; shown in lists and search results." }),
    tags: list(tag, { label: "Tags", max: 8, hint: "A few short topics, e.g. vaccines, sleep." }).optional(),
    author: slugRef({ label: "Author", ref: "provider", hint: "The provider's file name, e.g. maya-okafor." }).optional(),
    image: imagePath({ label: "Image", hint: "A photo beside the post or under /assets/." }).optional(),
    imageAlt: text({ label: "Image description", max: 300, hint: "Describe the photo for parents who cannot see it." }).optional(),
    draft: flag({ label: "Draft", hint: "Drafts show in preview only." }).optional(),
    comments: choice(COMMENT_MODES, { label: "Comments" }).optional(),
  })
  .meta({ kind: "post", folder: "blog", label: "Blog posts" });

export const pageSchema = z
  .strictObject({
    title: text({ label: "Title", max: 140 }),
    description: text({ label: "Summary", min: 20, max: 300, widget: "text" }),
    nav: integer({ label: "Menu position", min: 1, max: 99, hint: "Leave empty to keep the page out of the main menu." }).optional(),
    navTitle: text({ label: "Menu label", max: 30 }).optional(),
    blocks: list(choice(PAGE_BLOCKS, { label: "Block" }), { label: "Practice details to show", max: PAGE_BLOCKS.length }).optional(),
    draft: flag({ label: "Draft" }).optional(),
  })
  .meta({ kind: "page", folder: "pages", label: "Pages" });

export const providerSchema = z
  .strictObject({
    name: text({ label: "Name", max: 100 }),
    credentials: text({ label: "Credentials", max: 60, example: "MD, FAAP" }),
    role: text({ label: "Role", max: 80, example: "Pediatrician" }),
    photo: imagePath({ label: "Photo" }).optional(),
    photoAlt: text({ label: "Photo description", max: 300 }).optional(),
    languages: list(text({ label: "Language", max: 40 }), { label: "Languages spoken", max: 12 }).optional(),
    order: integer({ label: "Order on the team page", min: 0, max: 999 }).optional(),
    since: integer({ label: "Year joined", min: 1900, max: 2100 }).optional(),
    draft: flag({ label: "Draft" }).optional(),
  })
  .meta({ kind: "provider", folder: "providers", label: "Providers" });

export type PostFrontMatter = z.infer<typeof postSchema>;
export type PageFrontMatter = z.infer<typeof pageSchema>;
export type ProviderFrontMatter = z.infer<typeof providerSchema>;
export type PageBlock = (typeof PAGE_BLOCKS)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];
