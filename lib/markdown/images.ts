// Images in Markdown: ![alt](./photo.jpg) beside the post or ![alt](/assets/...) are
// collected here and replaced after rendering by a responsive <picture> (lib/outputs/images.ts).
// Alt text is required; ![decorative](./line.png) marks a purely decorative image
// (alt=""). An image on another site is never loaded (it would tell that site who reads
// the page): it becomes a plain link to it.
import type { Plugin } from "./types.ts";
import { t, type Lang } from "../i18n/index.ts";

export interface MarkdownImage {
  src: string;
  alt: string;
  marker: string;
}

export interface ImageEnv {
  lang?: Lang;
  images?: MarkdownImage[];
  problems?: string[];
  /** Unguessable per process (see renderMarkdown), so content cannot forge a marker. */
  embedMarker?: string;
}

export const DECORATIVE = "decorative";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const markdownImages: Plugin = (md) => {
  md.renderer.rules.image = (tokens, idx, _options, envAny) => {
    const env = envAny as ImageEnv;
    const token = tokens[idx]!;
    const src = String(token.attrGet("src") ?? "");
    const alt = md.renderer.renderInlineAsText(token.children ?? [], md.options, env as Record<string, unknown>).trim();
    if (isRemote(src)) return remoteImageLink(src, alt === DECORATIVE ? "" : alt, env);
    if (!alt) {
      (env.problems ??= []).push(
        `image "${clip(src)}" has no alt text; describe it, or write ![${DECORATIVE}](${clip(src)}) if it is purely decorative`,
      );
      return "";
    }
    return localImage(src, alt === DECORATIVE ? "" : alt, env);
  };
};

export function isRemote(src: string): boolean {
  return /^\s*([a-z][a-z0-9+.-]*:|[\\/][\\/])/i.test(src);
}

/** An image on another site is never loaded: it becomes a link to it (in pages and feeds alike). */
export function remoteImageLink(src: string, alt: string, env: ImageEnv): string {
  const label = alt || t(env.lang ?? "en", "image.remote");
  return `<a href="${esc(src)}" rel="noopener">${esc(label)} (${esc(t(env.lang ?? "en", "image.elsewhere"))})</a>`;
}

/** A local image stands as an unguessable marker until it is replaced by a <picture> (lib/content/pictures.ts). */
export function localImage(src: string, alt: string, env: ImageEnv): string {
  const images = (env.images ??= []);
  const marker = `${env.embedMarker}img${images.length}x`;
  images.push({ src, alt, marker });
  return marker;
}

/** A value quoted in a message: short, whatever an author pasted. */
export function clip(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
