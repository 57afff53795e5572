// One event: when, where, what, and its calendar file.
import { Base } from "./base.tsx";
import { t } from "./components/format.ts";
import { eventLocation } from "../lib/model/lookup.ts";
import { EventWhen } from "./components/events.tsx";
import { eventJsonLd } from "../lib/model/jsonld.ts";
import type { ViewProps } from "./components/view-props.ts";

export function EventView({ site, route }: ViewProps<"event">): JSX.Element {
  const { event, lang } = route;
  const u = site.urls;
  const loc = eventLocation(site, event, lang);
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: event.title,
        description: event.description,
        url: route.url,
        jsonld: [eventJsonLd(site, event)],
        video: event.videoHosts.length > 0,
        live: event.live,
      }}
    >
      <article class="wrap page event">
        {event.status !== "published" && <p class="banner banner--draft">{t(lang, "post.draft")}</p>}
        <h1>{event.title}</h1>
        {event.cancelled && <p class="banner banner--cancelled">{t(lang, "events.cancelled")}</p>}
        <dl class="facts">
          <dt>{t(lang, "events.when")}</dt>
          <dd>
            <EventWhen event={event} lang={lang} />
          </dd>
          {loc && (
            <>
              <dt>{t(lang, "events.where")}</dt>
              <dd>
                {loc.name}, {loc.address.street}, {loc.address.city}
                {loc.mapUrl && (
                  <>
                    {" · "}
                    <a href={loc.mapUrl}>{t(lang, "locations.directions", { location: loc.name })}</a>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
        <p class="lead">{event.description}</p>
        <div class="prose">{{ html: event.html }}</div>
        <p class="event__actions">
          {event.registration && !event.cancelled && (
            <a class="button" href={event.registration}>
              {t(lang, "events.register")}
            </a>
          )}{" "}
          <a class="button button--ghost" href={u.href(event.ics)} download>
            {t(lang, "events.addToCalendar")}
          </a>
        </p>
        <p>
          <a href={u.href(u.local(lang, "/events/"))}>{t(lang, "events.all")} →</a>
        </p>
      </article>
    </Base>
  );
}
