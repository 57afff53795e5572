// Every picture of the items read, made in one pass so encoding runs in parallel and in one
// queue: a post's image (and its thumbnail and social crop), a provider's portrait and
// avatar, and the images in every body.
import type { ImageService } from "../outputs/images.ts";
import type { Event, Page, Post, Provider } from "../model/model.ts";
import { frontMatterPicture, replaceBodyImages, SIZES } from "./pictures.ts";
import { addThumbnail } from "./photos.ts";
import type { LoadContext } from "./load-context.ts";

export async function addPictures(
  ctx: LoadContext,
  root: string,
  service: ImageService,
  items: { posts: Post[]; pages: Page[]; providers: Provider[]; events: Event[] },
): Promise<void> {
  const common = { service, folders: ctx.folders, problems: ctx.problems };
  await Promise.all([
    ...items.posts.map(async (post) => {
      if (post.image && post.imageAlt) {
        const hero = await frontMatterPicture(post.image, post.imageAlt, "image", post.file, { ...common, sizes: SIZES.hero, eager: true, className: "hero-image" });
        if (hero) {
          post.picture = hero.html;
          post.socialImage = { url: await service.socialCrop(hero.abs), alt: post.imageAlt };
          await addThumbnail(post, common);
        }
      }
    }),
    ...items.providers.map(async (provider) => {
      if (provider.photo) {
        const alt = provider.photoAlt ?? "";
        const portrait = await frontMatterPicture(provider.photo, alt, "photo", provider.file, { ...common, sizes: SIZES.portrait, eager: false, className: "portrait" });
        if (portrait) provider.picture = portrait.html;
        const avatar = portrait && (await frontMatterPicture(provider.photo, "", "photo", provider.file, { ...common, sizes: SIZES.avatar, eager: false, className: "avatar" }));
        if (avatar) provider.avatar = avatar.html;
      }
    }),
  ]);
  const all: (Post | Page | Provider | Event)[] = [...items.posts, ...items.pages, ...items.providers, ...items.events];
  await Promise.all(
    all.map(async (item) => {
      const images = ctx.bodyImages.get(item.file);
      if (!images) return;
      item.html = await replaceBodyImages({ file: item.file, html: item.html, hasHero: item.kind === "post" && !!item.picture }, images, service, ctx.folders, ctx.problems);
    }),
  );
}
