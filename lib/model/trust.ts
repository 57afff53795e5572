// Facts the trust pages state, worked out from the content and the configuration, so the
// privacy page cannot promise what the build does not do.

export interface ThirdPartyHost {
  key: string;
  /** The company, as parents know it. */
  name: string;
  /** Where the browser connects once a parent clicks. */
  origin: string;
  privacyUrl: string;
}

/**
 * The hook for click-to-load embeds (videos): a placeholder that loads another company's
 * player only after a click carries `data-third-party="<key>"` with a key listed here
 * (lib/markdown/video.ts adds it). The Markdown sanitizer strips data-* attributes from
 * author-typed HTML, so an author cannot add or hide one. The privacy page names exactly
 * the hosts found in the built content, and no video host at all when there are none; an
 * unlisted key stops the build, so a new kind of embed cannot go unmentioned.
 */
export const THIRD_PARTY_ATTR = "data-third-party";

export const CLICK_TO_LOAD_HOSTS: Readonly<Record<string, ThirdPartyHost>> = {
  youtube: {
    key: "youtube",
    name: "YouTube (Google)",
    origin: "https://www.youtube-nocookie.com",
    privacyUrl: "https://policies.google.com/privacy",
  },
  vimeo: { key: "vimeo", name: "Vimeo", origin: "https://player.vimeo.com", privacyUrl: "https://vimeo.com/privacy" },
};

const MARKER_RE = new RegExp(`\\s${THIRD_PARTY_ATTR}="([^"]*)"`, "g");

/** The third-party hosts that the given rendered HTML can contact on a click, in a stable order. */
export function clickToLoadHosts(items: readonly { html: string; file?: string }[]): ThirdPartyHost[] {
  const found = new Map<string, ThirdPartyHost>();
  for (const item of items) {
    if (!item.html.includes(THIRD_PARTY_ATTR)) continue;
    for (const m of item.html.matchAll(MARKER_RE)) {
      const host = CLICK_TO_LOAD_HOSTS[m[1]!];
      // A renderer change, not a content mistake: an unlisted host would go unnamed on the privacy page.
      if (!host)
        throw new Error(
          `${item.file ?? "a page"}: ${THIRD_PARTY_ATTR}="${m[1]}" is not in CLICK_TO_LOAD_HOSTS (lib/model/trust.ts); list it so the privacy page names it`,
        );
      found.set(host.key, host);
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface NoticeLink {
  /** A web address, or an unprefixed site path for a file under /assets/. */
  href: string;
  local: boolean;
  /** "PDF" for PDF files, so parents know before they tap. */
  type?: string;
}

export function noticeLink(value: string): NoticeLink {
  const local = value.startsWith("/");
  const isPdf = /\.pdf($|[?#])/i.test(value);
  return { href: value, local, type: isPdf ? "PDF" : undefined };
}

/** What the security policy lets a page load, read from lib/model/policy.ts (the policy the host sends). */
export interface PolicyFacts {
  /** Origins other than the site itself that pages may load anything from; empty: first-party only. */
  otherOrigins: string[];
  /** Browsers are asked not to send the page address to other sites. */
  noReferrer: boolean;
}

/** CSP sources that never reach another company. */
const OWN_SOURCES =
  /^('self'|'none'|'unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|'strict-dynamic'|'nonce-.*'|'sha(256|384|512)-.*'|data:|blob:)$/;
/** Directives about what a page loads (not where it may be framed, or forms sent). */
const FETCH_DIRECTIVES = /^(default|script|style|img|font|connect|media|frame|child|object|worker|manifest)-src(-elem|-attr)?$/;

/** `clickToLoad`: origins a page contacts only after a click; the privacy page names those separately. */
export function policyFacts(headers: Record<string, string>, clickToLoad: readonly ThirdPartyHost[] = []): PolicyFacts {
  const later = new Set(clickToLoad.map((h) => h.origin));
  const origins = new Set<string>();
  for (const directive of (headers["Content-Security-Policy"] ?? "").split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name || !FETCH_DIRECTIVES.test(name)) continue;
    for (const s of sources) if (!OWN_SOURCES.test(s) && !later.has(s)) origins.add(s);
  }
  return { otherOrigins: [...origins].sort(), noReferrer: headers["Referrer-Policy"] === "no-referrer" };
}
