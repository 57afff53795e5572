// How to reach the practice about the site: its phone and email, on both trust pages.
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import { t, telHref } from "./format.ts";

export function Contact({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  const p = practiceIn(site, lang);
  return (
    <ul>
      <li>
        <a href={telHref(p.phone)}>{t(lang, "trust.phone", { phone: p.phone })}</a>
      </li>
      {p.email && (
        <li>
          <a href={`mailto:${p.email}`}>{t(lang, "trust.email", { email: p.email })}</a>
        </li>
      )}
    </ul>
  );
}
