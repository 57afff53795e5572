// The trust pages: what the site does with a visit (privacy) and how it is made and tested
// to work for everyone (accessibility). Every sentence that depends on the configuration is
// shown only when the configuration makes it true: the host from practice.yaml, other
// companies from the security policy and the click-to-load embeds found in the content.
import type { Route, Site } from "../lib/model/model.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { pageHeaders } from "../lib/model/policy.ts";
import { policyFacts } from "../lib/model/trust.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { Base } from "./base.tsx";
import { displayDate, t, telHref } from "./components/format.ts";
import { noticeHref, noticeLabel } from "./components/trust-links.tsx";
import { commentService } from "../lib/comments/service.ts";

type R<K extends Route["kind"]> = Extract<Route, { kind: K }>;

function Contact({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const p = practiceIn(site, lang);
  return (
    <ul>
      <li>
        <a href={telHref(p.phone)}>{t(lang, "trust.phone", { phone: p.phone })}</a>
      </li>
      {p.email && (
        <li>
          <a href={`mailto:${p.email}`}>{t(lang, "trust.email", { email: p.email })}</a>
        </li>
      )}
    </ul>
  );
}

export function PrivacyView({ site, route }: { site: Site; route: R<"privacy"> }): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const host = site.hosting;
  const videos = site.clickToLoadHosts;
  const policy = policyFacts(pageHeaders(site, route.url), videos);
  return (
    <Base site={site} lang={lang} meta={{ title: t(lang, "privacy.title"), description: t(lang, "privacy.description", { practice: p.name }), url: route.url }}>
      <article class="wrap page trust">
        <h1>{t(lang, "privacy.title")}</h1>
        <div class="prose">
          <p>{t(lang, "privacy.intro")}</p>

          <h2>{t(lang, "privacy.collect.title")}</h2>
          <p>{t(lang, "privacy.collect.body")}</p>

          <h2>{t(lang, "privacy.host.title")}</h2>
          <p>{t(lang, "privacy.host.body", { host: host.name })}</p>
          <p>
            <a href={host.privacyUrl}>{t(lang, "privacy.host.policy", { host: host.name })}</a>
          </p>
          <p>{t(lang, "privacy.host.search")}</p>

          <h2>{t(lang, "privacy.others.title")}</h2>
          <p data-facts="third-party">
            {policy.otherOrigins.length === 0 ? t(lang, "privacy.others.none") : t(lang, "privacy.others.some", { origins: policy.otherOrigins.join(", ") })}
          </p>

          <h2>{t(lang, "privacy.videos.title")}</h2>
          {videos.length === 0 ? (
            <p data-facts="videos">{t(lang, "privacy.videos.none")}</p>
          ) : (
            <>
              <p data-facts="videos">{t(lang, "privacy.videos.some", { hosts: videos.map((v) => v.name).join(", ") })}</p>
              <ul>
                {videos.map((v) => (
                  <li>
                    <a href={v.privacyUrl}>{t(lang, "privacy.videos.policy", { host: v.name })}</a>
                  </li>
                ))}
              </ul>
            </>
          )}

          {commentService(site) && (
            <>
              <h2>{t(lang, "comments.privacy.title")}</h2>
              <p data-facts="comments">{t(lang, "comments.privacy.body", { service: commentService(site)! })}</p>
            </>
          )}

          <h2>{t(lang, "privacy.links.title")}</h2>
          <p>
            {t(lang, "privacy.links.body")}
            {policy.noReferrer && <> {t(lang, "privacy.links.noReferrer")}</>}
          </p>
          {p.portal && (
            <p>
              <a href={p.portal.url}>{p.portal.label ?? t(lang, "home.portal")}</a>: {t(lang, "privacy.links.portal")}
            </p>
          )}

          <h2>{t(lang, "privacy.notice.title")}</h2>
          <p>{t(lang, "privacy.notice.body")}</p>
          <p>
            <a href={noticeHref(site)}>{noticeLabel(site, lang)}</a>
          </p>

          <h2>{t(lang, "privacy.questions.title")}</h2>
          <p>{t(lang, "privacy.questions.body")}</p>
          <Contact site={site} lang={lang} />
        </div>
      </article>
    </Base>
  );
}

export function AccessibilityView({ site, route }: { site: Site; route: R<"accessibility"> }): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const forms = site.byLang[lang]?.forms ?? [];
  const isPdf = (type: string | undefined, href: string) => /\bPDF\b/i.test(type ?? "") || /\.pdf($|[?#])/i.test(href);
  const pdfs = site.privacyNotice.type === "PDF" || forms.some((f) => isPdf(f.type, f.href));
  const external = p.portal !== undefined || p.locations.some((l) => l.mapUrl !== undefined);
  return (
    <Base site={site} lang={lang} meta={{ title: t(lang, "a11y.title"), description: t(lang, "a11y.description", { practice: p.name }), url: route.url }}>
      <article class="wrap page trust">
        <h1>{t(lang, "a11y.title")}</h1>
        <div class="prose">
          <p>{t(lang, "a11y.intro")}</p>

          <h2>{t(lang, "a11y.standard.title")}</h2>
          <p>{t(lang, "a11y.standard.body")}</p>
          <p>
            <a href="https://www.w3.org/TR/WCAG21/" hreflang="en">
              {t(lang, "a11y.standard.link")}
            </a>
          </p>

          <h2>{t(lang, "a11y.testing.title")}</h2>
          <p>{t(lang, "a11y.testing.axe")}</p>
          <p>{t(lang, "a11y.testing.more")}</p>
          <p data-facts="built">
            {t(lang, "a11y.testing.built", { date: displayDate(site.now.setZone(site.zone), lang) })}
          </p>

          <h2>{t(lang, "a11y.limits.title")}</h2>
          <ul>
            <li>{t(lang, "a11y.limits.automated")}</li>
            {pdfs && <li>{t(lang, "a11y.limits.pdf")}</li>}
            {external && <li>{t(lang, "a11y.limits.external")}</li>}
            <li>{t(lang, "a11y.limits.search")}</li>
          </ul>

          <h2>{t(lang, "a11y.report.title")}</h2>
          <p>{t(lang, "a11y.report.body")}</p>
          <Contact site={site} lang={lang} />
        </div>
      </article>
    </Base>
  );
}
