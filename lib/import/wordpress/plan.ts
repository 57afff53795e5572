// A parsed WordPress export → what the site needs: post, page and comment files, photos to
// copy beside the posts, documents (PDFs...) to copy into content/uploads/ (served at
// /uploads/), redirects from every old address, and a report. Pure: the export
// and what the site knows (zone, providers, which media files exist) in, a plan out; the
// script (lib/import/wordpress/apply.ts) does the I/O.
import { slugOf } from "../../content/paths.ts";
import { COMMENT_MAX_CHARS } from "../../comments/load.ts";
import { htmlToMarkdown, plainText, autop, anchorIds, type ImageAnswer } from "./html.ts";
import type { Wxr, WxrComment, WxrItem, WxrTerm } from "./wxr.ts";
import type { ImportPlan, ImportReport, PlanContext, PlannedFile, PlannedMedia } from "./types.ts";
import { RESERVED_PAGES, UPLOADS, DOCUMENT_EXT, IMAGE_FILE, documentPath, personKey, wpDate, uploadPath, pathOf, basePathOf, frontMatter, oneLine, clip, shortHash, describe, keyOf, circular } from "./paths.ts";
import { finishRedirects, type WantedRedirect } from "./addresses.ts";
import { rewriteEmbeds } from "./embeds.ts";

export type { ImportPlan, ImportReport, PlanContext, PlannedFile, PlannedMedia, Redirect, ReportLine } from "./types.ts";
export { RESERVED_PAGES, UPLOADS, DOCUMENT_EXT, documentPath, personKey, wpDate, uploadPath } from "./paths.ts";
export { redirectsFile } from "./addresses.ts";


interface Target {
  item: WxrItem;
  kind: "post" | "page";
  key: string;
  date: string;
  url: string;
  folder: "blog" | "pages";
  published: boolean;
}

export function planImport(wxr: Wxr, ctx: PlanContext): ImportPlan {
  const report: ImportReport = {
    counts: { posts: 0, drafts: 0, privatePosts: 0, scheduled: 0, pages: 0, comments: 0, media: 0, redirects: 0 },
    skipped: [],
    commentsSkipped: {},
    review: [],
    notices: [],
  };
  const files: PlannedFile[] = [];
  const media = new Map<string, PlannedMedia>();
  /** Every old address wanted, before finishRedirects cleans and checks them. */
  const redirects: WantedRedirect[] = [];
  /** The old site's folder on its host ("" or "/news"): hand-made old addresses start with it. */
  const base = basePathOf(wxr.siteUrl);
  /** Where the old site's uploads were on its host: "/wp-content/uploads/" (or in its folder, "/news/wp-content/uploads/"). */
  let uploadsAt = `${base}/wp-content/uploads/`;
  /** Photos and documents left out only because there was no --media-dir (the report says so first). */
  let mediaNotCopied = 0;
  /** A copied photo's path in the media folder → its path under the old uploads (they differ for a multisite sub-site's folder). */
  const mediaOld = new Map<string, string>();
  const reserved = new Set([...(ctx.reservedPages ?? []), ...RESERVED_PAGES]);

  const providerByPerson = new Map(ctx.providers.map((p) => [personKey(p.name), p.slug]));
  const authorByLogin = new Map(wxr.authors.map((a) => [a.login, a]));
  const providerOfLogin = (login: string) => {
    const a = authorByLogin.get(login);
    return a ? (providerByPerson.get(personKey(a.displayName)) ?? providerByPerson.get(personKey(a.login))) : undefined;
  };
  const unmatchedAuthors = new Set<string>();

  const attachments = new Map<number, WxrItem>();
  const attachmentByUpload = new Map<string, WxrItem>();
  for (const it of wxr.items) {
    if (it.type !== "attachment" || !it.attachmentUrl) continue;
    attachments.set(it.id, it);
    const up = uploadPath(it.attachmentUrl);
    if (up) attachmentByUpload.set(up.original, it);
    const at = pathOf(it.attachmentUrl, wxr.siteUrl)?.match(/^(.*?\/wp-content\/uploads\/(?:sites\/\d+\/)?)/)?.[1];
    if (at) uploadsAt = at;
  }
  const altOf = (att: WxrItem | undefined) => (att?.meta._wp_attachment_image_alt ?? "").trim();

  // 1. Decide every post's and page's key and new address first, so links between them can be rewritten.
  const targets: Target[] = [];
  const taken = { post: new Set<string>(), page: new Set<string>() };
  const emptyPages: WxrItem[] = [];
  const SKIP_STATUS: Record<string, string> = { trash: "in the trash", "auto-draft": "an unsaved auto-draft", inherit: "a revision" };
  for (const item of wxr.items) {
    if (item.type !== "post" && item.type !== "page") {
      if (item.type !== "attachment" && !["revision", "nav_menu_item", "customize_changeset", "custom_css", "oembed_cache", "wp_global_styles", "wp_navigation", "wp_template", "wp_template_part", "user_request"].includes(item.type)) {
        report.skipped.push({ item: `${item.type} “${item.title}” (id ${item.id})`, message: `content type "${item.type}" is not imported` });
      }
      continue;
    }
    if (SKIP_STATUS[item.status]) {
      report.skipped.push({ item: describe(item), message: `not imported: it is ${SKIP_STATUS[item.status]}` });
      continue;
    }
    if (!item.title.trim()) {
      report.skipped.push({ item: describe(item), message: "not imported: it has no title" });
      continue;
    }
    const date = wpDate(item.dateGmt, item.date, ctx.zone);
    if (!date) {
      report.skipped.push({ item: describe(item), message: `not imported: its date "${item.dateGmt || item.date}" is not a date` });
      continue;
    }
    const kind = item.type;
    if (kind === "page" && !plainText(item.content) && !/<img|<iframe|\[/i.test(item.content)) {
      report.skipped.push({ item: describe(item), message: "not imported: the page is empty (on WordPress, usually the page that lists the posts); its old address goes to /blog/" });
      emptyPages.push(item);
      continue;
    }
    let key = keyOf(item.slug || item.title);
    if (!key) key = `${kind}-${item.id}`;
    if (kind === "page" && reserved.has(key)) {
      report.review.push({ item: describe(item), message: `the address /${key}/ belongs to the site itself, so the page is /${key}-page/` });
      key = `${key}-page`;
    }
    const base = key;
    for (let n = 2; taken[kind].has(key); n++) key = `${base.slice(0, 76)}-${n}`;
    if (key !== base) report.review.push({ item: describe(item), message: `another ${kind} already has the address "${base}", so this one is "${key}"` });
    taken[kind].add(key);
    const url = kind === "post" ? `/blog/${key}/` : `/${key}/`;
    targets.push({ item, kind, key, date, url, folder: kind === "post" ? "blog" : "pages", published: item.status === "publish" && !item.password });
  }
  const targetById = new Map(targets.map((t) => [t.item.id, t]));
  const newUrls = new Set(targets.map((t) => t.url));

  // 1b. Which comments come in (approved ones, with a date and some text), and their new ids,
  // before any text is converted, so links to an old comment (/2024/10/flu/#comment-501) land on it.
  const skipComment = (reason: string) => (report.commentsSkipped[reason] = (report.commentsSkipped[reason] ?? 0) + 1);
  const commentWhere = (c: WxrComment, t: Target) => `comment ${c.id} by “${c.author || "anonymous"}” on “${t.item.title}”`;
  const keptComments = new Map<Target, { c: WxrComment; date: string; id: string }[]>();
  /** Per post: the WordPress comment number → the new comment's id (its anchor is #comment-<id>). */
  const commentIds = new Map<Target, Map<number, string>>();
  for (const t of targets) {
    if (t.kind !== "post") continue;
    const kept: { c: WxrComment; date: string; id: string }[] = [];
    const ids = new Map<number, string>();
    for (const c of t.item.comments) {
      if (c.type === "pingback" || c.type === "trackback") skipComment(c.type);
      else if (c.approval !== "approved") skipComment(c.approval);
      else {
        const date = wpDate(c.dateGmt, c.date, ctx.zone);
        if (!date) {
          report.skipped.push({ item: `comment ${c.id} on “${t.item.title}”`, message: `its date "${c.dateGmt || c.date}" is not a date` });
          skipComment("broken date");
          continue;
        }
        // Links do not change whether there is text, and rarely the length (checked again once converted).
        const text = htmlToMarkdown(autop(c.content), { comment: true }).markdown.trim();
        if (!text) {
          skipComment("no text");
          continue;
        }
        if (text.length > COMMENT_MAX_CHARS) {
          report.skipped.push({ item: commentWhere(c, t), message: `${text.length} characters long; the site shows at most ${COMMENT_MAX_CHARS}` });
          skipComment("too long");
          continue;
        }
        const id = `${date.slice(0, 10)}-${shortHash(`${wxr.siteUrl}#comment-${c.id}`)}`;
        ids.set(c.id, id);
        kept.push({ c, date, id });
      }
    }
    keptComments.set(t, kept);
    commentIds.set(t, ids);
  }

  // 2. Old addresses → new ones (the redirects, and the links inside posts).
  const usedTags = new Set<string>();
  const tagsOf = (item: WxrItem) => {
    const seen = new Map<string, string>();
    for (const t of item.terms) {
      if (t.domain !== "category" && t.domain !== "post_tag") continue;
      if (t.domain === "category" && (t.nicename === "uncategorized" || t.name.toLowerCase() === "uncategorized")) continue;
      const name = clip(t.name, 40);
      const slug = slugOf(name);
      if (slug && !seen.has(slug)) seen.set(slug, name);
    }
    return seen;
  };
  // Only the tags a post keeps (the first 8) get a page.
  for (const t of targets) if (t.published && t.kind === "post") for (const slug of [...tagsOf(t.item).keys()].slice(0, 8)) usedTags.add(slug);

  // Never redirect an address the new site serves itself (some hosts apply redirects before files).
  const sitePages = new Set(ctx.sitePages ?? []);
  const ownPaths = (p: string) =>
    p === "/" ||
    sitePages.has(p) ||
    p === "/blog/" ||
    /^\/blog\/(page|tags)\//.test(p) ||
    /^\/(search|events|providers|privacy|accessibility|assets|uploads|admin|pagefind|language-assistance|feed\.xml|feed\.json|sitemap[^/]*|robots\.txt|404\.html)(\/|$)/.test(p) ||
    newUrls.has(p);
  // Cleaned, checked and told in the report by finishRedirects (lib/import/wordpress/addresses.ts).
  const add = (from: string | undefined, to: string, item?: string) => {
    if (from) redirects.push({ from, to, item });
  };
  const termUrl = (t: WxrTerm) => {
    const slug = slugOf(t.name);
    return usedTags.has(slug) ? `/blog/tags/${slug}/` : "/blog/";
  };
  for (const t of targets) {
    if (!t.published) continue;
    const old = pathOf(t.item.link, wxr.siteUrl);
    if (!old) report.review.push({ item: describe(t.item), message: `its old address ${t.item.link || "(none in the export)"} is not on the old site (${wxr.siteUrl}), so it is not redirected`, section: "addresses" });
    add(old, t.url, describe(t.item));
    // WordPress splits long discussions into /<post>/comment-page-2/#comment-501.
    if (keptComments.get(t)?.length && old?.endsWith("/") && !old.includes("?")) add(`${old}comment-page-*`, t.url);
    add(`${base}/?${t.kind === "post" ? "p" : "page_id"}=${t.item.id}`, t.url);
    if (t.kind === "page") add(`${base}/?p=${t.item.id}`, t.url);
  }
  for (const page of emptyPages) {
    if (page.status !== "publish") continue;
    add(pathOf(page.link, wxr.siteUrl), "/blog/");
    add(`${base}/?page_id=${page.id}`, "/blog/");
  }
  const termsSeen = new Map<string, WxrTerm>();
  for (const term of [...wxr.terms, ...wxr.items.flatMap((i) => i.terms)]) {
    if (term.domain === "category" || term.domain === "post_tag") termsSeen.set(`${term.domain}:${term.nicename}`, term);
  }
  for (const term of termsSeen.values()) {
    if (!term.nicename) continue;
    const termBase = (term.domain === "category" ? ctx.categoryBase || "category" : ctx.tagBase || "tag").replace(/^\/+|\/+$/g, "");
    add(`${base}/${termBase}/${encodeURIComponent(term.nicename)}/`, termUrl(term));
  }
  for (const a of wxr.authors) {
    const slug = providerOfLogin(a.login);
    add(`${base}/author/${slugOf(a.login)}/`, slug ? `/providers/${slug}/` : "/blog/");
  }
  // Attachment pages and uploaded files go to the post that shows them.
  const usedBy = new Map<string, string>();
  for (const att of attachments.values()) {
    const parent = targetById.get(att.parent);
    const to = parent?.published ? parent.url : "/blog/";
    add(pathOf(att.link, wxr.siteUrl), to);
    add(`${base}/?attachment_id=${att.id}`, to);
    const up = uploadPath(att.attachmentUrl!);
    if (up) usedBy.set(up.original, to);
  }
  const linkMap = new Map(redirects.map((r) => [r.from, r.to]));
  // Each post's and page's anchors (old id → new id), so links to /old-post/#dosage still land.
  const targetByUrl = new Map(targets.map((t) => [t.url, t]));
  /** A post's comment anchors: WordPress's #comment-501 → the imported comment's #comment-<id>; #comments, #respond → #comments. */
  const commentAnchorsOf = (t: Target): ReadonlyMap<string, string> => {
    const out = new Map<string, string>(["comments", "respond", "reply-title"].map((f) => [f, "comments"]));
    for (const [wp, id] of commentIds.get(t) ?? []) out.set(`comment-${wp}`, `comment-${id}`);
    return out;
  };
  const anchorCache = new Map<Target, ReadonlyMap<string, string>>();
  const anchorsOf = (t: Target) => {
    let a = anchorCache.get(t);
    if (!a) anchorCache.set(t, (a = anchorIds(t.item.content)));
    return a;
  };
  /**
   * The fragment on the new page: its anchor's new id, an imported comment's new id for
   * WordPress's #comment-501, #comments for its other comment links, or none.
   */
  const fragmentFor = (url: string, hash: string, review: (message: string) => void): string => {
    const target = targetByUrl.get(url);
    if (!hash || hash === "#" || !target) return hash;
    let fragment = hash.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch { /* keep it as it is */ }
    const id = anchorsOf(target).get(fragment) ?? (target.kind === "post" ? commentAnchorsOf(target).get(fragment) : undefined);
    if (id) return `#${id}`;
    const old = /^comment-(\d+)$/.exec(fragment);
    if (old && target.kind === "post") {
      review(`a link to ${url}${hash.slice(0, 40)} names comment ${old[1]}, which was not imported (spam, pending, deleted or too long): it now goes to the post's comments`);
      return "#comments";
    }
    review(`a link to ${url}${hash.slice(0, 40)} names no anchor on that page: it now goes to the top of the page`);
    return "";
  };
  const linkFor = (review: (message: string) => void) => (href: string): string => {
    const hashAt = href.indexOf("#");
    const hash = hashAt < 0 ? "" : href.slice(hashAt);
    const bare = hashAt < 0 ? href : href.slice(0, hashAt);
    const p = /^(https?:)?\/\/|^\//.test(bare) ? pathOf(bare, wxr.siteUrl)?.replace(/\/comment-page-\d+\/?(?=$|\?)/, "/") : undefined;
    if (p === undefined) return href;
    const mapped = linkMap.get(p) ?? linkMap.get(p.replace(/\/?$/, "/"));
    if (mapped) return `${mapped}${fragmentFor(mapped, hash, review)}`;
    const slashed = p.replace(/\/?$/, "/");
    if (newUrls.has(p) || newUrls.has(slashed)) return `${slashed}${fragmentFor(slashed, hash, review)}`;
    // The new site's own page (/privacy/, the practice's /contact/): kept, on this site.
    if (ownPaths(p) || ownPaths(slashed)) return `${p}${hash}`;
    // After the move the old address leads nowhere: the text stays, the link goes, and staff are told.
    review(`a link to the old site's ${p}${hash.slice(0, 40)} was removed, its text is kept: nothing imported has that address (it was not in the export, or not imported); link the text again if parents need it`);
    return "";
  };

  // 2b. Documents the posts link to (PDFs, Word files...): copied into content/uploads/, same folders as on WordPress.
  const documents = new Map<string, PlannedMedia>();
  /** A link into the old site's wp-content/uploads: the file and the link's #fragment. */
  const uploadOf = (href: string) => {
    const hashAt = href.indexOf("#");
    const hash = hashAt < 0 ? "" : href.slice(hashAt);
    const bare = hashAt < 0 ? href : href.slice(0, hashAt);
    const p = /^(https?:)?\/\/|^\//.test(bare) ? pathOf(bare, wxr.siteUrl) : undefined;
    const up = p === undefined ? undefined : uploadPath(p);
    return up && { up, hash };
  };
  const fileFor = (href: string): { href: string } | { drop: string } | undefined => {
    const found = uploadOf(href);
    if (!found || IMAGE_FILE.test(found.up.rel)) return undefined;
    const { up, hash } = found;
    const kept = "the link was removed, its text is kept";
    if (!DOCUMENT_EXT.test(up.rel)) {
      return { drop: `a link to the uploaded file ${up.rel} was removed, its text is kept: only documents (PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text and CSV files) are copied; add it by hand if parents need it` };
    }
    if (!ctx.mediaExists) return mediaNotCopied++, { drop: `file ${up.rel} left out (${kept}): run the import with --media-dir pointing at a copy of wp-content/uploads` };
    if (!ctx.mediaExists(up.rel)) return { drop: `file ${up.rel} is not in the media folder, so ${kept}: find it, put it in content/${UPLOADS}/ and link it again` };
    let planned = documents.get(up.rel);
    if (!planned) {
      let to = documentPath(up.rel);
      const taken = new Set([...documents.values()].map((d) => d.to.toLowerCase()));
      for (let n = 2; taken.has(to.toLowerCase()); n++) to = documentPath(up.rel).replace(/(\.[A-Za-z0-9]+)$/, `-${n}$1`);
      planned = { from: up.rel, to };
      documents.set(up.rel, planned);
    }
    return { href: `/${planned.to}${hash}` };
  };
  /**
   * Comments never bring a file onto the new site: a file linked only from a comment may be
   * one family's form (a link the office once emailed), and the repository's history is
   * permanent. A link to a document the posts and pages bring anyway goes to that copy; any
   * other link into wp-content/uploads is removed (its text kept) and listed, never left
   * pointing at the old site. Call it once the posts and pages are converted.
   */
  const commentFileFor = (href: string): { href: string } | { drop: string } | undefined => {
    const found = uploadOf(href);
    if (!found) return undefined;
    const copied = documents.get(found.up.rel);
    if (copied) return { href: `/${copied.to}${found.hash}` };
    return {
      drop: `a link to the uploaded file ${found.up.rel} was removed, its text is kept: a file linked only from a comment is never copied (it could be about one child); if parents need it, check it, put it in content/${UPLOADS}/ and link it by hand`,
    };
  };

  // 3. Media: copy the original upload beside the content that uses it.
  const mediaFor = (src: string, folder: "blog" | "pages", where: string): { to: string } | { drop: string } => {
    const up = uploadPath(src);
    if (!up) return { drop: `image ${src} is not from this WordPress site's uploads: left out (a page never loads images from other sites); download it and add it by hand` };
    if (!ctx.mediaExists) return mediaNotCopied++, { drop: `image ${up.original} left out: run the import with --media-dir pointing at a copy of wp-content/uploads` };
    const forms = [up.original, up.rel, up.original.replace(/(\.[a-z0-9]+)$/i, "-scaled$1")];
    // A multisite sub-site's uploads are in sites/4/: a copy of that folder alone works too.
    const candidates = [...new Set([...forms, ...forms.map((f) => f.replace(/^sites\/\d+\//, ""))])];
    const found = candidates.find((c) => ctx.mediaExists!(c));
    if (!found) return { drop: `image ${up.original} is not in the media folder: left out` };
    if (!/\.(jpe?g|png|webp|avif|gif|svg)$/i.test(found)) return { drop: `image ${found} is not a JPEG, PNG, WebP, AVIF, GIF or SVG: left out` };
    const key = `${folder}:${found}`;
    const existing = media.get(key);
    if (existing) return { to: existing.to };
    const base = found.split("/").pop()!.replace(/[^A-Za-z0-9._-]+/g, "-");
    let to = `${folder}/${base}`;
    const clash = [...media.values()].some((m) => m.to === to);
    if (clash) to = `${folder}/${found.split("/").slice(-3, -1).join("-")}-${base}`;
    media.set(key, { from: found, to });
    mediaOld.set(found, up.original);
    void where;
    return { to };
  };

  // 4. Posts and pages.
  for (const t of targets) {
    const { item } = t;
    const where = describe(item);
    const review = (message: string) => report.review.push({ item: where, message });
    const embedded = rewriteEmbeds(item.content);
    for (const n of embedded.notes) report.review.push({ item: where, message: n, section: "embeds" });
    const converted = htmlToMarkdown(embedded.html, {
      link: linkFor(review),
      file: fileFor,
      // The post's own anchors first; then its comments' (#comment-501 within the post).
      anchors: t.kind === "post" ? new Map([...commentAnchorsOf(t), ...anchorsOf(t)]) : anchorsOf(t),
      attachment: (id) => {
        const att = attachments.get(id);
        return att?.attachmentUrl ? { url: att.attachmentUrl, alt: altOf(att) } : undefined;
      },
      image: ({ src, alt, caption }): ImageAnswer => {
        const up = uploadPath(src);
        const att = up ? attachmentByUpload.get(up.original) : undefined;
        const text = alt || altOf(att) || caption || "";
        const file = mediaFor(src, t.folder, where);
        if ("drop" in file) return file;
        if (!text) return { drop: `image ./${file.to.split("/").pop()} has no alt text, so it was left out: add it back with a description, e.g. ![What the picture shows](./${file.to.split("/").pop()})` };
        return { src: `./${file.to.split("/").pop()}`, alt: text };
      },
    });
    for (const n of converted.notes) review(n);
    if (/\[[a-z][\w-]*[^\]]*\]/i.test(item.title)) review("the title has brackets in it; check it");
    const title = clip(oneLine(item.title), 140);
    if (title !== oneLine(item.title)) review("the title was longer than 140 characters and was shortened");

    let description = plainText(autop(item.excerpt));
    if (!description) description = converted.firstParagraph ?? "";
    description = clip(description, 300);
    if (description.length < 20) {
      description = `Read “${clip(title, 200)}” on our blog.`;
      review("no excerpt or first paragraph to summarise it: the description was written from the title; replace it");
    }

    let image: string | undefined;
    let imageAlt: string | undefined;
    const thumb = Number.parseInt(item.meta._thumbnail_id ?? "", 10);
    if (t.kind === "post" && Number.isFinite(thumb)) {
      const att = attachments.get(thumb);
      if (!att?.attachmentUrl) review(`its featured image (attachment ${thumb}) is not in the export`);
      else {
        const file = mediaFor(att.attachmentUrl, t.folder, where);
        const alt = altOf(att);
        if ("drop" in file) review(`featured image: ${file.drop}`);
        else if (!alt) review(`its featured image ./${file.to.split("/").pop()} has no alt text, so it is not shown: add image and imageAlt to the front matter`);
        else {
          image = `./${file.to.split("/").pop()}`;
          imageAlt = clip(alt, 300);
        }
      }
    }

    const author = providerOfLogin(item.creator);
    if (!author && item.creator) unmatchedAuthors.add(authorByLogin.get(item.creator)?.displayName ?? item.creator);
    const draft = !["publish", "future"].includes(item.status) || !!item.password;
    if (item.password) review("it was password-protected on WordPress: imported as a draft, without the password; publish it only if every parent may read it");
    else if (item.status === "private") review("it was private on WordPress: imported as a draft; publish it only if parents should read it");
    else if (draft) review(`it was ${item.status === "pending" ? "pending review" : "a draft"} on WordPress: imported as a draft`);

    const body = converted.markdown || "\n";
    let text: string;
    if (t.kind === "post") {
      const tags = [...tagsOf(item).values()];
      if (tags.length > 8) review(`it had ${tags.length} tags and categories; the first 8 were kept`);
      text =
        frontMatter({
          title,
          date: t.date,
          description,
          tags: tags.slice(0, 8),
          author,
          image,
          imageAlt,
          draft: draft || undefined,
          comments: item.commentStatus === "open" ? "open" : "closed",
        }) + body;
      if (draft) report.counts.drafts++;
      if (item.status === "private") report.counts.privatePosts++;
      if (item.status === "future") report.counts.scheduled++;
      report.counts.posts++;
      files.push({ path: `blog/${t.date.slice(0, 10)}-${t.key}.md`, text });
    } else {
      text = frontMatter({ title, description, draft: draft || undefined }) + body;
      report.counts.pages++;
      files.push({ path: `pages/${t.key}.md`, text });
      const skippedHere = item.comments.filter((c) => c.approval === "approved").length;
      if (skippedHere) report.commentsSkipped["on a page (pages have no comments)"] = (report.commentsSkipped["on a page (pages have no comments)"] ?? 0) + skippedHere;
    }
  }
  for (const name of unmatchedAuthors) {
    report.review.push({ item: `author “${name}”`, message: "matches no provider's name, so their posts have no author: add author: <provider file name> by hand" });
  }

  /** Links in a comment: #comment-501 within the post to that comment's new anchor, the rest as in posts. */
  const commentLink = (t: Target, review: (message: string) => void) => {
    const site = linkFor(review);
    const own = commentAnchorsOf(t);
    return (href: string): string => {
      if (!href.startsWith("#")) return site(href);
      let fragment = href.slice(1);
      try {
        fragment = decodeURIComponent(fragment);
      } catch { /* keep it as it is */ }
      const id = own.get(fragment);
      if (id) return `#${id}`;
      review(`a link to "${href.slice(0, 40)}" points at nothing under the post${/^comment-\d+$/.test(fragment) ? " (that comment was not imported)" : ""}: its text is kept without the link`);
      return "";
    };
  };

  // 5. Comments: the ones chosen in 1b, threaded, staff replies as the practice's; converted
  // now that the posts' documents are known (a comment may link to one of them).
  const tooLong = new Set<string>();
  for (const [t, kept] of keptComments) {
    const ids = commentIds.get(t)!;
    const ready: { c: WxrComment; date: string; id: string; body: string; notes: string[]; where: string }[] = [];
    for (const { c, date, id } of kept) {
      const where = commentWhere(c, t);
      const notes: string[] = [];
      const converted = htmlToMarkdown(autop(c.content), { comment: true, link: commentLink(t, (m) => notes.push(m)), file: commentFileFor });
      const body = converted.markdown.trim();
      // Rewritten links are rarely longer than the old ones; when they push a comment over the limit it is left out after all.
      if (!body || body.length > COMMENT_MAX_CHARS) {
        if (body) report.skipped.push({ item: where, message: `${body.length} characters long; the site shows at most ${COMMENT_MAX_CHARS}` });
        skipComment(body ? "too long" : "no text");
        ids.delete(c.id);
        tooLong.add(id);
        continue;
      }
      ready.push({ c, date, id, body, notes: [...converted.notes, ...notes], where });
    }
    for (const { c, date, id, body, notes, where } of ready) {
      for (const n of new Set(notes)) report.review.push({ item: where, message: n });
      // Only a signed-in WordPress user can be the practice: a visitor typing a provider's name is not.
      const provider = c.userId > 0 ? providerByPerson.get(personKey(c.author)) : undefined;
      let replyTo: string | undefined;
      if (c.parent) {
        const loop = circular(c, kept);
        replyTo = loop ? undefined : ids.get(c.parent);
        if (!replyTo) report.review.push({ item: where, message: loop ? "its thread leads back to itself in the export, so it is shown on its own" : "it answers a comment that was not imported (spam, pending or deleted), so it is shown on its own" });
      }
      const author = clip(c.author.trim() || "Anonymous", 80);
      // wordpressId: the page keeps the old anchor #comment-<number> for links from elsewhere.
      const fm = frontMatter({ author: provider ? undefined : author, date, replyTo, provider, wordpressId: c.id > 0 ? c.id : undefined });
      files.push({ path: `comments/${t.key}/${id}.md`, text: `${fm}${body}\n` });
      report.counts.comments++;
    }
  }
  // Links already written to a comment left out after all go to the post's comments instead.
  if (tooLong.size) {
    for (const f of files) f.text = f.text.replace(/#comment-([a-z0-9-]+)/g, (m, id: string) => (tooLong.has(id) ? "#comments" : m));
  }

  // 6. Uploaded files' old addresses (a copied document: its new address), then catch-alls for WordPress's other address forms.
  // A multisite sub-site's own uploads folder (sites/4/) is in uploadsAt already.
  const uploaded = (rel: string) => `${uploadsAt}${(/\/sites\/\d+\/$/.test(uploadsAt) ? rel.replace(/^sites\/\d+\//, "") : rel).split("/").map(encodeURIComponent).join("/")}`;
  for (const d of documents.values()) add(uploaded(d.from), `/${d.to}`);
  for (const m of media.values()) add(uploaded(mediaOld.get(m.from) ?? m.from), usedBy.get(mediaOld.get(m.from) ?? m.from) ?? "/blog/");
  for (const [original, to] of usedBy) add(uploaded(original), to);
  const years = new Set(targets.filter((t) => t.published && t.kind === "post").map((t) => t.date.slice(0, 4)));
  for (const y of [...years].sort()) add(`${base}/${y}/*`, "/blog/");
  // A blog in a subfolder had its front page there (/news/); at the root it is the new home page.
  if (base) add(`${base}/`, "/blog/");
  add(`${base}/page/*`, "/blog/");
  add(`${base}/feed/`, "/feed.xml");
  add(`${base}/feed/*`, "/feed.xml");
  add(`${base}/comments/feed/`, "/feed.xml");
  add(`${uploadsAt}*`, "/blog/");
  add(`${base}/?s=:s`, "/search/?q=:s");

  const published = targets.filter((t) => t.published).map((t) => t.url);
  const finished = finishRedirects(redirects, { ownPath: ownPaths, pages: [...new Set(["/", "/blog/", ...published, ...sitePages])] });
  const unique = finished.redirects;
  report.review.push(...finished.notRedirected);
  if (!ctx.mediaExists && mediaNotCopied) {
    report.notices.push(`No --media-dir was given, so no photo or document was copied (each is listed under "Media not copied"): run the import again with --media-dir pointing at a copy of the old site's wp-content/uploads.`);
  }
  report.counts.redirects = unique.length;
  report.counts.media = media.size + documents.size;
  return { files, media: [...media.values(), ...documents.values()], redirects: unique, report };
}
