// Events: those still to come, then those past.
import { Base } from "./base.tsx";
import { t } from "./components/format.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { EventList } from "./components/events.tsx";
import type { ViewProps } from "./components/view-props.ts";

export function EventsView({ site, route }: ViewProps<"events">): JSX.Element {
  const { lang } = route;
  const u = site.urls;
  const here = site.byLang[lang]!;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: t(lang, "events.title"),
        description: t(lang, "events.description", { practice: practiceIn(site, lang).name }),
        url: route.url,
        live: true,
      }}
    >
      <div class="wrap listing">
        <h1>{t(lang, "events.title")}</h1>
        <p class="listing__links">
          <a href={u.href(u.local(lang, "/events.ics"))}>{t(lang, "events.subscribe")}</a>
        </p>
        <h2>{t(lang, "events.upcoming")}</h2>
        {here.upcoming.length ? <EventList site={site} events={here.upcoming} lang={lang} live /> : <p>{t(lang, "events.none")}</p>}
        {here.past.length > 0 && (
          <>
            <h2>{t(lang, "events.past")}</h2>
            <EventList site={site} events={here.past} lang={lang} />
          </>
        )}
      </div>
    </Base>
  );
}
