// Opening hours as the pages show them: the weekly table, intervals kept on one line, and
// the closures still to come (worked out in lib/model/hours.ts).
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import type { LocationText as Location } from "../../lib/model/model.ts";
import { WEEKDAYS } from "../../lib/schema/practice.ts";
import { displayClock, displayDate, t } from "./format.ts";

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

/** Closures and holiday hours still to come, listed ahead of time. */
export function Closures({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const coming = site.byLang[lang]!.closuresAhead;
  if (!coming.length) return null;
  return (
    <section class="closures" aria-labelledby="closures-title">
      <h3 id="closures-title">{t(lang, "hours.closures")}</h3>
      <ul>
        {coming.map((c) => (
          <li data-until={c.hideAfter}>
            <strong>
              <time datetime={c.from}>{displayDate(c.fromDate, lang)}</time>
              {c.untilDate && (
                <>
                  {" – "}
                  <time datetime={c.until}>{displayDate(c.untilDate, lang)}</time>
                </>
              )}
            </strong>
            {": "}
            {c.reason}.{" "}
            {c.hours?.length ? t(lang, "hours.specialHours", { hours: intervalsText(c.hours, lang) }) : t(lang, "hours.closedAllDay")} (
            {c.locationNames ?? t(lang, "hours.allLocations")})
          </li>
        ))}
      </ul>
    </section>
  );
}
