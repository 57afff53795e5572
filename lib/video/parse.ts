// Video links staff paste (YouTube, Vimeo) → what the privacy facade needs: the id, a
// start time, and the privacy-enhanced player address loaded only after a click.
export type VideoProvider = "youtube" | "vimeo";

export interface VideoRef {
  provider: VideoProvider;
  /** Video id; for a YouTube playlist without a video, undefined. */
  id?: string;
  /** YouTube playlist id. */
  list?: string;
  /** Vimeo's private hash for unlisted videos. */
  hash?: string;
  /** Start time in seconds. */
  start?: number;
  /** The link as a parent would open it on the video site. */
  watchUrl: string;
  /** The player loaded on click: youtube-nocookie.com, or Vimeo with dnt=1. */
  embedUrl: string;
}

export const PLAYER_ORIGINS: Readonly<Record<VideoProvider, string>> = {
  youtube: "https://www.youtube-nocookie.com",
  vimeo: "https://player.vimeo.com",
};

const YT_ID = /^[A-Za-z0-9_-]{11}$/;
const YT_LIST = /^[A-Za-z0-9_-]{10,64}$/;

/** "90", "90s", "1m30s", "1h2m3s" → seconds. */
export function parseStart(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) || undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m || !(m[1] || m[2] || m[3])) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) || undefined;
}

function youtube(id: string | undefined, list: string | undefined, start: number | undefined): VideoRef | undefined {
  if (id !== undefined && !YT_ID.test(id)) return undefined;
  if (list !== undefined && !YT_LIST.test(list)) list = undefined;
  if (!id && !list) return undefined;
  const params = new URLSearchParams({ autoplay: "1" });
  if (start) params.set("start", String(start));
  if (list) params.set("list", list);
  const embed = id ? `${PLAYER_ORIGINS.youtube}/embed/${id}?${params}` : `${PLAYER_ORIGINS.youtube}/embed/videoseries?${params}`;
  const watch = id
    ? `https://www.youtube.com/watch?v=${id}${list ? `&list=${list}` : ""}${start ? `&t=${start}s` : ""}`
    : `https://www.youtube.com/playlist?list=${list}`;
  return { provider: "youtube", id, list, start, watchUrl: watch, embedUrl: embed };
}

function vimeo(id: string, hash: string | undefined, start: number | undefined): VideoRef {
  const params = new URLSearchParams({ dnt: "1", autoplay: "1" });
  if (hash) params.set("h", hash);
  return {
    provider: "vimeo",
    id,
    hash,
    start,
    watchUrl: `https://vimeo.com/${id}${hash ? `/${hash}` : ""}`,
    embedUrl: `${PLAYER_ORIGINS.vimeo}/video/${id}?${params}${start ? `#t=${start}s` : ""}`,
  };
}

export function parseVideoUrl(raw: string): VideoRef | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const host = url.hostname.toLowerCase().replace(/^(www|m|music)\./, "");
  const parts = url.pathname.split("/").filter(Boolean);
  const q = url.searchParams;
  const start = parseStart(q.get("t") ?? q.get("start") ?? (url.hash.startsWith("#t=") ? url.hash.slice(3) : null));

  if (host === "youtu.be") return parts.length === 1 ? youtube(parts[0], q.get("list") ?? undefined, start) : undefined;
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (parts[0] === "watch" && parts.length === 1) return youtube(q.get("v") ?? undefined, q.get("list") ?? undefined, start);
    if (parts[0] === "playlist" && parts.length === 1) return youtube(undefined, q.get("list") ?? undefined, start);
    if (["shorts", "embed", "live", "v"].includes(parts[0] ?? "") && parts.length === 2) {
      if (parts[0] === "embed" && parts[1] === "videoseries") return youtube(undefined, q.get("list") ?? undefined, start);
      return youtube(parts[1], q.get("list") ?? undefined, start);
    }
    return undefined;
  }
  if (host === "vimeo.com") {
    // vimeo.com/ID, vimeo.com/ID/HASH (unlisted), vimeo.com/channels/NAME/ID
    if (parts.length >= 1 && /^\d+$/.test(parts[0]!)) {
      if (parts.length === 1) return vimeo(parts[0]!, undefined, start);
      if (parts.length === 2 && /^[0-9a-f]{6,20}$/i.test(parts[1]!)) return vimeo(parts[0]!, parts[1], start);
      return undefined;
    }
    if (parts[0] === "channels" && parts.length === 3 && /^\d+$/.test(parts[2]!)) return vimeo(parts[2]!, undefined, start);
    return undefined;
  }
  if (host === "player.vimeo.com" && parts[0] === "video" && parts.length === 2 && /^\d+$/.test(parts[1]!)) {
    return vimeo(parts[1]!, q.get("h") ?? undefined, start);
  }
  return undefined;
}
