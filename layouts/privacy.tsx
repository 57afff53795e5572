// The privacy page: what the site does with a visit. Every sentence that depends on the
// configuration is shown only when the configuration makes it true: the host from
// practice.yaml, other companies from the security policy and the click-to-load embeds
// found in the content.
import type { Site } from "../lib/model/model.ts";
import { pageHeaders } from "../lib/model/policy.ts";
import { policyFacts } from "../lib/model/trust.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { linkHref } from "../lib/model/urls.ts";
import { Base } from "./base.tsx";
import { t } from "./components/format.ts";
import { noticeHref, noticeLabel } from "./components/trust-links.tsx";
import { commentService } from "../lib/comments/service.ts";
import { Contact } from "./components/contact.tsx";
import { Breakable } from "./components/breakable.tsx";
import type { RouteOf } from "./components/view-props.ts";

export function PrivacyView({ site, route }: { site: Site; route: RouteOf<"privacy"> }): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const host = site.hosting;
  const videos = site.clickToLoadHosts;
  const policy = policyFacts(pageHeaders(site, route.url), videos);
  // Another company's booking page is named; a page of this site needs no sentence.
  const booking = p.booking && linkHref(site.urls, p.booking.url);
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title: t(lang, "privacy.title"), description: t(lang, "privacy.description", { practice: p.name }), url: route.url }}
    >
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
            {policy.otherOrigins.length === 0
              ? t(lang, "privacy.others.none")
              : t(lang, "privacy.others.some", { origins: policy.otherOrigins.join(", ") })}
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
          {booking?.host && (
            <p data-facts="booking">
              <a href={booking.href}>{p.booking?.label ?? t(lang, "header.book")}</a>:{" "}
              <SiteSentence template={t(lang, "privacy.links.booking")} site={booking.host} />
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

/** A sentence naming another site: its {site} placeholder becomes the host, wrapping only before dots. */
function SiteSentence({ template, site }: { template: string; site: string }): JSX.Element {
  const [before = "", after = ""] = template.split("{site}");
  return (
    <>
      {before}
      <Breakable text={site} />
      {after}
    </>
  );
}
