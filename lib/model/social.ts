// Social networks: which ones a practice can link to (their icons: lib/outputs/social-sprite.ts)
// and share links. Share links are plain links to each network's own share page: no widget,
// no script, nothing loaded from the network until a parent chooses to share.
import { wellFormed } from "../schema/unicode.ts";

export interface Network {
  key: string;
  label: string;
  /** simple-icons slug; LinkedIn asked to be removed from simple-icons, so it has its own glyph. */
  icon?: string;
  share?: (url: string, title: string) => string;
}

/** Text may hold a lone UTF-16 surrogate (pasted or imported), which encodeURIComponent throws on: it becomes U+FFFD. */
const enc = (s: string) => encodeURIComponent(wellFormed(s));

export const NETWORKS: readonly Network[] = [
  { key: "x", label: "X (Twitter)", icon: "x", share: (u, t) => `https://x.com/intent/post?text=${enc(t)}&url=${enc(u)}` },
  { key: "facebook", label: "Facebook", icon: "facebook", share: (u) => `https://www.facebook.com/sharer/sharer.php?u=${enc(u)}` },
  { key: "linkedin", label: "LinkedIn", share: (u) => `https://www.linkedin.com/sharing/share-offsite/?url=${enc(u)}` },
  { key: "bluesky", label: "Bluesky", icon: "bluesky", share: (u, t) => `https://bsky.app/intent/compose?text=${enc(`${t} ${u}`)}` },
  { key: "instagram", label: "Instagram", icon: "instagram" },
  { key: "youtube", label: "YouTube", icon: "youtube" },
  { key: "tiktok", label: "TikTok", icon: "tiktok" },
  { key: "threads", label: "Threads", icon: "threads" },
  { key: "mastodon", label: "Mastodon", icon: "mastodon" },
];

export function networkOf(key: string): Network | undefined {
  return NETWORKS.find((n) => n.key === key);
}

export interface ShareLink {
  key: string;
  label: string;
  href: string;
}

/** Share links for a page: the networks with a share page, then email. */
export function shareLinks(url: string, title: string, emailSubject: string): ShareLink[] {
  return [
    ...NETWORKS.filter((n) => n.share).map((n) => ({ key: n.key, label: n.label, href: n.share!(url, title) })),
    { key: "email", label: "Email", href: `mailto:?subject=${enc(emailSubject)}&body=${enc(`${title}\n${url}`)}` },
  ];
}

/** Where the icons are published (one sprite, lib/outputs/social-sprite.ts). */
export const SPRITE_PATH = "/assets/social-icons.svg";
