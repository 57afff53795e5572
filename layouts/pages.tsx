// One layout per kind of page (the home page and posts have files of their own: home.tsx,
// post.tsx). They take the model and render; they don't compute.
import type { Route, Site } from "../lib/model/model.ts";
import { Base } from "./base.tsx";
import { Blocks } from "./components/blocks.tsx";
import { PagerNav, PostList } from "./components/post-parts.tsx";
import { t } from "./components/format.ts";
import { eventLocation, practiceIn } from "../lib/model/lookup.ts";
import { ReviewLine } from "./components/review.tsx";
import { searchTermsMeta, searchWeight } from "../lib/model/search-weight.ts";
import { EventList, EventWhen } from "./components/events.tsx";
import { clinicJsonLd, eventJsonLd, faqJsonLd, physicianJsonLd } from "../lib/model/jsonld.ts";

type R<K extends Route["kind"]> = Extract<Route, { kind: K }>;
interface Props<K extends Route["kind"]> {
  site: Site;
  route: R<K>;
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

