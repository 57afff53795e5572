// Step 4 of the plan: each post's and page's file: front matter (title, date, description,
// tags, author, featured image, draft, comments) and the converted text, with every note the
// conversion made listed against it in the report.
import { htmlToMarkdown, plainText, autop, type ImageAnswer } from "./html.ts";
import { rewriteEmbeds } from "./embeds.ts";
import type { ImportReport, PlannedFile } from "./types.ts";
import type { Target } from "./targets.ts";
import type { Links } from "./links.ts";
import type { MediaPlan } from "./media.ts";
import { altOf, type SiteIndex } from "./site-index.ts";
import { clip, describe, frontMatter, oneLine, uploadPath } from "./paths.ts";

export interface ItemDeps {
  site: SiteIndex;
  links: Links;
  media: MediaPlan;
  report: ImportReport;
  /** Authors of imported posts whose names match no provider, for one line each in the report. */
  unmatchedAuthors: Set<string>;
}

export function writeItem(t: Target, deps: ItemDeps): PlannedFile {
  const { site, links, media, report } = deps;
  const { item } = t;
  const where = describe(item);
  const review = (message: string) => report.review.push({ item: where, message });
  const embedded = rewriteEmbeds(item.content);
  for (const n of embedded.notes) report.review.push({ item: where, message: n, section: "embeds" });
  const converted = htmlToMarkdown(embedded.html, {
    link: links.linkFor(review),
    file: media.fileFor,
    // The post's own anchors first; then its comments' (#comment-501 within the post).
    anchors: t.kind === "post" ? new Map([...links.commentAnchorsOf(t), ...links.anchorsOf(t)]) : links.anchorsOf(t),
    attachment: (id) => {
      const att = site.attachments.get(id);
      return att?.attachmentUrl ? { url: att.attachmentUrl, alt: altOf(att) } : undefined;
    },
    image: ({ src, alt, caption }): ImageAnswer => {
      const up = uploadPath(src);
      const att = up ? site.attachmentByUpload.get(up.original) : undefined;
      const text = alt || altOf(att) || caption || "";
      const file = media.mediaFor(src, t.folder);
      if ("drop" in file) return file;
      if (!text)
        return {
          drop: `image ./${file.to.split("/").pop()} has no alt text, so it was left out: add it back with a description, e.g. ![What the picture shows](./${file.to.split("/").pop()})`,
        };
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

  const featured = t.kind === "post" ? featuredImage(t, deps, review) : {};
  const author = site.providerOfLogin(item.creator);
  if (!author && item.creator) deps.unmatchedAuthors.add(site.authorName(item.creator));
  const draft = !["publish", "future"].includes(item.status) || !!item.password;
  if (item.password)
    review(
      "it was password-protected on WordPress: imported as a draft, without the password; publish it only if every parent may read it",
    );
  else if (item.status === "private") review("it was private on WordPress: imported as a draft; publish it only if parents should read it");
  else if (draft) review(`it was ${item.status === "pending" ? "pending review" : "a draft"} on WordPress: imported as a draft`);

  const body = converted.markdown || "\n";
  if (t.kind === "page") {
    report.counts.pages++;
    const skippedHere = item.comments.filter((c) => c.approval === "approved").length;
    if (skippedHere)
      report.commentsSkipped["on a page (pages have no comments)"] =
        (report.commentsSkipped["on a page (pages have no comments)"] ?? 0) + skippedHere;
    return { path: `pages/${t.key}.md`, text: frontMatter({ title, description, draft: draft || undefined }) + body };
  }
  const tags = [...links.tagsOf(item).values()];
  if (tags.length > 8) review(`it had ${tags.length} tags and categories; the first 8 were kept`);
  if (draft) report.counts.drafts++;
  if (item.status === "private") report.counts.privatePosts++;
  if (item.status === "future") report.counts.scheduled++;
  report.counts.posts++;
  const text =
    frontMatter({
      title,
      date: t.date,
      description,
      tags: tags.slice(0, 8),
      author,
      image: featured.image,
      imageAlt: featured.imageAlt,
      draft: draft || undefined,
      comments: item.commentStatus === "open" ? "open" : "closed",
    }) + body;
  return { path: `blog/${t.date.slice(0, 10)}-${t.key}.md`, text };
}

/** The post's featured image, copied beside it, when it has alt text in the media library. */
function featuredImage(t: Target, deps: ItemDeps, review: (message: string) => void): { image?: string; imageAlt?: string } {
  const thumb = Number.parseInt(t.item.meta._thumbnail_id ?? "", 10);
  if (!Number.isFinite(thumb)) return {};
  const att = deps.site.attachments.get(thumb);
  if (!att?.attachmentUrl) {
    review(`its featured image (attachment ${thumb}) is not in the export`);
    return {};
  }
  const file = deps.media.mediaFor(att.attachmentUrl, t.folder);
  const alt = altOf(att);
  if ("drop" in file) review(`featured image: ${file.drop}`);
  else if (!alt)
    review(
      `its featured image ./${file.to.split("/").pop()} has no alt text, so it is not shown: add image and imageAlt to the front matter`,
    );
  else return { image: `./${file.to.split("/").pop()}`, imageAlt: clip(alt, 300) };
  return {};
}
