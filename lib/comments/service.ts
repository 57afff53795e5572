// Who receives what a parent types into the comment form, for the privacy page.
import type { Site } from "../model/model.ts";

/** "Netlify Forms", or the form service's host name; undefined when there is no form. */
export function commentService(site: Pick<Site, "practice">): string | undefined {
  const form = site.practice.commentForm;
  if (!form) return undefined;
  if (form.netlify) return "Netlify Forms";
  return URL.canParse(form.endpoint) ? new URL(form.endpoint).hostname : undefined;
}
