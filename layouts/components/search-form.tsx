// The header's search box: a plain GET form to /search/, so it works without any
// script on the page; /search/ itself does the searching.
import type { Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { t } from "./format.ts";

export function SiteSearchForm({ site, lang, current }: { site: Site; lang: Lang; current: string }): JSX.Element {
  const u = site.urls;
  const action = u.local(lang, "/search/");
  // The search page has its own, larger box; two would be confusing.
  if (current === action) return null;
  return (
    <form class="sitesearch" role="search" action={u.href(action)} method="get">
      <label class="visually-hidden" for="site-search">
        {t(lang, "search.label")}
      </label>
      <input
        id="site-search"
        class="sitesearch__input"
        type="search"
        name="q"
        autocomplete="off"
        placeholder={t(lang, "search.placeholder")}
      />
      <button class="button button--ghost sitesearch__button" type="submit">
        {t(lang, "search.button")}
      </button>
    </form>
  );
}
