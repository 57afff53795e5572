// A provider's page: portrait, languages, biography and posts.
import { Base } from "./base.tsx";
import { PostList } from "./components/post-parts.tsx";
import { t } from "./components/format.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import { physicianJsonLd } from "../lib/model/jsonld.ts";
import type { ViewProps } from "./components/view-props.ts";

export function ProviderView({ site, route }: ViewProps<"provider">): JSX.Element {
  const { provider, lang } = route;
  const u = site.urls;
  const team = site.byLang[lang]?.pages.find((x) => x.blocks.includes("providers"));
  const title = provider.fullName;
  return (
    <Base
      site={site}
      lang={lang}
      meta={{
        title,
        description: t(lang, provider.role ? "provider.description" : "provider.descriptionNoRole", {
          name: provider.name,
          role: provider.role,
          practice: practiceIn(site, lang).name,
        }),
        url: route.url,
        jsonld: [physicianJsonLd(site, provider)],
        video: provider.videoHosts.length > 0,
        live: provider.live,
      }}
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
