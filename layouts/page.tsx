// A page from content/pages/: its body, then the practice facts its front matter asks for.
import { Base } from "./base.tsx";
import { Blocks } from "./components/blocks.tsx";
import { t } from "./components/format.ts";
import { ReviewLine } from "./components/review.tsx";
import { searchTermsMeta, searchWeight } from "../lib/model/search-weight.ts";
import { clinicJsonLd, faqJsonLd } from "../lib/model/jsonld.ts";
import type { ViewProps } from "./components/view-props.ts";

export function PageView({ site, route }: ViewProps<"page">): JSX.Element {
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
