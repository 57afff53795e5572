// Site-wide notices (snow closure, phone outage): shown while active; live.js hides an
// alert in the browser once its end has passed, so an old page never shows a stale one.
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { t } from "./format.ts";

export function Alerts({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  if (site.byLang[lang]!.alerts.length === 0) return null;
  const u = site.urls;
  return (
    <section class="alerts" aria-label={t(lang, "alerts.label")}>
      {site.byLang[lang]!.alerts.map((a) => (
        <p class={`alert alert--${a.level}`} data-until={a.until.toISO()!}>
          <span class="wrap alert__inner">
            <strong class="alert__message" lang={a.lang !== lang ? a.lang : undefined}>
              {a.message}
            </strong>
            {a.link && (
              <>
                {" "}
                <a href={a.link.startsWith("/") ? u.href(sameInLanguage(site, a.link, lang)) : a.link}>
                  {a.linkText ?? t(lang, "alerts.more")}
                </a>
              </>
            )}
          </span>
        </p>
      ))}
    </section>
  );
}

/** A site path staff wrote once ("/hours-locations/"), pointed at the reader's language when that page exists. */
function sameInLanguage(site: Site, path: string, lang: Lang): string {
  return site.alternates.get(path)?.find((a) => a.lang === lang)?.url ?? path;
}
