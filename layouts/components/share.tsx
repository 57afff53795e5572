// Share links: plain links to each network's own share page, plus email; a "Copy link"
// button that only appears when JavaScript can make it work.
import type { Site, Post } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { networkOf, shareLinks } from "../../lib/model/social.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import { SocialIcon } from "./chrome.tsx";
import { t } from "./format.ts";

export function ShareLinks({ site, post, lang }: { site: Site; post: Post; lang: Lang }): JSX.Element {
  const url = site.urls.absolute(post.url);
  const links = shareLinks(url, post.title, t(lang, "share.emailSubject", { practice: practiceIn(site, lang).name, title: post.title }));
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="share__title">
        {t(lang, "share.title")}
      </h2>
      <ul class="plain share__list">
        {links.map((link) => {
          const network = networkOf(link.key);
          return (
            <li>
              <a class="share__link" href={link.href} rel="noopener noreferrer">
                {network && <SocialIcon site={site} network={network} />}
                <span>{network ? network.label : t(lang, "share.email")}</span>
              </a>
            </li>
          );
        })}
        <li>
          <button type="button" class="share__link share__copy" data-copy={url} data-copied={t(lang, "share.copied")} hidden>
            {t(lang, "share.copy")}
          </button>
        </li>
      </ul>
      <p class="share__status visually-hidden" role="status"></p>
    </section>
  );
}
