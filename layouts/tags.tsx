// Every tag with its count of posts.
import { Base } from "./base.tsx";
import { t } from "./components/format.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import type { ViewProps } from "./components/view-props.ts";

export function TagsView({ site, route }: ViewProps<"tags">): JSX.Element {
  const { lang } = route;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: t(lang, "tags.title"),
        description: t(lang, "tags.description", { practice: practiceIn(site, lang).name }),
        url: route.url,
      }}
    >
      <div class="wrap listing">
        <h1>{t(lang, "tags.title")}</h1>
        <ul class="plain tags__list tags__list--big">
          {route.tags.map((tag) => (
            <li>
              <a class="tag" href={site.urls.href(tag.url)}>
                {tag.name}{" "}
                <span class="tag__count">
                  {tag.posts.length === 1 ? t(lang, "tag.count.one") : t(lang, "tag.count.other", { count: tag.posts.length })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Base>
  );
}
