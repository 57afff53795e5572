// The accessibility page: how the site is made and tested to work for everyone, and whom
// to tell when something does not.
import type { Site } from "../lib/model/model.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { Base } from "./base.tsx";
import { displayDate, t } from "./components/format.ts";
import { Contact } from "./components/contact.tsx";
import type { RouteOf } from "./components/view-props.ts";

export function AccessibilityView({ site, route }: { site: Site; route: RouteOf<"accessibility"> }): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const forms = site.byLang[lang]?.forms ?? [];
  const isPdf = (type: string | undefined, href: string) => /\bPDF\b/i.test(type ?? "") || /\.pdf($|[?#])/i.test(href);
  const pdfs = site.privacyNotice.type === "PDF" || forms.some((f) => isPdf(f.type, f.href));
  const external = p.portal !== undefined || p.locations.some((l) => l.mapUrl !== undefined);
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title: t(lang, "a11y.title"), description: t(lang, "a11y.description", { practice: p.name }), url: route.url }}
    >
      <article class="wrap page trust">
        <h1>{t(lang, "a11y.title")}</h1>
        <div class="prose">
          <p>{t(lang, "a11y.intro")}</p>

          <h2>{t(lang, "a11y.standard.title")}</h2>
          <p>{t(lang, "a11y.standard.body")}</p>
          <p>
            <a href="https://www.w3.org/TR/WCAG21/" hreflang="en">
              {t(lang, "a11y.standard.link")}
            </a>
          </p>

          <h2>{t(lang, "a11y.testing.title")}</h2>
          <p>{t(lang, "a11y.testing.axe")}</p>
          <p>{t(lang, "a11y.testing.more")}</p>
          <p data-facts="built">{t(lang, "a11y.testing.built", { date: displayDate(site.now.setZone(site.zone), lang) })}</p>

          <h2>{t(lang, "a11y.limits.title")}</h2>
          <ul>
            <li>{t(lang, "a11y.limits.automated")}</li>
            {pdfs && <li>{t(lang, "a11y.limits.pdf")}</li>}
            {external && <li>{t(lang, "a11y.limits.external")}</li>}
            <li>{t(lang, "a11y.limits.search")}</li>
          </ul>

          <h2>{t(lang, "a11y.report.title")}</h2>
          <p>{t(lang, "a11y.report.body")}</p>
          <Contact site={site} lang={lang} />
        </div>
      </article>
    </Base>
  );
}
