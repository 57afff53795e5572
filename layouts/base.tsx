// The document shell shared by every HTML page.
import type { Site } from "../lib/model/model.ts";
import { practiceIn } from "../lib/model/lookup.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { t } from "./components/format.ts";
import { Footer, Header, SickStrip } from "./components/chrome.tsx";
import { Alerts } from "./components/alerts.tsx";
import { serializeJsonLd } from "../lib/model/jsonld.ts";
import { CARD, ICONS } from "../lib/model/site-files.ts";
import { HostPolicy } from "./components/host-policy.tsx";
import { renderToString } from "./render.ts";

export interface PageMeta {
  title: string;
  description: string;
  /** Unprefixed site path of this page. */
  url: string;
  type?: "website" | "article";
  published?: string;
  /** 404 and similar pages: no canonical URL, kept out of search engines. */
  noindex?: boolean;
  /** schema.org blocks for this page. */
  jsonld?: readonly (Record<string, unknown> | undefined)[];
  /** The page shows dated text (open now, upcoming events) that the small script keeps current. */
  live?: boolean;
  /** The page embeds click-to-play videos. */
  video?: boolean;
  /** The page has share links (the copy-link button needs a few lines of script). */
  share?: boolean;
  /** The page's own 1200×630 social image (else the practice's card). */
  image?: { url: string; alt: string };
}

// The sick-child strip, alerts and footer are the same on every page of a language:
// rendered once per build and language, then reused as they are.
const shared = new WeakMap<Site, Map<string, string>>();

function same(site: Site, key: string, render: () => JSX.Element): JSX.Element {
  let parts = shared.get(site);
  if (!parts) shared.set(site, (parts = new Map<string, string>()));
  let html = parts.get(key);
  if (html === undefined) parts.set(key, (html = renderToString(render())));
  return { html };
}

export function Base({ site, lang, meta, children }: { site: Site; lang: Lang; meta: PageMeta; children: JSX.Children }): JSX.Element {
  const u = site.urls;
  const alternates = site.alternates.get(meta.url) ?? [];
  const p = practiceIn(site, lang);
  const fullTitle = meta.url === u.local(lang, "/") ? `${p.name}: ${p.tagline ?? meta.title}` : `${meta.title} | ${p.name}`;
  return (
    <>
      {{ html: "<!doctype html>" }}
      <html lang={t(lang, "meta.locale")} dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <HostPolicy site={site} url={meta.url} />
          <title>{fullTitle}</title>
          <meta name="description" content={meta.description} />
          {meta.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={u.absolute(meta.url)} />}
          <link rel="stylesheet" href={u.href(site.assets.css)} />
          <link rel="icon" href={u.href(ICONS.svg)} type="image/svg+xml" />
          <link rel="icon" href={u.href(ICONS.png192)} type="image/png" sizes="192x192" />
          <link rel="apple-touch-icon" href={u.href(ICONS.apple)} />
          <link rel="manifest" href={u.href(ICONS.manifest)} />
          <link
            rel="alternate"
            type="application/atom+xml"
            title={t(lang, "feed.title", { practice: p.name })}
            href={u.href(u.local(lang, "/feed.xml"))}
          />
          <link
            rel="alternate"
            type="application/feed+json"
            title={t(lang, "feed.title", { practice: p.name })}
            href={u.href(u.local(lang, "/feed.json"))}
          />
          {alternates.length > 1 && (
            <>
              {alternates.map((a) => (
                <link rel="alternate" hreflang={a.lang} href={u.absolute(a.url)} />
              ))}
              <link rel="alternate" hreflang="x-default" href={u.absolute(alternates[0]!.url)} />
            </>
          )}
          <meta name="theme-color" content={site.themeColor} />
          <meta property="og:site_name" content={p.name} />
          <meta property="og:title" content={meta.title} />
          <meta property="og:description" content={meta.description} />
          <meta property="og:type" content={meta.type ?? "website"} />
          {!meta.noindex && <meta property="og:url" content={u.absolute(meta.url)} />}
          {meta.published && <meta property="article:published_time" content={meta.published} />}
          <meta property="og:locale" content={t(lang, "meta.locale").replace("-", "_")} />
          <meta property="og:image" content={u.absolute(meta.image?.url ?? CARD.path)} />
          <meta property="og:image:width" content={String(CARD.width)} />
          <meta property="og:image:height" content={String(CARD.height)} />
          <meta property="og:image:alt" content={meta.image?.alt ?? t(lang, "share.cardAlt", { practice: p.name, phone: p.phone })} />
          <meta name="twitter:card" content="summary_large_image" />
          {/* X reads the title, description and image from the Open Graph tags above. */}
          <meta name="twitter:image:alt" content={meta.image?.alt ?? t(lang, "share.cardAlt", { practice: p.name, phone: p.phone })} />
          {(meta.live || site.byLang[lang]!.alerts.length > 0) && <script type="module" src={u.href("/assets/js/live.js")} />}
          {meta.video && <script type="module" src={u.href("/assets/js/video.js")} />}
          {meta.share && <script type="module" src={u.href("/assets/js/share.js")} />}
          {(meta.jsonld ?? [])
            .filter((x) => x !== undefined)
            .map((data) => (
              <script type="application/ld+json">{{ html: serializeJsonLd(data) }}</script>
            ))}
        </head>
        <body>
          <a class="skip" href="#main">
            {t(lang, "skip")}
          </a>
          {same(site, `${lang}:top`, () => (
            <>
              <SickStrip site={site} lang={lang} />
              <Alerts site={site} lang={lang} />
            </>
          ))}
          <Header site={site} lang={lang} current={meta.url} />
          <main id="main" tabindex="-1">
            {children}
          </main>
          {same(site, `${lang}:footer`, () => (
            <Footer site={site} lang={lang} />
          ))}
        </body>
      </html>
    </>
  );
}
