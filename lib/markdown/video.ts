// A video link alone on its own line becomes a privacy facade: a poster served by the
// site and a link to the video, which a small script turns into a "Play video" button
// that loads the privacy-enhanced player only when a parent clicks. Nothing is requested
// from the video host before that. A self-hosted .mp4/.webm under /assets/ becomes a
// <video> with captions when a .vtt file sits beside it. An optional line of attributes
// right under the link names the video:
//
//   https://www.youtube.com/watch?v=dQw4w9WgXcQ
//   {title="Dr. Okafor on vaccine myths" caption="Recorded in our office" transcript="/blog/vaccine-video-transcript/" poster="/assets/video/okafor.jpg"}
import type { Plugin } from "./types.ts";
import { parseVideoUrl, type VideoRef } from "../video/parse.ts";
import { t, type Lang } from "../i18n/index.ts";
import { THIRD_PARTY_ATTR } from "../model/trust.ts";
import { allowedUrl } from "./url-policy.ts";
import { clip } from "./images.ts";

export interface VideoEnv {
  prefix?: string;
  lang?: Lang;
  /** Whether a site path (e.g. /assets/video/a.vtt) exists; injected by the loader. */
  exists?: (sitePath: string) => boolean;
  problems?: string[];
  /** Player origins this document embeds (for the CSP and the privacy page). */
  videoHosts?: Set<string>;
  /** Rendered facades, swapped in after sanitising (see renderMarkdown). */
  embeds?: string[];
  embedMarker?: string;
}

const ATTRS = ["title", "caption", "transcript", "poster"] as const;
type Attrs = Partial<Record<(typeof ATTRS)[number], string>>;
const SELF_HOSTED = /^\/assets\/\S+\.(mp4|webm)$/i;
const PROVIDER_NAMES = { youtube: "YouTube", vimeo: "Vimeo" } as const;

function parseAttrs(line: string, problems: string[]): Attrs | undefined {
  const body = line.trim();
  if (!/^\{.*\}$/.test(body)) return undefined;
  const attrs: Attrs = {};
  const rest = body.slice(1, -1).replace(/(\w+)\s*=\s*"([^"]*)"/g, (_m, key: string, value: string) => {
    if ((ATTRS as readonly string[]).includes(key)) attrs[key as keyof Attrs] = value;
    else problems.push(`video attribute "${key}" is not one of ${ATTRS.join(", ")}`);
    return "";
  });
  if (rest.trim())
    problems.push(
      `malformed video attributes ${JSON.stringify(clip(body))}: expected {title="..." caption="..." transcript="..." poster="..."}`,
    );
  if (attrs.transcript !== undefined && !(/^(\/(?!\/)|https?:\/\/)/i.test(attrs.transcript.trim()) && allowedUrl(attrs.transcript))) {
    problems.push(
      `video transcript ${JSON.stringify(clip(attrs.transcript))}: expected a page on this site such as /blog/vaccine-video-transcript/, or an https:// address`,
    );
    delete attrs.transcript;
  }
  return attrs;
}

export const videoEmbeds: Plugin = (md) => {
  md.core.ruler.after("linkify", "video_embeds", (state) => {
    const env = state.env as VideoEnv;
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i]!.type !== "paragraph_open" || tokens[i + 2]!.type !== "paragraph_close") continue;
      const children = tokens[i + 1]!.children ?? [];
      // [link_open, text, link_close] (a bare URL), or a plain-text /assets/ video path,
      // optionally followed by [softbreak, text "{...}"].
      let url: string | undefined;
      let next = 0;
      if (children[0]?.type === "link_open" && children[1]?.type === "text" && children[2]?.type === "link_close") {
        const href = children[0].attrGet("href");
        if (
          typeof href === "string" &&
          (children[1].content === href || children[0].markup === "autolink" || children[0].markup === "linkify")
        )
          url = href;
        next = 3;
      } else if (children[0]?.type === "text" && SELF_HOSTED.test(children[0].content.trim())) {
        url = children[0].content.trim();
        next = 1;
      }
      if (!url) continue;
      let attrLine: string | undefined;
      if (children.length === next + 2 && children[next]!.type === "softbreak" && children[next + 1]!.type === "text")
        attrLine = children[next + 1]!.content;
      else if (children.length !== next) continue;
      const ref = SELF_HOSTED.test(url) ? undefined : parseVideoUrl(url);
      if (!ref && !SELF_HOSTED.test(url)) continue; // an unrecognised URL stays a link
      const problems = (env.problems ??= []);
      const attrs = attrLine !== undefined ? parseAttrs(attrLine, problems) : {};
      if (attrs === undefined) continue; // the second line is ordinary text: leave the paragraph alone
      const token = new state.Token("video", "figure", 0);
      token.block = true;
      token.meta = { url, ref, attrs };
      tokens.splice(i, 3, token);
    }
  });

  md.renderer.rules.video = (tokens, idx, _options, envAny) => {
    const env = envAny as VideoEnv;
    const { url, ref, attrs } = tokens[idx]!.meta as { url: string; ref?: VideoRef; attrs: Attrs };
    const html = ref ? facade(ref, attrs, env) : selfHosted(url, attrs, env);
    (env.embeds ??= []).push(html);
    return `<p>${env.embedMarker}${env.embeds.length - 1}</p>\n`;
  };
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function sitePath(path: string, env: VideoEnv): string {
  return path.startsWith("/") && !path.startsWith("//") ? (env.prefix ?? "") + path : path;
}

function checkPoster(attrs: Attrs, env: VideoEnv): string | undefined {
  if (!attrs.poster) return undefined;
  if (!/^\/assets\/\S+\.(jpe?g|png|webp|avif)$/i.test(attrs.poster)) {
    env.problems!.push(`video poster ${JSON.stringify(attrs.poster)}: expected an image under /assets/, e.g. /assets/video/poster.jpg`);
    return undefined;
  }
  if (env.exists && !env.exists(attrs.poster)) env.problems!.push(`video poster ${attrs.poster.slice(1)} does not exist`);
  return attrs.poster;
}

function caption(attrs: Attrs, env: VideoEnv, lang: Lang): string {
  if (!attrs.caption && !attrs.transcript) return "";
  const transcript = attrs.transcript
    ? ` <a class="video__transcript" href="${esc(sitePath(attrs.transcript, env))}">${esc(t(lang, "video.transcript"))}</a>`
    : "";
  return `<figcaption>${attrs.caption ? esc(attrs.caption) : ""}${transcript}</figcaption>`;
}

function facade(ref: VideoRef, attrs: Attrs, env: VideoEnv): string {
  const lang = env.lang ?? "en";
  const title = attrs.title ?? t(lang, "video.untitled");
  const provider = PROVIDER_NAMES[ref.provider];
  const poster = checkPoster(attrs, env);
  (env.videoHosts ??= new Set()).add(new URL(ref.embedUrl).origin);
  const picture = poster
    ? `<img class="video__poster" src="${esc(sitePath(poster, env))}" alt="" width="1280" height="720" loading="lazy" decoding="async">`
    : `<span class="video__placeholder" aria-hidden="true"><span class="video__placeholder-title">${esc(title)}</span></span>`;
  return (
    `<figure class="video video--${ref.provider}" data-video ${THIRD_PARTY_ATTR}="${ref.provider}">` +
    `<div class="video__frame"><a class="video__open" href="${esc(ref.watchUrl)}" data-embed="${esc(ref.embedUrl)}" data-title="${esc(title)}" data-play-label="${esc(t(lang, "video.play", { title }))}">` +
    picture +
    `<span class="video__play" aria-hidden="true"><svg viewBox="0 0 68 48" width="68" height="48" focusable="false"><rect width="68" height="48" rx="12"/><path d="M27 14v20l18-10z" fill="#fff"/></svg></span>` +
    `<span class="visually-hidden">${esc(t(lang, "video.watchOn", { provider, title }))}</span>` +
    `</a></div>${caption(attrs, env, lang)}</figure>`
  );
}

function selfHosted(url: string, attrs: Attrs, env: VideoEnv): string {
  const lang = env.lang ?? "en";
  if (env.exists && !env.exists(url)) env.problems!.push(`video file ${url.slice(1)} does not exist`);
  const poster = checkPoster(attrs, env);
  const vtt = url.replace(/\.(mp4|webm)$/i, ".vtt");
  const track = env.exists?.(vtt)
    ? `<track kind="captions" src="${esc(sitePath(vtt, env))}" srclang="${esc(lang)}" label="${esc(t(lang, "video.captions"))}" default>`
    : "";
  const type = url.toLowerCase().endsWith(".webm") ? "video/webm" : "video/mp4";
  const title = attrs.title ? ` aria-label="${esc(attrs.title)}"` : "";
  return (
    `<figure class="video video--file"><video class="video__file" controls preload="none" width="1280" height="720"${title}${poster ? ` poster="${esc(sitePath(poster, env))}"` : ""}>` +
    `<source src="${esc(sitePath(url, env))}" type="${type}">${track}</video>${caption(attrs, env, lang)}</figure>`
  );
}
