// Language access: the switcher on every page, and the language-assistance page that
// US federal rules (Section 1557) expect of practices taking public funds.
import type { Route, Site } from "../lib/model/model.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { directionOf, languageName } from "../lib/i18n/index.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { Base } from "./base.tsx";
import { t, telHref } from "./components/format.ts";

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

export function LanguageAssistanceView({ site, route }: { site: Site; route: Extract<Route, { kind: "languageAssistance" }> }): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const help = p.languageAssistance!;
  const phone = help.phone ?? p.phone;
  return (
    <Base site={site} lang={lang} meta={{ title: t(lang, "langAssist.title"), description: t(lang, "langAssist.description", { practice: p.name }), url: route.url }}>
      <article class="wrap page">
        <h1>{t(lang, "langAssist.title")}</h1>
        <div class="prose">
          <p class="lead">{help.text}</p>
          <p>
            <a class="button" href={telHref(phone)}>
              {t(lang, "langAssist.callUs", { phone })}
            </a>
          </p>
        </div>
        {help.taglines && help.taglines.length > 0 && (
          <section class="block taglines" aria-labelledby="taglines-title">
            <h2 id="taglines-title">{t(lang, "langAssist.taglines")}</h2>
            <ul class="plain taglines__list">
              {help.taglines.map((line) => (
                <li lang={line.lang} dir={directionOf(line.lang)}>
                  {line.text}
                </li>
              ))}
            </ul>
          </section>
        )}
        {help.nondiscrimination && (
          <section class="block prose" aria-labelledby="nondiscrimination-title">
            <h2 id="nondiscrimination-title">{t(lang, "langAssist.nondiscrimination")}</h2>
            {help.nondiscrimination.split(/\n\s*\n/).map((para) => (
              <p>{para}</p>
            ))}
          </section>
        )}
      </article>
    </Base>
  );
}
