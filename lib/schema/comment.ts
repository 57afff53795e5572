// Approved blog comments: content/comments/<post key>/<id>.md, one reviewed file each,
// and the practice.yaml settings for the comment form. Declarative like every schema.
import { z } from "zod";
import { date, flag, integer, slugRef, text } from "./fields.ts";
import { quote } from "../content/problems.ts";
import { LANGS } from "../i18n/index.ts";

/** A comment's id is its file name without `.md`; it becomes the anchor #comment-<id>. */
export const COMMENT_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COMMENT_ID_MAX = 80;
/** WordPress numbers comments with a 64-bit counter; any real site stays far below this. */
export const WORDPRESS_ID_MAX = 999_999_999_999;

const commentId = z
  .string({ error: "expected the id (file name without .md) of another comment on this post" })
  .regex(COMMENT_ID_RE, { error: (iss) => `expected a comment id such as 2026-02-04-3f9a1c2e, got ${quote(iss.input)}` })
  .meta({ widget: "string", label: "In reply to", hint: "The file name (without .md) of the comment this one answers." });

export const commentSchema = z
  .strictObject({
    author: text({ label: "Name", max: 80, hint: "The name the commenter gave; shown as typed (never their email)." }).optional(),
    date: date({ label: "Sent", widget: "datetime", hint: "YYYY-MM-DDTHH:MM in the practice's time zone (or with an offset)." }).refine(
      (s) => s.length > 10,
      {
        error: (iss) => `expected a date and time such as 2026-02-04T09:30, got ${quote(iss.input)}`,
      },
    ),
    replyTo: commentId.optional(),
    provider: slugRef({
      label: "Reply from the practice by",
      ref: "provider",
      hint: "A provider's file name, e.g. maya-okafor: marks a reply from the practice.",
    }).optional(),
    lang: z
      .enum(LANGS as [string, ...string[]], {
        error: (iss) => `expected one of the site's language codes (${LANGS.join(", ")}), got ${quote(iss.input)}`,
      })
      .meta({ widget: "select", label: "Language of the comment", hint: "Leave out for the site's default language." })
      .optional(),
    wordpressId: integer({
      label: "Old WordPress comment number",
      min: 1,
      max: WORDPRESS_ID_MAX,
      hint: "Set by npm run import:wordpress: the comment's number on the old WordPress site, so old links ending in #comment-501 still land on it. Leave it as it is; never the same number twice on one post.",
      example: 501,
    }).optional(),
  })
  .refine((c) => c.author !== undefined || c.provider !== undefined, {
    path: ["author"],
    error: "is required: the commenter's name (it may be left out only on a reply from the practice, with provider)",
  })
  .meta({ kind: "comment", folder: "comments", label: "Comments", fileName: "{post}/{id}.md" });

export type CommentFrontMatter = z.infer<typeof commentSchema>;

/** practice.yaml `commentForm`: where the "Leave a comment" form sends its POST. */
export const commentFormSchema = z
  .strictObject({
    endpoint: z
      .string({ error: "expected a web address starting with https:// or a site path such as /comment-received/" })
      .regex(/^(https:\/\/[^\s/]+\.[^\s]+|\/[^\s]*)$/, {
        error: (iss) => `expected a web address starting with https:// or a site path such as /comment-received/, got ${quote(iss.input)}`,
      })
      .refine((s) => s.startsWith("/") || URL.canParse(s), {
        error: (iss) => `expected a web address starting with https://, got ${quote(iss.input)}`,
      })
      .meta({
        widget: "string",
        label: "Form address",
        hint: "Where comments are sent: a form service's address (https://...), or with Netlify Forms the site path of your thank-you page.",
        example: "/comment-received/",
      }),
    netlify: flag({ label: "Netlify Forms", hint: "true when the site is on Netlify and Netlify Forms collects the comments." }).optional(),
  })
  .meta({ label: "Comment form" });

export const commentsCloseAfterDays = integer({
  label: "Close comments after (days)",
  min: 1,
  max: 3650,
  hint: "Comments on a post close automatically this many days after it was published (when the site is built).",
  example: 90,
});

export type CommentForm = z.infer<typeof commentFormSchema>;
