// /search/: the one page with a search box that runs. Without JavaScript it is a small
// site map (topics, the blog, every menu page) instead of a box that does nothing; with
// it, /assets/js/search.js queries the Pagefind index built from the site itself.
import type { Route, Site } from "../lib/model/model.ts";
import { Base } from "./base.tsx";
import { t } from "./components/format.ts";
import { mergedBundles } from "../lib/model/search.ts";

export function SearchView({ site, route }: { site: Site; route: Extract<Route, { kind: "search" }> }): JSX.Element {
  const { lang } = route;
  const u = site.urls;
  const nav = site.byLang[lang]?.nav ?? [];
  const msg = (key: Parameters<typeof t>[1]) => t(lang, key);
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: t(lang, "search.title"),
        description: t(lang, "search.description", { practice: site.practice.name }),
        url: route.url,
      }}
    >
      <div
        class="wrap page search"
        data-search=""
        data-base={u.href("/")}
        data-merge={mergedBundles(site.searchShards).join(" ") || undefined}
        data-msg-loading={msg("search.loading")}
        data-msg-none={msg("search.none")}
        data-msg-one={msg("search.one")}
        data-msg-many={msg("search.many")}
        data-msg-failed={msg("search.failed")}
      >
        <h1>{t(lang, "search.title")}</h1>
        {/* Shown by the script once search can run, so no one meets a dead box. */}
        <form class="search-form" role="search" action={u.href(route.url)} method="get" hidden>
          <label for="search-query">{t(lang, "search.label")}</label>
          <span class="search-form__row">
            <input id="search-query" class="search-form__input" type="search" name="q" autocomplete="off" spellcheck="false" />
            <button class="button search-form__button" type="submit">
              {t(lang, "search.button")}
            </button>
          </span>
        </form>
        <p class="search__status" role="status" />
        <ol class="search__results plain" hidden />
        <section class="search__browse" aria-labelledby="search-browse">
          <p class="search__noscript">{t(lang, "search.noScript")}</p>
          <h2 id="search-browse">{t(lang, "search.browse")}</h2>
          <ul>
            <li>
              <a href={u.href(u.local(lang, "/blog/tags/"))}>{t(lang, "search.allTopics")}</a>
            </li>
            {nav.map((item) => (
              <li>
                <a href={u.href(item.url)}>{item.title}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <script type="module" src={u.href("/assets/js/search.js")} />
    </Base>
  );
}
