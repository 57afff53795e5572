// The footer's "About this website" links: privacy, accessibility, and the practice's
// Notice of Privacy Practices (HIPAA requires covered providers to post it on their website).
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { t } from "./format.ts";

/** The notice's link text, with its file type when it is a download. */
export function noticeLabel(site: Site, lang: Lang): string {
  const type = site.privacyNotice.type;
  return type ? t(lang, "footer.noticeTyped", { type }) : t(lang, "footer.notice");
}

export function noticeHref(site: Site): string {
  return site.privacyNotice.local ? site.urls.href(site.privacyNotice.href) : site.privacyNotice.href;
}

export function TrustLinks({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const u = site.urls;
  return (
    <nav aria-labelledby="foot-about">
      <h2 id="foot-about" class="sitefoot__title">
        {t(lang, "footer.about")}
      </h2>
      <ul class="sitefoot__list">
        <li>
          <a href={u.href(u.local(lang, "/privacy/"))}>{t(lang, "footer.privacy")}</a>
        </li>
        <li>
          <a href={u.href(u.local(lang, "/accessibility/"))}>{t(lang, "footer.accessibility")}</a>
        </li>
        <li>
          <a href={noticeHref(site)}>{noticeLabel(site, lang)}</a>
        </li>
      </ul>
    </nav>
  );
}
