// Event listings and details.
import type { Event, Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { displayDate, displayTime, machineDate, t } from "./format.ts";
import { eventLocation } from "../../lib/model/lookup.ts";

export function EventWhen({ event, lang }: { event: Event; lang: Lang }): JSX.Element {
  const { start, end } = event;
  const sameDay = start.dt.hasSame(end.dt, "day");
  if (start.allDay) {
    return (
      <>
        <time datetime={machineDate(start)}>{displayDate(start.dt, lang)}</time>
        {!sameDay && (
          <>
            {" – "}
            <time datetime={machineDate(end)}>{displayDate(end.dt, lang)}</time>
          </>
        )}
      </>
    );
  }
  return (
    <>
      <time datetime={machineDate(start)}>
        {displayDate(start.dt, lang)}, {displayTime(start.dt, lang)}
      </time>
      {" – "}
      <time datetime={machineDate(end)}>
        {sameDay ? displayTime(end.dt, lang) : `${displayDate(end.dt, lang)}, ${displayTime(end.dt, lang)}`}
      </time>
    </>
  );
}

export function EventCard({
  site,
  event,
  lang,
  level = 3,
  live = false,
}: {
  site: Site;
  event: Event;
  lang: Lang;
  level?: 2 | 3;
  live?: boolean;
}): JSX.Element {
  const other = event.lang !== lang ? event.lang : undefined;
  const title = (
    <a href={site.urls.href(event.url)} lang={other} hreflang={other}>
      {event.title}
    </a>
  );
  return (
    <li
      class={event.cancelled ? "card event-card event-card--cancelled" : "card event-card"}
      data-ends={live ? event.endsAt.toISO()! : undefined}
    >
      {level === 2 ? <h2 class="event-card__title">{title}</h2> : <h3 class="event-card__title">{title}</h3>}
      {event.cancelled && <p class="badge badge--cancelled">{t(lang, "events.cancelled")}</p>}
      <p class="event-card__when">
        <EventWhen event={event} lang={lang} />
      </p>
      {event.locationKey && <p class="event-card__where muted">{eventLocation(site, event, lang)?.name}</p>}
      <p class="event-card__summary" lang={other}>
        {event.description}
      </p>
    </li>
  );
}

export function EventList({
  site,
  events,
  lang,
  level = 3,
  live = false,
}: {
  site: Site;
  events: readonly Event[];
  lang: Lang;
  level?: 2 | 3;
  live?: boolean;
}): JSX.Element {
  return (
    <ul class="event-list plain">
      {events.map((event) => (
        <EventCard site={site} event={event} lang={lang} level={level} live={live} />
      ))}
    </ul>
  );
}
