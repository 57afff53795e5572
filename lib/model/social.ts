// Social networks: profile icons (from the simple-icons package, read once) and share
// links. Share links are plain links to each network's own share page: no widget, no
// script, nothing loaded from the network until a parent chooses to share.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { wellFormed } from "../outputs/encode.ts";

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

const LINKEDIN_PATH =
  "M4 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm-2 6h4v12H2V9Zm7 0h3.8v1.7h.1c.5-1 1.8-2 3.8-2 4 0 4.8 2.6 4.8 6.1V21h-4v-5.5c0-1.3 0-3-1.8-3s-2.1 1.4-2.1 2.9V21H9V9Z";

const iconCache = new Map<string, string>();
const require = createRequire(import.meta.url);

/** The SVG path data (24×24 viewBox) for a network's icon. */
export function iconPath(network: Network): string {
  if (!network.icon) return LINKEDIN_PATH;
  let d = iconCache.get(network.icon);
  if (d === undefined) {
    const svg = readFileSync(require.resolve(`simple-icons/icons/${network.icon}.svg`), "utf8");
    d = /\sd="([^"]+)"/.exec(svg)?.[1] ?? "";
    iconCache.set(network.icon, d);
  }
  return d;
}

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

export const SPRITE_PATH = "/assets/social-icons.svg";

/** One SVG sprite with every network's icon, fetched once and cached, instead of long paths inlined on every page. */
export function socialSprite(): string {
  const symbols = NETWORKS.map((n) => `<symbol id="${n.key}" viewBox="0 0 24 24"><path d="${iconPath(n)}"/></symbol>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols}</svg>\n`;
}
