// Images in Markdown: ![alt](./photo.jpg) beside the post or ![alt](/assets/...) are
// collected here and replaced after rendering by a responsive <picture> (lib/images.ts).
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
    if (/^(https?:)?\/\//i.test(src)) {
      const label = alt && alt !== DECORATIVE ? alt : t(env.lang ?? "en", "image.remote");
      return `<a href="${esc(src)}" rel="noopener">${esc(label)} (${esc(t(env.lang ?? "en", "image.elsewhere"))})</a>`;
    }
    if (!alt) {
      (env.problems ??= []).push(`image "${src}" has no alt text; describe it, or write ![${DECORATIVE}](${src}) if it is purely decorative`);
      return "";
    }
    const images = (env.images ??= []);
    const marker = `${env.embedMarker ?? "ppembed"}img${images.length}x`;
    images.push({ src, alt: alt === DECORATIVE ? "" : alt, marker });
    return marker;
  };
};
