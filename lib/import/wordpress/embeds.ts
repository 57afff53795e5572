// Embedded posts from social networks (X/Twitter, Facebook, Instagram, TikTok...) → a plain
// link, before the HTML is converted. On WordPress these load the network's script and
// tracking on every visit; here a page makes no request to another site, so each becomes
// a link parents can follow (named, so a screen reader says where it goes) and is listed.
// YouTube and Vimeo are left alone: the converter turns them into the site's video facade.
import { parseVideoUrl } from "../../video/parse.ts";

/** Networks whose embeds become links, by host (without www.). */
const NETWORKS: Record<string, string> = {
  "twitter.com": "X (Twitter)",
  "x.com": "X (Twitter)",
  "facebook.com": "Facebook",
  "fb.watch": "Facebook",
  "instagram.com": "Instagram",
  "tiktok.com": "TikTok",
  "pinterest.com": "Pinterest",
  "soundcloud.com": "SoundCloud",
  "open.spotify.com": "Spotify",
  "flickr.com": "Flickr",
  "reddit.com": "Reddit",
  "threads.net": "Threads",
  "linkedin.com": "LinkedIn",
};

function networkOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^(www|m|mobile)\./, "");
    return NETWORKS[host];
  } catch {
    return undefined;
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, "&")
    .replace(/&#0?38;/g, "&")
    .trim();
}

/** The link that replaces an embed, and the report's note about it. */
function linkFor(url: string, notes: string[]): string | undefined {
  const clean = decode(url);
  const network = networkOf(clean);
  if (!network || parseVideoUrl(clean)) return undefined;
  notes.push(`an embedded ${network} post became a plain link (${clean}): a page here loads nothing from other sites`);
  return `<p><a href="${escapeAttr(clean)}">See this post on ${network}</a></p>`;
}

/**
 * Rewrites the embed forms WordPress stores: the embed block (<figure class="wp-block-embed">),
 * [embed]url[/embed], a network's address alone on a line (WordPress embeds it), and the
 * networks' own pasted code (<blockquote class="twitter-tweet">, "instagram-media", a
 * Facebook <div class="fb-post" data-href>). Their scripts go with them.
 */
export function rewriteEmbeds(html: string): { html: string; notes: string[] } {
  const notes: string[] = [];
  let out = html.replace(/<figure\b[^>]*class="[^"]*wp-block-embed[^"]*"[^>]*>([\s\S]*?)<\/figure>/gi, (m, inner: string) => {
    const url = /https?:\/\/[^\s<>"]+/.exec(inner.replace(/<figcaption[\s\S]*?<\/figcaption>/i, ""))?.[0];
    return (url && linkFor(url, notes)) ?? m;
  });
  out = out.replace(/\[embed[^\]]*\]\s*(https?:\/\/[^\s[\]<>"]+)\s*\[\/embed\]/gi, (m, url: string) => linkFor(url, notes) ?? m);
  // Classic editor: an address alone on its line (bare or in a <p>) is an oEmbed on WordPress.
  out = out.replace(/(^|\n|<p>)[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*(?=$|\n|<\/p>)/g, (m, lead: string, url: string) => {
    const link = linkFor(url, notes);
    if (!link) return m;
    return lead === "<p>" ? `<p>${link.slice(3, -4)}` : `${lead}${link}`;
  });
  // The networks' own embed code: the link to the post inside it (or data-href) is kept.
  out = out.replace(
    /<blockquote\b[^>]*class="[^"]*(twitter-tweet|twitter-video|instagram-media|tiktok-embed|reddit-embed-bq|text-post-media)[^"]*"[^>]*>([\s\S]*?)<\/blockquote>/gi,
    (m, _cls, inner: string) => {
      const attr = /\b(?:cite|data-instgrm-permalink)="([^"]+)"/i.exec(m)?.[1];
      const hrefs = [...inner.matchAll(/href="([^"]+)"/gi)].map((h) => h[1]!);
      const url = [attr, ...hrefs.reverse()].find((u) => u && networkOf(decode(u)));
      return (url && linkFor(url, notes)) ?? m;
    },
  );
  out = out.replace(
    /<div\b[^>]*class="[^"]*\bfb-(?:post|video)\b[^"]*"[^>]*data-href="([^"]+)"[^>]*>[\s\S]*?<\/div>/gi,
    (m, url: string) => linkFor(url, notes) ?? m,
  );
  // Their loaders go too (the converter would drop them anyway, but listed as unknown scripts).
  if (notes.length)
    out = out.replace(
      /<script\b[^>]*src="(?:https?:)?\/\/(platform\.twitter\.com|www\.instagram\.com|connect\.facebook\.net|www\.tiktok\.com|embed\.reddit\.com)\/[^"]*"[^>]*>\s*<\/script>/gi,
      "",
    );
  return { html: out, notes };
}
