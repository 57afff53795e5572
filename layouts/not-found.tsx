// The page shown for an address that leads nowhere.
import { Base } from "./base.tsx";
import { t } from "./components/format.ts";
import type { ViewProps } from "./components/view-props.ts";

export function NotFoundView({ site, route }: ViewProps<"notFound">): JSX.Element {
  const { lang } = route;
  const u = site.urls;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title: t(lang, "notFound.title"), description: t(lang, "notFound.description"), url: route.url, noindex: true }}
    >
      <div class="wrap page">
        <h1>{t(lang, "notFound.title")}</h1>
        <p>{t(lang, "notFound.body")}</p>
        <p>
          <a class="button" href={u.href(u.local(lang, "/"))}>
            {t(lang, "nav.home")}
          </a>{" "}
          <a class="button button--ghost" href={u.href(u.local(lang, "/blog/"))}>
            {t(lang, "nav.blog")}
          </a>
        </p>
      </div>
    </Base>
  );
}
