// The blog, ten posts a page, newest first.
import { Base } from "./base.tsx";
import { PagerNav, PostList } from "./components/post-parts.tsx";
import { t } from "./components/format.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import type { ViewProps } from "./components/view-props.ts";

export function BlogView({ site, route }: ViewProps<"blog">): JSX.Element {
  const { lang, pager } = route;
  const u = site.urls;
  const title = pager.page === 1 ? t(lang, "blog.title") : t(lang, "blog.pageTitle", { page: pager.page, total: pager.total });
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title, description: t(lang, "blog.description", { practice: practiceIn(site, lang).name }), url: route.url }}
    >
      <div class="wrap listing">
        <h1>{title}</h1>
        <p class="listing__links">
          <a href={u.href(u.local(lang, "/blog/tags/"))}>{t(lang, "blog.allTags")}</a>
          {" · "}
          <a href={u.href(u.local(lang, "/feed.xml"))}>{t(lang, "blog.feed")}</a>
        </p>
        <PostList site={site} posts={route.posts} lang={lang} />
        <PagerNav site={site} pager={pager} lang={lang} />
      </div>
    </Base>
  );
}
