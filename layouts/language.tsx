// Language access: the language-assistance page that US federal rules (Section 1557) expect
// of practices taking public funds (its links: components/language-links.tsx).
import type { Route, Site } from "../lib/model/model.ts";
import { directionOf } from "../lib/i18n/index.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { Base } from "./base.tsx";
import { t, telHref } from "./components/format.ts";

export function LanguageAssistanceView({
  site,
  route,
}: {
  site: Site;
  route: Extract<Route, { kind: "languageAssistance" }>;
}): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const help = p.languageAssistance!;
  const phone = help.phone ?? p.phone;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title: t(lang, "langAssist.title"), description: t(lang, "langAssist.description", { practice: p.name }), url: route.url }}
    >
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
