// The home page: the welcome (with the practice's photo, if it has one), the facts parents
// look for first, the home page's own text, upcoming events and the latest posts.
import type { Route, Site } from "../lib/model/model.ts";
import { Base } from "./base.tsx";
import { Intervals } from "./components/hours.tsx";
import { PostList } from "./components/post-parts.tsx";
import { t, telHref } from "./components/format.ts";
import { OpenStatus } from "./components/open-status.tsx";
import { practiceIn } from "../lib/model/lookup.ts";
import { EventList } from "./components/events.tsx";
import { clinicJsonLd } from "../lib/model/jsonld.ts";

export function Home({ site, route }: { site: Site; route: Extract<Route, { kind: "home" }> }): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const u = site.urls;
  const page = route.page;
  const newPatients = site.byLang[lang]?.pages.find((x) => x.key === "new-patients");
  const hoursPage = site.byLang[lang]?.pages.find((x) => x.blocks.includes("hours"));
  const whenToCall = site.byLang[lang]?.pages.find((x) => x.key === "when-to-call");
  const hero = site.byLang[lang]?.heroPicture;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: page?.title ?? p.name,
        description: page?.description ?? p.description,
        url: route.url,
        jsonld: [clinicJsonLd(site)],
        live: true,
        video: (page?.videoHosts.length ?? 0) > 0,
      }}
    >
      <section class={hero ? "hero hero--photo" : "hero"}>
        <div class="wrap hero__inner">
          <div class="hero__text">
            <h1 class="hero__title" lang={page && page.lang !== lang ? page.lang : undefined}>
              {page?.title ?? p.name}
            </h1>
            {p.tagline && <p class="hero__lead">{p.tagline}</p>}
            <p class="hero__actions">
              <a class="button button--big" href={telHref(p.phone)}>
                {t(lang, "header.call", { phone: p.phone })}
              </a>
              {p.portal && (
                <a class="button button--ghost button--big" href={p.portal.url}>
                  {p.portal.label ?? t(lang, "home.portal")}
                </a>
              )}
            </p>
          </div>
          {hero && <div class="hero__media">{{ html: hero }}</div>}
        </div>
      </section>
      <section class="wrap glance" aria-labelledby="glance-title">
        <h2 id="glance-title" class="visually-hidden">
          {t(lang, "home.quick")}
        </h2>
        <div class="card glance__card">
          <h3>
            {t(lang, "home.todayHours")} <span class="muted">({t(lang, `day.${site.byLang[lang]!.today.weekday}`)})</span>
          </h3>
          <ul class="plain">
            {site.byLang[lang]!.today.hours.map((h) => (
              <li>
                <strong>{h.location.name}:</strong>{" "}
                {h.intervals.length ? <Intervals intervals={h.intervals} lang={lang} /> : t(lang, "home.closedToday")}
                <OpenStatus site={site} location={h.location} lang={lang} />
              </li>
            ))}
          </ul>
          {hoursPage && <a href={u.href(hoursPage.url)}>{hoursPage.navTitle ?? hoursPage.title}</a>}
        </div>
        {p.afterHours && (
          <div class="card glance__card glance__card--accent">
            <h3>{t(lang, "contact.afterHours")}</h3>
            <p class="glance__big">
              <a href={telHref(p.afterHours.phone)}>{p.afterHours.phone}</a>
            </p>
            {p.afterHours.note && <p class="muted">{p.afterHours.note}</p>}
            {whenToCall && <a href={u.href(whenToCall.url)}>{t(lang, "home.whenToCall")}</a>}
          </div>
        )}
        <div class="card glance__card">
          <h3>{t(lang, "newPatients.title")}</h3>
          <p class={p.newPatients.accepting ? "status status--yes" : "status status--no"}>
            {t(lang, p.newPatients.accepting ? "home.newPatientsYes" : "home.newPatientsNo")}
          </p>
          {newPatients && <a href={u.href(newPatients.url)}>{newPatients.title}</a>}
        </div>
        <div class="card glance__card">
          <h3>{t(lang, "home.visit")}</h3>
          <ul class="plain">
            {p.locations.map((loc) => (
              <li class="glance__loc">
                <strong>{loc.name}</strong>
                <br />
                {loc.address.street}, {loc.address.city}
                {loc.mapUrl && (
                  <>
                    <br />
                    <a href={loc.mapUrl}>{t(lang, "locations.directions", { location: loc.name })}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </section>
      {page && page.html.trim() && (
        <section class="wrap prose home-intro" lang={page.lang !== lang ? page.lang : undefined}>
          {{ html: page.html }}
        </section>
      )}
      {route.upcoming.length > 0 && (
        <section class="wrap latest" aria-labelledby="events-title">
          <h2 id="events-title">{t(lang, "events.upcoming")}</h2>
          <EventList site={site} events={route.upcoming} lang={lang} live />
          <p>
            <a href={u.href(u.local(lang, "/events/"))}>{t(lang, "events.all")} →</a>
          </p>
        </section>
      )}
      {route.latest.length > 0 && (
        <section class="wrap latest" aria-labelledby="latest-title">
          <h2 id="latest-title">{t(lang, "home.latest")}</h2>
          <PostList site={site} posts={route.latest} lang={lang} level={3} />
          <p>
            <a href={u.href(u.local(lang, "/blog/"))}>{t(lang, "home.allPosts")} →</a>
          </p>
        </section>
      )}
    </Base>
  );
}
