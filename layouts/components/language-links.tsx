// Language links in every page's header and footer: the switcher, and the link to the
// language-assistance page (layouts/language.tsx) named in every site language.
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { languageName } from "../../lib/i18n/index.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import { t } from "./format.ts";

/** Links to this page in each other language, or to that language's home when there is none. */
export function LanguageSwitcher({ site, lang, current }: { site: Site; lang: Lang; current: string }): JSX.Element {
  if (site.langs.length < 2) return null;
  const u = site.urls;
  const alternates = site.alternates.get(current) ?? [];
  return (
    <nav class="langs" aria-label={t(lang, "lang.switch")}>
      <ul class="plain langs__list">
        {site.langs
          .filter((l) => l !== lang)
          .map((l) => (
            <li>
              <a href={u.href(alternates.find((a) => a.lang === l)?.url ?? u.local(l, "/"))} hreflang={l} lang={l}>
                {languageName(l)}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** "Language assistance / Asistencia con el idioma": named in every site language. */
export function LanguageAssistanceLink({ site, lang }: { site: Site; lang: Lang }): JSX.Element {
  if (!practiceIn(site, lang).languageAssistance) return null;
  const names = [lang, ...site.langs.filter((l) => l !== lang)];
  return (
    <a href={site.urls.href(site.urls.local(lang, "/language-assistance/"))}>
      {names.map((l, i) => (
        <>
          {i > 0 && " / "}
          <span lang={l === lang ? undefined : l}>{t(l, "langAssist.link")}</span>
        </>
      ))}
    </a>
  );
}
