// The posts with one tag, ten a page.
import { Base } from "./base.tsx";
import { PagerNav, PostList } from "./components/post-parts.tsx";
import { t } from "./components/format.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import type { ViewProps } from "./components/view-props.ts";

export function TagView({ site, route }: ViewProps<"tag">): JSX.Element {
  const { lang, tag, pager } = route;
  const title = t(lang, "tag.title", { tag: tag.name });
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: pager.page === 1 ? title : `${title} (${t(lang, "blog.page", { page: pager.page, total: pager.total })})`,
        description: t(lang, "tag.description", { practice: practiceIn(site, lang).name, tag: tag.name }),
        url: route.url,
      }}
    >
      <div class="wrap listing">
        <h1>{title}</h1>
        <p class="listing__links">
          <a href={site.urls.href(site.urls.local(lang, "/blog/tags/"))}>{t(lang, "blog.allTags")}</a>
        </p>
        <PostList site={site} posts={route.posts} lang={lang} />
        <PagerNav site={site} pager={pager} lang={lang} />
      </div>
    </Base>
  );
}
