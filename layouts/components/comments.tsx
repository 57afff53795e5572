// The conversation under a post: approved comments, threaded, with the practice's replies
// marked, then either the comment form or "Comments are closed.". Comments were written
// by visitors: names are text (escaped like everything), bodies come from the strict
// comment renderer, which never lets raw HTML through.
import type { Comment, CommentNode, Post, Provider, Site } from "../../lib/model/model.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import { oldAnchorOf } from "../../lib/comments/thread.ts";
import { displayDate, displayTime, machineDate, t } from "./format.ts";

export const COMMENT_FORM_NAME = "comments";
/** The honeypot: hidden from people, so anything in it was typed by a bot. */
export const HONEYPOT_FIELD = "website";

export function Comments({ site, post, lang }: { site: Site; post: Post; lang: Lang }): JSX.Element {
  if (post.comments === "off") return null;
  const discussion = post.discussion;
  const count = discussion?.count ?? 0;
  const heading =
    count === 0
      ? t(lang, "comments.count.zero", { title: post.title })
      : t(lang, count === 1 ? "comments.count.one" : "comments.count.other", { count, title: post.title });
  const form = post.comments === "open" ? practiceIn(site, lang).commentForm : undefined;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title" data-pagefind-ignore="all">
      <h2 id="comments-title">{heading}</h2>
      {count > 0 ? (
        <CommentList site={site} lang={lang} nodes={discussion!.threads} />
      ) : (
        post.comments === "open" && <p class="muted">{t(lang, "comments.none")}</p>
      )}
      {post.comments === "closed" && <p class="comments__closed">{t(lang, "comments.closed")}</p>}
      {form && <CommentForm site={site} post={post} lang={lang} form={form} />}
    </section>
  );
}

function CommentList({
  site,
  lang,
  nodes,
  parent,
}: {
  site: Site;
  lang: Lang;
  nodes: readonly CommentNode[];
  parent?: Comment;
}): JSX.Element {
  return (
    <ol
      class={parent ? "comments__list comments__list--replies" : "comments__list"}
      aria-label={parent ? t(lang, "comments.replies", { name: parent.author }) : undefined}
    >
      {nodes.map((node) => (
        <li class={node.comment.provider ? "comment comment--practice" : "comment"} id={`comment-${node.comment.id}`}>
          <CommentCard site={site} lang={lang} node={node} />
          {node.replies.length > 0 && <CommentList site={site} lang={lang} nodes={node.replies} parent={node.comment} />}
        </li>
      ))}
    </ol>
  );
}

function CommentCard({ site, lang, node }: { site: Site; lang: Lang; node: CommentNode }): JSX.Element {
  const c = node.comment;
  // A comment in another language than the page is marked, so it is read in its own voice.
  const other = c.lang !== lang ? c.lang : undefined;
  const when = t(lang, "comments.when", { date: displayDate(c.date.dt, lang), time: displayTime(c.date.dt, lang) });
  // A comment moved from WordPress also answers to its old address (#comment-501), checked unique on the page when loaded.
  return (
    <article class="comment__card" id={oldAnchorOf(c)}>
      <header class="comment__head">
        <p class="comment__who">
          {c.provider ? (
            <PracticeAuthor site={site} lang={lang} provider={c.provider} />
          ) : (
            <span class="comment__author" lang={other}>
              {c.author}
            </span>
          )}
        </p>
        <p class="comment__meta">
          <a class="comment__permalink" href={`#comment-${c.id}`}>
            <time datetime={machineDate(c.date)}>{when}</time>
          </a>
          {node.inReplyTo && (
            <>
              {" · "}
              <a href={`#comment-${node.inReplyTo.id}`}>{t(lang, "comments.inReplyTo", { name: node.inReplyTo.author })}</a>
            </>
          )}
        </p>
      </header>
      <div class="comment__body" lang={other}>
        {{ html: c.html }}
      </div>
    </article>
  );
}

function PracticeAuthor({ site, lang, provider }: { site: Site; lang: Lang; provider: Provider }): JSX.Element {
  // The provider's page in this language when there is one; a draft provider is named, not linked.
  const p = site.byLang[lang]?.providers.find((x) => x.key === provider.key) ?? provider;
  const label = p.fullName;
  const linked = p.status === "published" || site.mode === "preview";
  return (
    <>
      {linked ? (
        <a class="comment__author" href={site.urls.href(p.url)} hreflang={p.lang !== lang ? p.lang : undefined}>
          {label}
        </a>
      ) : (
        <span class="comment__author">{label}</span>
      )}{" "}
      <span class="badge badge--practice">{t(lang, "comments.practice", { practice: practiceIn(site, lang).name })}</span>
    </>
  );
}

function CommentForm({
  site,
  post,
  lang,
  form,
}: {
  site: Site;
  post: Post;
  lang: Lang;
  form: { endpoint: string; netlify?: boolean };
}): JSX.Element {
  const u = site.urls;
  // A site path is the thank-you page (Netlify Forms): this language's version when it exists.
  let action = form.endpoint;
  if (action.startsWith("/")) {
    const local = u.local(lang, action);
    action = u.href(site.byLang[lang]?.pages.some((p) => p.url === local && p.lang === lang) ? local : action);
  }
  return (
    <form
      class="comment-form"
      method="post"
      action={action}
      name={form.netlify ? COMMENT_FORM_NAME : undefined}
      data-netlify={form.netlify ? "true" : undefined}
      aria-labelledby="comment-form-title"
    >
      <h3 id="comment-form-title">{t(lang, "comments.form.title")}</h3>
      <p class="note comment-form__notice">
        <strong>{t(lang, "comments.form.notice")}</strong> {t(lang, "comments.form.moderated")}
      </p>
      {form.netlify && <input type="hidden" name="form-name" value={COMMENT_FORM_NAME} />}
      <input type="hidden" name="post" value={post.key} />
      <input type="hidden" name="lang" value={lang} />
      <p class="comment-form__trap" hidden>
        <label>
          {t(lang, "comments.form.trap")} <input type="text" name={HONEYPOT_FIELD} tabindex="-1" autocomplete="off" />
        </label>
      </p>
      <p class="field">
        <label for="comment-name">{t(lang, "comments.form.name")}</label>
        <input id="comment-name" class="field__input" type="text" name="name" required maxlength="80" autocomplete="name" />
      </p>
      <p class="field">
        <label for="comment-email">{t(lang, "comments.form.email")}</label>
        <input id="comment-email" class="field__input" type="email" name="email" maxlength="200" autocomplete="email" />
      </p>
      <p class="field">
        <label for="comment-body">{t(lang, "comments.form.body")}</label>
        <textarea id="comment-body" class="field__input" name="comment" required rows="6" maxlength="5000"></textarea>
      </p>
      <p>
        <button class="button" type="submit">
          {t(lang, "comments.form.submit")}
        </button>
      </p>
    </form>
  );
}
