// A blog post: the article, and beside it on wide screens (after it on phones) how to reach
// the practice and what to read next.
import type { Post, Route, Site } from "../lib/model/model.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { Base } from "./base.tsx";
import { PostDate } from "./components/post-parts.tsx";
import { displayDate, machineDate, t, telHref } from "./components/format.ts";
import { ShareLinks } from "./components/share.tsx";
import { Comments } from "./components/comments.tsx";
import { practiceIn } from "../lib/model/lookup.ts";
import { ReviewLine } from "./components/review.tsx";
import { blogPostingJsonLd } from "../lib/model/jsonld.ts";

export function PostView({ site, route }: { site: Site; route: Extract<Route, { kind: "post" }> }): JSX.Element {
  const { post, lang } = route;
  const u = site.urls;
  const author = post.author;
  const authorLinked = author && (author.status === "published" || site.mode === "preview");
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: post.title,
        description: post.description,
        url: route.url,
        type: "article",
        published: machineDate(post.date),
        jsonld: [blogPostingJsonLd(site, post)],
        video: post.videoHosts.length > 0,
        share: true,
        image: post.socialImage,
        live: post.live,
      }}
    >
      <div class="wrap post-shell">
        <div class="post-layout">
          <article class="post" data-pagefind-body="">
            {post.status === "draft" && <p class="banner banner--draft">{t(lang, "post.draft")}</p>}
            {post.status === "scheduled" && (
              <p class="banner banner--draft">
                {t(lang, "post.draft")} · {displayDate(post.date.dt, lang)}
              </p>
            )}
            <header class="post__head">
              <h1>{post.title}</h1>
              <p class="post__meta">
                {author && (
                  <>
                    {authorLinked ? (
                      <a href={u.href(author.url)}>{t(lang, "post.by", { name: author.fullName })}</a>
                    ) : (
                      t(lang, "post.by", { name: author.fullName })
                    )}
                    {" · "}
                  </>
                )}
                <PostDate post={post} lang={lang} />
                {" · "}
                {t(lang, "post.readingTime", { minutes: post.readingMinutes })}
              </p>
              <ReviewLine site={site} lang={lang} reviewedBy={post.reviewedBy} reviewed={post.reviewed} />
            </header>
            {post.picture && <div class="post__image">{{ html: post.picture }}</div>}
            <div class="prose">{{ html: post.html }}</div>
            <ShareLinks site={site} post={post} lang={lang} />
            {post.tags.length > 0 && (
              <nav class="tags" aria-label={t(lang, "post.tags")}>
                <h2 class="tags__title">{t(lang, "post.tags")}</h2>
                <ul class="plain tags__list">
                  {post.tags.map((tag) => (
                    <li>
                      <a class="tag" href={u.href(tag.url)}>
                        {tag.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <Comments site={site} post={post} lang={lang} />
            {(post.older || post.newer) && (
              <nav class="prevnext" aria-label={t(lang, "post.more")} data-pagefind-ignore="">
                {post.older ? (
                  <a class="prevnext__link" href={u.href(post.older.url)} rel="prev">
                    <span class="prevnext__label">← {t(lang, "post.prev")}</span>
                    <span class="prevnext__title">{post.older.title}</span>
                  </a>
                ) : (
                  <span />
                )}
                {post.newer ? (
                  <a class="prevnext__link prevnext__link--next" href={u.href(post.newer.url)} rel="next">
                    <span class="prevnext__label">{t(lang, "post.next")} →</span>
                    <span class="prevnext__title">{post.newer.title}</span>
                  </a>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </article>
          <PostAside site={site} lang={lang} related={route.related} />
        </div>
      </div>
    </Base>
  );
}

/** Call us, the nurse line and when to call; then related posts. Nothing here needs a script. */
function PostAside({ site, lang, related }: { site: Site; lang: Lang; related: readonly Post[] }): JSX.Element {
  const p = practiceIn(site, lang);
  const u = site.urls;
  const whenToCall = site.byLang[lang]?.pages.find((x) => x.key === "when-to-call");
  return (
    <aside class="post-aside" aria-label={t(lang, "post.aside")} data-pagefind-ignore="">
      <section class="card post-aside__card" aria-labelledby="aside-call">
        <h2 id="aside-call" class="post-aside__title">
          {t(lang, "post.worried")}
        </h2>
        <p class="post-aside__call">
          <a class="button" href={telHref(p.phone)}>
            {t(lang, "header.call", { phone: p.phone })}
          </a>
        </p>
        {p.afterHours && (
          <p>
            {t(lang, "contact.afterHours")}:{" "}
            <a class="nowrap" href={telHref(p.afterHours.phone)}>
              {p.afterHours.phone}
            </a>
          </p>
        )}
        {whenToCall && (
          <p>
            <a href={u.href(whenToCall.url)}>{t(lang, "home.whenToCall")}</a>
          </p>
        )}
      </section>
      {related.length > 0 && (
        <section class="post-aside__related" aria-labelledby="aside-related">
          <h2 id="aside-related" class="post-aside__title">
            {t(lang, "post.related")}
          </h2>
          <ul class="plain post-aside__list">
            {related.map((r) => (
              <li>
                <a href={u.href(r.url)} lang={r.lang !== lang ? r.lang : undefined} hreflang={r.lang !== lang ? r.lang : undefined}>
                  {r.title}
                </a>
                <span class="post-aside__date">
                  <PostDate post={r} lang={lang} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
