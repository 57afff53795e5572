// <img> typed as HTML follows the Markdown image rules (lib/markdown/images.ts): a local
// image goes through the image pipeline and needs alt text (alt="" marks a decorative
// one), and an image on another site becomes a link to it, so neither a page nor a feed
// ever loads a third-party picture (it would tell that site who reads the page).
// The sanitiser does not allow <img> at all: one the pattern below does not recognise is
// shown as text, never loaded.
import type { Plugin } from "./types.ts";
import { clip, isRemote, localImage, remoteImageLink, type ImageEnv } from "./images.ts";
import { decodeHTMLAttribute } from "entities";

const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.slice(4, tag.endsWith("/>") ? -2 : -1).matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

function replaceImages(html: string, env: ImageEnv): string {
  return html.replace(IMG_TAG, (tag) => {
    const attrs = attributes(tag);
    const src = (attrs.get("src") ?? "").trim();
    const alt = attrs.get("alt")?.trim();
    if (!src) {
      (env.problems ??= []).push(`an <img> has no src; write images as ![what it shows](./photo.jpg)`);
      return "";
    }
    if (isRemote(src)) return remoteImageLink(src, alt ?? "", env);
    if (alt === undefined) {
      (env.problems ??= []).push(
        `image "${clip(src)}" has no alt text; describe it with alt="...", or write alt="" if it is purely decorative`,
      );
      return "";
    }
    return localImage(src, alt, env);
  });
}

export const rawImages: Plugin = (md) => {
  md.core.ruler.push("raw_images", (state) => {
    const env = state.env as ImageEnv;
    for (const token of state.tokens) {
      if (token.type === "html_block" && /<img/i.test(token.content)) token.content = replaceImages(token.content, env);
      for (const child of token.children ?? []) {
        if (child.type === "html_inline" && /<img/i.test(child.content)) child.content = replaceImages(child.content, env);
      }
    }
  });
};
