// "Medically reviewed by Dr … on …" under a post's or page's title, so parents can
// see who stands behind health advice.
import type { Provider, Site } from "../../lib/model/model.ts";
import type { ContentDate } from "../../lib/model/time.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { displayDate, machineDate, t } from "./format.ts";

export function ReviewLine({
  site,
  lang,
  reviewedBy,
  reviewed,
}: {
  site: Site;
  lang: Lang;
  reviewedBy?: Provider;
  reviewed?: ContentDate;
}): JSX.Element {
  if (!reviewedBy || !reviewed) return null;
  const label = reviewedBy.fullName;
  // A draft provider has no page in production: name them without a link.
  const linked = reviewedBy.status === "published" || site.mode === "preview";
  const parts: Record<string, JSX.Element> = {
    "{name}": linked ? <a href={site.urls.href(reviewedBy.url)}>{label}</a> : <>{label}</>,
    "{date}": <time datetime={machineDate({ ...reviewed, allDay: true })}>{displayDate(reviewed.dt, lang)}</time>,
  };
  // The sentence comes from the UI strings whole, so a translation can reorder its parts.
  const pieces = t(lang, "review.line").split(/(\{name\}|\{date\})/);
  return <p class="post__meta review">{pieces.map((piece) => (Object.hasOwn(parts, piece) ? parts[piece] : piece))}</p>;
}
