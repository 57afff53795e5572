// What the export says about the old site that every later step looks up: its folder on
// the host, where its uploads were, its attachments (by id and by uploaded file) and which
// WordPress author is which provider.
import type { Wxr, WxrItem } from "./wxr.ts";
import type { PlanContext } from "./types.ts";
import { basePathOf, pathOf, personKey, uploadPath } from "./paths.ts";

export interface SiteIndex {
  /** The old site's folder on its host ("" or "/news"): hand-made old addresses start with it. */
  base: string;
  /** Where the old site's uploads were on its host: "/wp-content/uploads/" (or in its folder, or a multisite sub-site's sites/4/). */
  uploadsAt: string;
  attachments: ReadonlyMap<number, WxrItem>;
  /** An upload's original path (2024/10/a.jpg) → its attachment. */
  attachmentByUpload: ReadonlyMap<string, WxrItem>;
  /** A person's name, as personKey makes it → the provider's slug. */
  providerByPerson: ReadonlyMap<string, string>;
  /** The provider a WordPress login writes as, if their name matches one. */
  providerOfLogin(login: string): string | undefined;
  /** An author's display name, or the login when the export has no such author. */
  authorName(login: string): string;
}

/** The media library's alt text of an attachment ("" when none). */
export const altOf = (att: WxrItem | undefined): string => (att?.meta._wp_attachment_image_alt ?? "").trim();

export function indexSite(wxr: Wxr, ctx: PlanContext): SiteIndex {
  const base = basePathOf(wxr.siteUrl);
  let uploadsAt = `${base}/wp-content/uploads/`;
  const providerByPerson = new Map(ctx.providers.map((p) => [personKey(p.name), p.slug]));
  const authorByLogin = new Map(wxr.authors.map((a) => [a.login, a]));
  const attachments = new Map<number, WxrItem>();
  const attachmentByUpload = new Map<string, WxrItem>();
  for (const it of wxr.items) {
    if (it.type !== "attachment" || !it.attachmentUrl) continue;
    attachments.set(it.id, it);
    const up = uploadPath(it.attachmentUrl);
    if (up) attachmentByUpload.set(up.original, it);
    const at = pathOf(it.attachmentUrl, wxr.siteUrl)?.match(/^(.*?\/wp-content\/uploads\/(?:sites\/\d+\/)?)/)?.[1];
    if (at) uploadsAt = at;
  }
  return {
    base,
    uploadsAt,
    attachments,
    attachmentByUpload,
    providerByPerson,
    providerOfLogin: (login) => {
      const a = authorByLogin.get(login);
      return a ? (providerByPerson.get(personKey(a.displayName)) ?? providerByPerson.get(personKey(a.login))) : undefined;
    },
    authorName: (login) => authorByLogin.get(login)?.displayName ?? login,
  };
}
