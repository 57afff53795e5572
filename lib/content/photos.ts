// The site's photography beyond a page's own images: the home page's photo (practice.yaml
// brand.hero), small thumbnails of post images for blog lists, and the initials shown in
// place of a provider's missing portrait. Every picture goes through the image service.
import type { ImageService } from "../outputs/images.ts";
import type { Lang } from "../i18n/index.ts";
import type { Post } from "../model/model.ts";
import type { Problem } from "./problems.ts";
import type { SiteFolders } from "./inside.ts";
import { frontMatterPicture, SIZES } from "./pictures.ts";

/** Words before a name that are not part of it (a monogram of "Dr. Maya Okafor" is "MO"). */
const HONORIFICS = new Set(["dr", "doctor", "mr", "mrs", "ms", "mx", "miss", "prof", "sr", "sra", "srta", "dra"]);

/**
 * One or two capital letters for a monogram: the first letters of the first and last words of
 * a name, leaving out titles such as "Dr." and words in parentheses; a single name gives one.
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, " ")
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[^\p{L}]+/u, ""))
    .filter((w) => w && !HONORIFICS.has(w.replace(/\.$/, "").toLowerCase()));
  if (!words.length) return "";
  const first = (w: string) => (Array.from(w)[0] ?? "").toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
}

interface Common {
  service: ImageService;
  folders: SiteFolders;
  problems: Problem[];
}

/**
 * The home page's photo, one <picture> per language (the description may be translated):
 * the first large image of the page, so fetched at once, never lazily.
 */
export async function heroPictures(
  hero: { image: string } | undefined,
  altIn: (lang: Lang) => string | undefined,
  langs: readonly Lang[],
  practiceFile: string,
  common: Common,
): Promise<Map<Lang, string>> {
  const out = new Map<Lang, string>();
  if (!hero) return out;
  await Promise.all(
    langs.map(async (lang) => {
      const picture = await frontMatterPicture(hero.image, altIn(lang) ?? "", "brand.hero.image", practiceFile, { ...common, sizes: SIZES.homeHero, eager: true, className: "hero__photo" });
      if (picture) out.set(lang, picture.html);
    }),
  );
  return out;
}

/**
 * A small picture of a post's image for lists. Its alt is empty: the post's title beside it
 * is the link and says what the post is about, so the thumbnail is decoration. Always lazy
 * (a list's thumbnails are small, and mostly below the first screen).
 */
export async function addThumbnail(post: Post, common: Common): Promise<void> {
  if (!post.image || !post.picture) return;
  const thumb = await frontMatterPicture(post.image, "", "image", post.file, { ...common, sizes: SIZES.thumb, eager: false, className: "thumb" });
  if (thumb) post.thumb = thumb.html;
}
