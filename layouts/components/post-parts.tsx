// Pieces of blog listings and posts.
import type { Site, Post, Pager } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { displayDate, machineDate, t } from "./format.ts";

export function PostDate({ post, lang }: { post: Post; lang: Lang }): JSX.Element {
  return <time datetime={machineDate(post.date)}>{displayDate(post.date.dt, lang)}</time>;
}

export function PostSummary({ site, post, lang, level = 2 }: { site: Site; post: Post; lang: Lang; level?: 2 | 3 }): JSX.Element {
  // A post not yet translated is listed in its own language, marked and linked as such.
  const other = post.lang !== lang ? post.lang : undefined;
  const title = (
    <a href={site.urls.href(post.url)} lang={other} hreflang={other}>
      {post.title}
    </a>
  );
  return (
    <li class={post.thumb ? "card post-card post-card--thumb" : "card post-card"}>
      {post.thumb && <div class="post-card__thumb">{{ html: post.thumb }}</div>}
      {level === 2 ? <h2 class="post-card__title">{title}</h2> : <h3 class="post-card__title">{title}</h3>}
      <p class="post-card__meta">
        <PostDate post={post} lang={lang} />
        {post.author && <> · {post.author.name}</>}
        {post.status !== "published" && <span class="badge badge--draft">{post.status}</span>}
      </p>
      <p class="post-card__summary" lang={other}>
        {post.description}
      </p>
      {other && <p class="post-card__note muted">{t(lang, "lang.untranslatedNote")}</p>}
    </li>
  );
}

export function PostList({ site, posts, lang, level = 2 }: { site: Site; posts: readonly Post[]; lang: Lang; level?: 2 | 3 }): JSX.Element {
  return (
    <ul class="post-list plain">
      {posts.map((post) => (
        <PostSummary site={site} post={post} lang={lang} level={level} />
      ))}
    </ul>
  );
}

export function PagerNav({ site, pager, lang }: { site: Site; pager: Pager; lang: Lang }): JSX.Element {
  if (pager.total < 2) return null;
  const u = site.urls;
  return (
    <nav class="pager" aria-label={t(lang, "blog.pagination")}>
      {pager.newer ? (
        <a href={u.href(pager.newer)} rel="prev">
          ← {t(lang, "blog.newer")}
        </a>
      ) : (
        <span />
      )}
      <span class="pager__where">{t(lang, "blog.page", { page: pager.page, total: pager.total })}</span>
      {pager.older ? (
        <a href={u.href(pager.older)} rel="next">
          {t(lang, "blog.older")} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
