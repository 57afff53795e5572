// "Open now · closes at 5:00 PM": correct when built (lib/model/hours.ts openNow), refreshed
// by live.js from the same data.
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import type { LocationText as Location } from "../../lib/model/model.ts";

export function OpenStatus({ site, location, lang }: { site: Site; location: Location; lang: Lang }): JSX.Element {
  const now = site.byLang[lang]?.openNow[location.key];
  if (!now) return null;
  return (
    <p class={now.open ? "open-status is-open" : "open-status"} data-open-status={now.data}>
      {now.text}
    </p>
  );
}
