// practice.yaml fields behind the trust pages: who hosts the site (named on the privacy
// page, and deciding whether pages carry the security policy as <meta> tags) and the
// practice's HIPAA Notice of Privacy Practices (linked from every footer).
import { z } from "zod";
import { choice, text, url } from "./fields.ts";
import { quote } from "../content/problems.ts";

export const HOST_IDS = ["netlify", "cloudflare-pages", "github-pages", "s3", "other"] as const;
export type HostId = (typeof HOST_IDS)[number];

export const hostingSchema = z
  .strictObject({
    host: choice(HOST_IDS, {
      label: "Web host",
      hint: "Who serves the site. Decides what the privacy page says and whether pages carry the security policy themselves.",
    }),
    name: text({
      label: "Host's company",
      max: 80,
      hint: "Needed for host: other; replaces the known name otherwise.",
      example: "Example Hosting Inc.",
    }).optional(),
    privacyUrl: url({ label: "Host's privacy policy", hint: "Needed for host: other." }).optional(),
  })
  .refine((h) => h.host !== "other" || (h.name !== undefined && h.privacyUrl !== undefined), {
    error: 'host "other": also give the company\'s name and its privacyUrl, so the privacy page can name who keeps the visitor logs',
  })
  .meta({ label: "Hosting" });

export const NOTICE_FILE_RE = /^\/assets\/[^\s]+\.(pdf|html?|txt)$/i;

const NOTICE_MISSING =
  "is required: the Notice of Privacy Practices that HIPAA requires a practice to post on its website, " +
  "as a web address (https://...) or a file kept in the site such as /assets/notice-of-privacy-practices.pdf";

export const noticeSchema = z
  .string({ error: (iss) => (iss.input === undefined ? NOTICE_MISSING : "expected a web address or a file under /assets/") })
  .trim()
  .refine((s) => NOTICE_FILE_RE.test(s) || (/^https?:\/\/[^\s/]+\.[^\s]+$/.test(s) && URL.canParse(s)), {
    error: (iss) =>
      `expected a web address starting with https:// or a file under /assets/ such as /assets/notice-of-privacy-practices.pdf, got ${quote(iss.input)}`,
  })
  .meta({
    widget: "string",
    label: "Notice of Privacy Practices",
    hint: "A web address, or a PDF kept in the site under /assets/",
    example: "/assets/notice-of-privacy-practices.pdf",
  });
