// "Open now · closes at 5:00 PM": correct when built, refreshed by live.js from the same data.
import type { Site } from "../../lib/model/model.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import type { LocationText as Location } from "../../lib/model/model.ts";
import { hoursData, statusAt } from "../../lib/model/hours.ts";

export function OpenStatus({ site, location, lang }: { site: Site; location: Location; lang: Lang }): JSX.Element {
  const data = hoursData(practiceIn(site, lang), location, lang);
  const { status, text } = statusAt(data, site.now);
  return (
    <p class={status.open ? "open-status is-open" : "open-status"} data-open-status={JSON.stringify(data)}>
      {text}
    </p>
  );
}
