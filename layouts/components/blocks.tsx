// Practice facts shown on pages that ask for them (front matter `blocks:`), all read
// from practice.yaml so that nothing is written twice.
import type { Site, Provider } from "../../lib/model/model.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import type { PageBlock } from "../../lib/schema/content.ts";
import type { LocationText as Location } from "../../lib/model/model.ts";
import { WEEKDAYS } from "../../lib/schema/practice.ts";
import { displayClock, displayDate, formatBytes, t, telHref } from "./format.ts";
import { OpenStatus } from "./open-status.tsx";
import { localeOf } from "../../lib/i18n/index.ts";
import { EventList } from "./events.tsx";
import { Breakable } from "./breakable.tsx";
import { DateTime } from "luxon";

export function intervalsText(intervals: readonly string[], lang: Lang): string {
  if (intervals.length === 0) return t(lang, "hours.closed");
  return intervals.map((iv) => `${displayClock(iv.slice(0, 5), lang)} – ${displayClock(iv.slice(6), lang)}`).join(", ");
}

/** Each interval kept on one line, so "8:00 AM – 12:00 PM" never breaks mid-range. */
export function Intervals({ intervals, lang }: { intervals: readonly string[]; lang: Lang }): JSX.Element {
  if (intervals.length === 0) return <>{t(lang, "hours.closed")}</>;
  return (
    <>
      {intervals.map((iv, i) => (
        <>
          {i > 0 && ", "}
          <span class="nowrap">{intervalsText([iv], lang)}</span>
        </>
      ))}
    </>
  );
}

export function HoursTable({ location, lang }: { location: Location; lang: Lang }): JSX.Element {
  return (
    <table class="hours">
      <caption>{t(lang, "hours.caption", { location: location.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, "hours.day")}</th>
          <th scope="col">{t(lang, "hours.hours")}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr>
            <th scope="row">{t(lang, `day.${day}`)}</th>
            <td>
              <Intervals intervals={location.hours[day] ?? []} lang={lang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LocationCard({ site, location, lang }: { site: Site; location: Location; lang: Lang }): JSX.Element {
  const phone = location.phone ?? practiceIn(site, lang).phone;
  const a = location.address;
  return (
    <div class="card location">
      <h3>{location.name}</h3>
      <p class="location__addr">
        {a.street}
        <br />
        {a.city}, {a.region} {a.postalCode}
      </p>
      <p>
        {t(lang, "locations.phone")}: <a href={telHref(phone)}>{phone}</a>
      </p>
      {location.parking && <p class="muted">{location.parking}</p>}
      {location.mapUrl && (
        <p>
          <a href={location.mapUrl}>{t(lang, "locations.directions", { location: location.name })}</a>
        </p>
      )}
    </div>
  );
}

export function ProviderCard({ site, provider, lang }: { site: Site; provider: Provider; lang: Lang }): JSX.Element {
  return (
    <li class="card provider-card">
      {provider.avatar ? (
        <div class="provider-card__photo">{{ html: provider.avatar }}</div>
      ) : (
        <span class="provider-card__photo monogram" aria-hidden="true">
          {provider.initials}
        </span>
      )}
      <h3>
        <a href={site.urls.href(provider.url)} hreflang={provider.lang !== lang ? provider.lang : undefined}>
          {provider.fullName}
        </a>
      </h3>
      <p class="provider-card__role">{provider.role}</p>
      {provider.languages.length > 0 && (
        <p class="muted">
          {t(lang, "provider.languages")}: {provider.languages.join(", ")}
        </p>
      )}
    </li>
  );
}

function Block({ site, lang, block }: { site: Site; lang: Lang; block: PageBlock }): JSX.Element {
  const p = practiceIn(site, lang);
  switch (block) {
    case "hours":
      return (
        <section class="block" aria-labelledby="block-hours">
          <h2 id="block-hours">{t(lang, "hours.title")}</h2>
          <div class="grid grid--2">
            {p.locations.map((loc) => (
              <div>
                <HoursTable location={loc} lang={lang} />
                <OpenStatus site={site} location={loc} lang={lang} />
              </div>
            ))}
          </div>
          <Closures site={site} lang={lang} />
          {p.afterHours && (
            <p class="note">
              {t(lang, "hours.afterHours", { phone: "" })}
              <a href={telHref(p.afterHours.phone)}>{p.afterHours.phone}</a>
              {p.afterHours.note && <> {p.afterHours.note}</>}
            </p>
          )}
        </section>
      );
    case "locations":
      return (
        <section class="block" aria-labelledby="block-locations">
          <h2 id="block-locations">{t(lang, "locations.title")}</h2>
          <div class="grid grid--2">
            {p.locations.map((loc) => (
              <LocationCard site={site} location={loc} lang={lang} />
            ))}
          </div>
        </section>
      );
    case "providers":
      return (
        <section class="block" aria-labelledby="block-team">
          <h2 id="block-team">{t(lang, "team.title")}</h2>
          <ul class="grid grid--3 grid--team plain">
            {(site.byLang[lang]?.providers ?? []).map((provider) => (
              <ProviderCard site={site} provider={provider} lang={lang} />
            ))}
          </ul>
        </section>
      );
    case "insurance":
      return p.insurance?.length ? (
        <section class="block" aria-labelledby="block-insurance">
          <h2 id="block-insurance">{t(lang, "insurance.title")}</h2>
          <ul class="columns">
            {p.insurance.map((plan) => (
              <li>{plan}</li>
            ))}
          </ul>
          <p class="muted">{p.insuranceNote ?? t(lang, "insurance.note")}</p>
        </section>
      ) : null;
    case "forms":
      return site.byLang[lang]!.forms.length ? (
        <section class="block" aria-labelledby="block-forms">
          <h2 id="block-forms">{t(lang, "forms.title")}</h2>
          <ul>
            {site.byLang[lang]!.forms.map((form) => (
              <li>
                <a href={form.local ? site.urls.href(form.href) : form.href} download={form.local ? true : undefined}>
                  {form.title}
                </a>
                {(form.type || form.bytes !== undefined) && (
                  <span class="muted">
                    {" "}
                    ({[form.type, form.bytes !== undefined ? formatBytes(form.bytes, localeOf(lang)) : undefined].filter(Boolean).join(", ")})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null;
    case "newPatients":
      return (
        <section class="block" aria-labelledby="block-new">
          <h2 id="block-new">{t(lang, "newPatients.title")}</h2>
          <p class={p.newPatients.accepting ? "status status--yes" : "status status--no"}>
            {t(lang, p.newPatients.accepting ? "home.newPatientsYes" : "home.newPatientsNo")}
          </p>
          {p.newPatients.note && <p>{p.newPatients.note}</p>}
          {p.languagesSpoken && p.languagesSpoken.length > 0 && (
            <p>
              <strong>{t(lang, "newPatients.languages")}:</strong> {p.languagesSpoken.join(", ")}
            </p>
          )}
          {p.portal && (
            <p>
              <a class="button" href={p.portal.url}>
                {p.portal.label ?? t(lang, "contact.portal")}
              </a>
            </p>
          )}
        </section>
      );
    case "events": {
      const upcoming = site.byLang[lang]?.upcoming ?? [];
      return (
        <section class="block" aria-labelledby="block-events">
          <h2 id="block-events">{t(lang, "events.upcoming")}</h2>
          {upcoming.length ? <EventList site={site} events={upcoming} lang={lang} live /> : <p>{t(lang, "events.none")}</p>}
        </section>
      );
    }
    case "contact":
      return (
        <section class="block" aria-labelledby="block-contact">
          <h2 id="block-contact">{t(lang, "contact.title")}</h2>
          <dl class="facts">
            <dt>{t(lang, "contact.phone")}</dt>
            <dd>
              <a href={telHref(p.phone)}>{p.phone}</a>
            </dd>
            {p.afterHours && (
              <>
                <dt>{t(lang, "contact.afterHours")}</dt>
                <dd>
                  <a href={telHref(p.afterHours.phone)}>{p.afterHours.phone}</a>
                </dd>
              </>
            )}
            {p.fax && (
              <>
                <dt>{t(lang, "contact.fax")}</dt>
                <dd>{p.fax}</dd>
              </>
            )}
            {p.email && (
              <>
                <dt>{t(lang, "contact.email")}</dt>
                <dd>
                  <a href={`mailto:${p.email}`}>
                    <Breakable text={p.email} />
                  </a>
                </dd>
              </>
            )}
            {p.portal && (
              <>
                <dt>{t(lang, "contact.portal")}</dt>
                <dd>
                  <a href={p.portal.url}>{p.portal.label ?? t(lang, "contact.portal")}</a>
                </dd>
              </>
            )}
          </dl>
          <p class="note">{t(lang, "contact.privacy")}</p>
        </section>
      );
  }
}

/** Closures and holiday hours still to come, listed ahead of time. */
export function Closures({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const coming = site.byLang[lang]!.closuresAhead;
  if (!coming.length) return null;
  const day = (iso: string) => displayDate(DateTime.fromISO(iso, { zone: site.zone }), lang);
  const names = (keys: readonly string[] | undefined) =>
    keys ? practiceIn(site, lang).locations.filter((l) => keys.includes(l.key)).map((l) => l.name).join(", ") : t(lang, "hours.allLocations");
  return (
    <section class="closures" aria-labelledby="closures-title">
      <h3 id="closures-title">{t(lang, "hours.closures")}</h3>
      <ul>
        {coming.map((c) => (
          <li data-until={DateTime.fromISO(c.until ?? c.from, { zone: site.zone }).plus({ days: 1 }).toISO()!}>
            <strong>
              <time datetime={c.from}>{day(c.from)}</time>
              {c.until && c.until !== c.from && (
                <>
                  {" – "}
                  <time datetime={c.until}>{day(c.until)}</time>
                </>
              )}
            </strong>
            {": "}
            {c.reason}. {c.hours?.length ? t(lang, "hours.specialHours", { hours: intervalsText(c.hours, lang) }) : t(lang, "hours.closedAllDay")} ({names(c.locations)})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Blocks({ site, lang, blocks }: { site: Site; lang: Lang; blocks: readonly PageBlock[] }): JSX.Element {
  return (
    <>
      {blocks.map((block) => (
        <Block site={site} lang={lang} block={block} />
      ))}
    </>
  );
}
