// One layout per kind of page. They take the model and render; they don't compute.
import type { Route, Site } from "../lib/model.ts";
import { Base } from "./base.tsx";
import { Blocks, Intervals } from "./components/blocks.tsx";
import { PagerNav, PostDate, PostList } from "./components/post-parts.tsx";
import { displayDate, machineDate, t, telHref } from "./components/format.ts";
import { OpenStatus } from "./components/open-status.tsx";
import { ShareLinks } from "./components/share.tsx";
import { Comments } from "./components/comments.tsx";
import { eventLocation, practiceIn } from "../lib/lookup.ts";
import { ReviewLine } from "./components/review.tsx";
import { searchTermsMeta, searchWeight } from "../lib/search/weight.ts";
import { EventList, EventWhen } from "./components/events.tsx";
import { blogPostingJsonLd, clinicJsonLd, eventJsonLd, faqJsonLd, physicianJsonLd } from "../lib/jsonld.ts";

type R<K extends Route["kind"]> = Extract<Route, { kind: K }>;
interface Props<K extends Route["kind"]> {
  site: Site;
  route: R<K>;
}

export function Home({ site, route }: Props<"home">): JSX.Element {
  const { lang } = route;
  const p = practiceIn(site, lang);
  const u = site.urls;
  const page = route.page;
  const newPatients = site.byLang[lang]?.pages.find((x) => x.key === "new-patients");
  const hoursPage = site.byLang[lang]?.pages.find((x) => x.blocks.includes("hours"));
  const whenToCall = site.byLang[lang]?.pages.find((x) => x.key === "when-to-call");
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title: page?.title ?? p.name, description: page?.description ?? p.description, url: route.url, jsonld: [clinicJsonLd(site)], live: true, video: (page?.videoHosts.length ?? 0) > 0 }}
    >
      <section class="hero">
        <div class="wrap">
          <h1 class="hero__title" lang={page && page.lang !== lang ? page.lang : undefined}>
            {page?.title ?? p.name}
          </h1>
          {p.tagline && <p class="hero__lead">{p.tagline}</p>}
          <p class="hero__actions">
            <a class="button button--big" href={telHref(p.phone)}>
              {t(lang, "header.call", { phone: p.phone })}
            </a>
            {p.portal && (
              <a class="button button--ghost button--big" href={p.portal.url}>
                {p.portal.label ?? t(lang, "home.portal")}
              </a>
            )}
          </p>
        </div>
      </section>
      <section class="wrap glance" aria-labelledby="glance-title">
        <h2 id="glance-title" class="visually-hidden">
          {t(lang, "home.quick")}
        </h2>
        <div class="card glance__card">
          <h3>
            {t(lang, "home.todayHours")} <span class="muted">({t(lang, `day.${site.byLang[lang]!.today.weekday}`)})</span>
          </h3>
          <ul class="plain">
            {site.byLang[lang]!.today.hours.map((h) => (
              <li>
                <strong>{h.location.name}:</strong> {h.intervals.length ? <Intervals intervals={h.intervals} lang={lang} /> : t(lang, "home.closedToday")}
                <OpenStatus site={site} location={h.location} lang={lang} />
              </li>
            ))}
          </ul>
          {hoursPage && <a href={u.href(hoursPage.url)}>{hoursPage.navTitle ?? hoursPage.title}</a>}
        </div>
        {p.afterHours && (
          <div class="card glance__card glance__card--accent">
            <h3>{t(lang, "contact.afterHours")}</h3>
            <p class="glance__big">
              <a href={telHref(p.afterHours.phone)}>{p.afterHours.phone}</a>
            </p>
            {p.afterHours.note && <p class="muted">{p.afterHours.note}</p>}
            {whenToCall && <a href={u.href(whenToCall.url)}>{t(lang, "home.whenToCall")}</a>}
          </div>
        )}
        <div class="card glance__card">
          <h3>{t(lang, "newPatients.title")}</h3>
          <p class={p.newPatients.accepting ? "status status--yes" : "status status--no"}>
            {t(lang, p.newPatients.accepting ? "home.newPatientsYes" : "home.newPatientsNo")}
          </p>
          {newPatients && <a href={u.href(newPatients.url)}>{newPatients.title}</a>}
        </div>
        <div class="card glance__card">
          <h3>{t(lang, "home.visit")}</h3>
          <ul class="plain">
            {p.locations.map((loc) => (
              <li class="glance__loc">
                <strong>{loc.name}</strong>
                <br />
                {loc.address.street}, {loc.address.city}
                {loc.mapUrl && (
                  <>
                    <br />
                    <a href={loc.mapUrl}>{t(lang, "locations.directions", { location: loc.name })}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </section>
      {page && page.html.trim() && (
        <section class="wrap prose home-intro" lang={page.lang !== lang ? page.lang : undefined}>
          {{ html: page.html }}
        </section>
      )}
      {route.upcoming.length > 0 && (
        <section class="wrap latest" aria-labelledby="events-title">
          <h2 id="events-title">{t(lang, "events.upcoming")}</h2>
          <EventList site={site} events={route.upcoming} lang={lang} live />
          <p>
            <a href={u.href(u.local(lang, "/events/"))}>{t(lang, "events.all")} →</a>
          </p>
        </section>
      )}
      {route.latest.length > 0 && (
        <section class="wrap latest" aria-labelledby="latest-title">
          <h2 id="latest-title">{t(lang, "home.latest")}</h2>
          <PostList site={site} posts={route.latest} lang={lang} level={3} />
          <p>
            <a href={u.href(u.local(lang, "/blog/"))}>{t(lang, "home.allPosts")} →</a>
          </p>
        </section>
      )}
    </Base>
  );
}

export function PageView({ site, route }: Props<"page">): JSX.Element {
  const { page, lang } = route;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title: page.title,
        description: page.description,
        url: route.url,
        jsonld: [faqJsonLd(page), page.blocks.includes("hours") || page.blocks.includes("locations") ? clinicJsonLd(site) : undefined],
        live: page.live || page.blocks.includes("hours") || page.blocks.includes("events"),
        video: page.videoHosts.length > 0,
      }}
    >
      <article class="wrap page" data-pagefind-body="" data-pagefind-weight={searchWeight(page)} data-pagefind-meta={searchTermsMeta(page)}>
        {page.status !== "published" && <p class="banner banner--draft">{t(lang, "post.draft")}</p>}
        <h1>{page.title}</h1>
        <ReviewLine site={site} lang={lang} reviewedBy={page.reviewedBy} reviewed={page.reviewed} />
        <div class="prose">{{ html: page.html }}</div>
        <Blocks site={site} lang={lang} blocks={page.blocks} />
      </article>
    </Base>
  );
}

export function PostView({ site, route }: Props<"post">): JSX.Element {
  const { post, lang } = route;
  const u = site.urls;
  const author = post.author;
  const authorLinked = author && (author.status === "published" || site.mode === "preview");
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title: post.title, description: post.description, url: route.url, type: "article", published: machineDate(post.date), jsonld: [blogPostingJsonLd(site, post)], video: post.videoHosts.length > 0, share: true, image: post.socialImage, live: post.live }}
    >
      <article class="wrap post" data-pagefind-body="">
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
    </Base>
  );
}

export function ProviderView({ site, route }: Props<"provider">): JSX.Element {
  const { provider, lang } = route;
  const u = site.urls;
  const team = site.byLang[lang]?.pages.find((x) => x.blocks.includes("providers"));
  const title = provider.fullName;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{ title, description: t(lang, provider.role ? "provider.description" : "provider.descriptionNoRole", { name: provider.name, role: provider.role, practice: practiceIn(site, lang).name }), url: route.url, jsonld: [physicianJsonLd(site, provider)], video: provider.videoHosts.length > 0, live: provider.live }}
    >
      <article class="wrap page provider" data-pagefind-body="">
        {provider.picture && <div class="provider__photo">{{ html: provider.picture }}</div>}
        <h1>{title}</h1>
        <p class="provider__role">{provider.role}</p>
        <dl class="facts">
          {provider.languages.length > 0 && (
            <>
              <dt>{t(lang, "provider.languages")}</dt>
              <dd>{provider.languages.join(", ")}</dd>
            </>
          )}
        </dl>
        {provider.since && <p class="muted">{t(lang, "provider.since", { year: provider.since })}</p>}
        <div class="prose">{{ html: provider.html }}</div>
        {route.posts.length > 0 && (
          <section aria-labelledby="provider-posts" data-pagefind-ignore="">
            <h2 id="provider-posts">{t(lang, "provider.posts", { name: provider.name })}</h2>
            <PostList site={site} posts={route.posts} lang={lang} level={3} />
          </section>
        )}
        {team && (
          <p>
            <a href={u.href(team.url)}>{t(lang, "provider.allTeam")} →</a>
          </p>
        )}
      </article>
    </Base>
  );
}

export function BlogView({ site, route }: Props<"blog">): JSX.Element {
  const { lang, pager } = route;
  const u = site.urls;
  const title = pager.page === 1 ? t(lang, "blog.title") : t(lang, "blog.pageTitle", { page: pager.page, total: pager.total });
  return (
    <Base site={site} lang={lang} meta={{ title, description: t(lang, "blog.description", { practice: practiceIn(site, lang).name }), url: route.url }}>
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

export function TagView({ site, route }: Props<"tag">): JSX.Element {
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

export function TagsView({ site, route }: Props<"tags">): JSX.Element {
  const { lang } = route;
  return (
    <Base site={site} lang={lang} meta={{ title: t(lang, "tags.title"), description: t(lang, "tags.description", { practice: practiceIn(site, lang).name }), url: route.url }}>
      <div class="wrap listing">
        <h1>{t(lang, "tags.title")}</h1>
        <ul class="plain tags__list tags__list--big">
          {route.tags.map((tag) => (
            <li>
              <a class="tag" href={site.urls.href(tag.url)}>
                {tag.name} <span class="tag__count">{tag.posts.length === 1 ? t(lang, "tag.count.one") : t(lang, "tag.count.other", { count: tag.posts.length })}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Base>
  );
}

export function EventsView({ site, route }: Props<"events">): JSX.Element {
  const { lang } = route;
  const u = site.urls;
  const here = site.byLang[lang]!;
  return (
    <Base site={site} lang={lang} meta={{ title: t(lang, "events.title"), description: t(lang, "events.description", { practice: practiceIn(site, lang).name }), url: route.url, live: true }}>
      <div class="wrap listing">
        <h1>{t(lang, "events.title")}</h1>
        <p class="listing__links">
          <a href={u.href(u.local(lang, "/events.ics"))}>{t(lang, "events.subscribe")}</a>
        </p>
        <h2>{t(lang, "events.upcoming")}</h2>
        {here.upcoming.length ? <EventList site={site} events={here.upcoming} lang={lang} live /> : <p>{t(lang, "events.none")}</p>}
        {here.past.length > 0 && (
          <>
            <h2>{t(lang, "events.past")}</h2>
            <EventList site={site} events={here.past} lang={lang} />
          </>
        )}
      </div>
    </Base>
  );
}

export function EventView({ site, route }: Props<"event">): JSX.Element {
  const { event, lang } = route;
  const u = site.urls;
  const loc = eventLocation(site, event, lang);
  return (
    <Base site={site} lang={lang} meta={{ title: event.title, description: event.description, url: route.url, jsonld: [eventJsonLd(site, event)], video: event.videoHosts.length > 0, live: event.live }}>
      <article class="wrap page event">
        {event.status !== "published" && <p class="banner banner--draft">{t(lang, "post.draft")}</p>}
        <h1>{event.title}</h1>
        {event.cancelled && <p class="banner banner--cancelled">{t(lang, "events.cancelled")}</p>}
        <dl class="facts">
          <dt>{t(lang, "events.when")}</dt>
          <dd>
            <EventWhen event={event} lang={lang} />
          </dd>
          {loc && (
            <>
              <dt>{t(lang, "events.where")}</dt>
              <dd>
                {loc.name}, {loc.address.street}, {loc.address.city}
                {loc.mapUrl && (
                  <>
                    {" · "}
                    <a href={loc.mapUrl}>{t(lang, "locations.directions", { location: loc.name })}</a>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
        <p class="lead">{event.description}</p>
        <div class="prose">{{ html: event.html }}</div>
        <p class="event__actions">
          {event.registration && !event.cancelled && (
            <a class="button" href={event.registration}>
              {t(lang, "events.register")}
            </a>
          )}{" "}
          <a class="button button--ghost" href={u.href(event.ics)} download>
            {t(lang, "events.addToCalendar")}
          </a>
        </p>
        <p>
          <a href={u.href(u.local(lang, "/events/"))}>{t(lang, "events.all")} →</a>
        </p>
      </article>
    </Base>
  );
}

export function NotFoundView({ site, route }: Props<"notFound">): JSX.Element {
  const { lang } = route;
  const u = site.urls;
  return (
    <Base site={site} lang={lang} meta={{ title: t(lang, "notFound.title"), description: t(lang, "notFound.description"), url: route.url, noindex: true }}>
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

