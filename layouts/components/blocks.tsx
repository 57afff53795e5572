// Practice facts shown on pages that ask for them (front matter `blocks:`), all read
// from practice.yaml so that nothing is written twice.
import type { Site } from "../../lib/model/model.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import type { PageBlock } from "../../lib/schema/content.ts";
import { formatBytes, t, telHref } from "./format.ts";
import { OpenStatus } from "./open-status.tsx";
import { Closures, HoursTable } from "./hours.tsx";
import { LocationCard, ProviderCard } from "./cards.tsx";
import { localeOf } from "../../lib/i18n/index.ts";
import { EventList } from "./events.tsx";
import { Breakable } from "./breakable.tsx";

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
                    (
                    {[form.type, form.bytes !== undefined ? formatBytes(form.bytes, localeOf(lang)) : undefined].filter(Boolean).join(", ")}
                    )
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

export function Blocks({ site, lang, blocks }: { site: Site; lang: Lang; blocks: readonly PageBlock[] }): JSX.Element {
  return (
    <>
      {blocks.map((block) => (
        <Block site={site} lang={lang} block={block} />
      ))}
    </>
  );
}
