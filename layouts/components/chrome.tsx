// The parts of every page: the sick-child strip, header, navigation and footer.
import type { Site, NavItem } from "../../lib/model/model.ts";
import { networkOf, SPRITE_PATH, type Network } from "../../lib/model/social.ts";
import { LanguageAssistanceLink, LanguageSwitcher } from "./language-links.tsx";
import { practiceIn } from "../../lib/model/lookup.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { linkHref, t, telHref } from "./format.ts";
import { SiteSearchForm } from "./search-form.tsx";
import { TrustLinks } from "./trust-links.tsx";
import { Breakable } from "./breakable.tsx";

export function SickStrip({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const p = practiceIn(site, lang);
  const u = site.urls;
  const whenToCall = site.byLang[lang]?.pages.find((x) => x.key === "when-to-call");
  // Phones get one line: short labels, the numbers kept in the links' names for screen
  // readers (site.css hides .sick__long and .sick__num there, and shows .sick__short).
  return (
    <aside class="sick" aria-label={t(lang, "sick.title")}>
      <div class="wrap sick__inner">
        <strong class="sick__title">{t(lang, "sick.title")}</strong>
        <a class="sick__link" href={telHref(p.phone)}>
          {t(lang, "sick.call")} <span class="nowrap sick__num">{p.phone}</span>
        </a>
        {p.afterHours && (
          <a class="sick__link" href={telHref(p.afterHours.phone)}>
            <span class="sick__long">{t(lang, "sick.afterHours")}</span>
            <span class="sick__short">{t(lang, "sick.nurseLine")}</span> <span class="nowrap sick__num">{p.afterHours.phone}</span>
          </a>
        )}
        {whenToCall && (
          <a class="sick__link" href={u.href(whenToCall.url)} hreflang={whenToCall.lang !== lang ? whenToCall.lang : undefined}>
            {t(lang, "sick.whenToCall")}
          </a>
        )}
        {p.emergency && (
          <span class="sick__emergency">
            <span class="sick__long">{t(lang, "sick.emergency", { number: p.emergency.number })}</span>
            <span class="sick__short">
              <span class="visually-hidden">{t(lang, "sick.emergencyShort")} </span>
              {p.emergency.number}
            </span>
          </span>
        )}
      </div>
    </aside>
  );
}

export function Header({ site, lang, current }: { site: Site; lang: Lang; current: string }): JSX.Element {
  const p = practiceIn(site, lang);
  const u = site.urls;
  const nav = site.byLang[lang]?.nav ?? [];
  const booking = p.booking && linkHref(u, p.booking.url);
  return (
    <header class={booking ? "masthead masthead--book" : "masthead"}>
      <div class="wrap masthead__inner">
        <a class="brand" href={u.href(u.local(lang, "/"))}>
          {p.logo ? (
            // Decorative: the practice's name stands right beside it.
            <img class="brand__mark brand__logo" src={u.href(p.logo)} alt="" width="36" height="36" />
          ) : (
            <svg class="brand__mark" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="16" fill="currentColor" />
              <path d="M16 7c-3 4-6 6.5-6 10.5a6 6 0 0 0 12 0C22 13.5 19 11 16 7Z" fill="#fff" />
              <path d="M16 14v11" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
            </svg>
          )}
          <span class="brand__text">
            <span class="brand__name">{p.name}</span>
            {p.tagline && <span class="brand__tagline">{p.tagline}</span>}
          </span>
        </a>
        <a class="button button--call" href={telHref(p.phone)}>
          {t(lang, "header.call", { phone: p.phone })}
        </a>
        {booking && (
          // A plain link: the booking service loads nothing until a parent follows it.
          <a class="button button--ghost button--book" href={booking.href} rel={booking.external ? "noopener" : undefined}>
            {p.booking!.label ?? t(lang, "header.book")}
          </a>
        )}
        <SiteSearchForm site={site} lang={lang} current={current} />
        <LanguageSwitcher site={site} lang={lang} current={current} />
      </div>
      {/* A disclosure that site.css keeps open wherever the menu fits (most screens), and folds
          behind "Menu" where the text is large for the screen, so the page's heading stays near
          the top. A <details>: no script, and keyboards and screen readers know it. */}
      <nav class="mainnav" aria-label={t(lang, "nav.label")}>
        <details class="wrap mainnav__menu">
          <summary class="mainnav__toggle">{t(lang, "nav.menu")}</summary>
          <ul class="mainnav__list">
            {nav.map((item: NavItem) => (
              <li>
                <a
                  href={u.href(item.url)}
                  aria-current={isCurrent(item.url, current) ? "page" : undefined}
                  lang={item.lang !== lang ? item.lang : undefined}
                  hreflang={item.lang !== lang ? item.lang : undefined}
                >
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        </details>
      </nav>
    </header>
  );
}

function isCurrent(itemUrl: string, current: string): boolean {
  if (itemUrl === current) return true;
  return itemUrl.endsWith("/blog/") && current.startsWith(itemUrl);
}

export function Footer({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const p = practiceIn(site, lang);
  const u = site.urls;
  const social = Object.entries(p.social ?? {}).filter((e): e is [string, string] => typeof e[1] === "string");
  return (
    <footer class="sitefoot">
      <div class="wrap sitefoot__grid">
        <section aria-labelledby="foot-practice">
          <h2 id="foot-practice" class="sitefoot__title">
            {p.name}
          </h2>
          {p.locations.map((loc) => (
            <p class="sitefoot__addr">
              <strong>{loc.name}</strong>
              <br />
              {loc.address.street}
              <br />
              {loc.address.city}, {loc.address.region} {loc.address.postalCode}
            </p>
          ))}
          <p>
            <a href={telHref(p.phone)}>{p.phone}</a>
            {p.email && (
              <>
                <br />
                <a href={`mailto:${p.email}`}>
                  <Breakable text={p.email} />
                </a>
              </>
            )}
          </p>
        </section>
        <nav aria-labelledby="foot-pages">
          <h2 id="foot-pages" class="sitefoot__title">
            {t(lang, "footer.pages")}
          </h2>
          <ul class="sitefoot__list">
            {/* The main menu is at the top of every page; repeating it here would cost every page bytes. */}
            <li>
              <a href={u.href(u.local(lang, "/feed.xml"))}>{t(lang, "footer.feed")}</a>
            </li>
            {p.languageAssistance && (
              <li>
                <LanguageAssistanceLink site={site} lang={lang} />
              </li>
            )}
          </ul>
        </nav>
        {social.length > 0 && (
          <nav aria-labelledby="foot-social">
            <h2 id="foot-social" class="sitefoot__title">
              {t(lang, "footer.follow")}
            </h2>
            <ul class="sitefoot__list">
              {social.map(([key, href]) => {
                const network = networkOf(key);
                return (
                  <li>
                    <a class="social" href={href} rel="me noopener">
                      {network && <SocialIcon site={site} network={network} />}
                      <span>{network?.label ?? key}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <TrustLinks site={site} lang={lang} />
      </div>
      <p class="wrap sitefoot__legal">{t(lang, "footer.copyright", { year: site.now.year, practice: p.name })}</p>
    </footer>
  );
}

export function SocialIcon({ site, network }: { site: Site; network: Network }): JSX.Element {
  return (
    <svg class="social__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <use href={`${site.urls.href(SPRITE_PATH)}#${network.key}`} />
    </svg>
  );
}
