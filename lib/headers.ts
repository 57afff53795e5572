// Security headers as data: one policy, written out as `_headers` (Netlify, Cloudflare
// Pages) and read back by the test server, so what is tested is what is deployed.
export type Csp = Record<string, readonly string[]>;

/**
 * Parent-facing pages: nothing but the site itself; no inline script or style at all.
 * `frames`: video players a page may load after a parent clicks "Play" (none by default).
 */
export function parentCsp(frames: readonly string[] = [], forms: readonly string[] = []): Csp {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": frames.length ? [...frames] : ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // `forms`: a comment form service's origin, where a parent's own click sends the form.
    "form-action": ["'self'", ...forms],
    "frame-ancestors": ["'none'"],
  };
}

export function cspString(csp: Csp): string {
  return Object.entries(csp)
    .map(([directive, values]) => `${directive} ${values.join(" ")}`)
    .join("; ");
}

export interface HeaderRule {
  /** Netlify-style path pattern: exact, or ending in * */
  path: string;
  headers: Record<string, string>;
}

/**
 * `frames`: video players pages may load after a click. `searchPages`: the search page of
 * each language ("/search/", "/es/search/"), the only pages allowed to run Pagefind's WebAssembly.
 */
export function securityHeaders(frames: readonly string[] = [], searchPages: readonly string[] = ["/search/"], forms: readonly string[] = []): HeaderRule[] {
  return [
    {
      path: "/*",
      headers: {
        "Content-Security-Policy": cspString(parentCsp(frames, forms)),
        // The page address can say what a child is being treated for: never send it on.
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
      },
    },
    // After "/*" on purpose: headersFor lets a later rule replace an earlier one's value.
    ...searchPages.map((page) => ({ path: `${page}*`, headers: { "Content-Security-Policy": cspString(searchCsp(frames, forms)) } })),
    // The staff editor (Decap CMS, lib/cms/admin.ts) only; last, so it replaces the policy above.
    {
      path: "/admin/*",
      headers: {
        "Content-Security-Policy": cspString(adminCsp()),
        // The GitHub sign-in popup (Netlify's or your own OAuth helper) reports back with
        // postMessage to its opener; "same-origin" would cut that link.
        "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
        "X-Robots-Tag": "noindex, nofollow",
      },
    },
  ];
}

/** The search page only: Pagefind compiles its WebAssembly index reader, nothing else changes. */
export function searchCsp(frames: readonly string[] = [], forms: readonly string[] = []): Csp {
  const csp = parentCsp(frames, forms);
  return { ...csp, "script-src": [...(csp["script-src"] ?? []), "'wasm-unsafe-eval'"] };
}

export function headersFile(rules: readonly HeaderRule[], prefix = ""): string {
  return (
    rules
      .map((r) => [prefix + r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n"))
      .join("\n\n") + "\n"
  );
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const i = line.indexOf(":");
      const rule = rules.at(-1);
      if (rule && i > 0) rule.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** Headers for a request path; later matching rules add to or override earlier ones. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const match = r.path.endsWith("*") ? pathname.startsWith(r.path.slice(0, -1)) : pathname === r.path;
    if (match) Object.assign(out, r.headers);
  }
  return out;
}

/** The headers for a built site: its video players, each language's search page and its comment form's service. */
export function siteHeaders(site: {
  clickToLoadHosts: readonly { origin: string }[];
  langs: readonly string[];
  urls: { local(lang: string, path: string): string };
  practice?: { commentForm?: { endpoint: string } };
}): HeaderRule[] {
  return securityHeaders(
    site.clickToLoadHosts.map((h) => h.origin),
    site.langs.map((lang) => site.urls.local(lang, "/search/")),
    formOrigins(site.practice?.commentForm?.endpoint),
  );
}

/** The origin a form posts to, when it is another site's ("/comment-received/" is the site itself). */
export function formOrigins(endpoint: string | undefined): string[] {
  if (!endpoint || !/^https:\/\//.test(endpoint) || !URL.canParse(endpoint)) return [];
  return [new URL(endpoint).origin];
}

/**
 * /admin/ only: what Decap CMS needs beyond parents' pages, and no more.
 * - style-src 'unsafe-inline': Decap's React UI injects its styles at run time (emotion).
 * - script-src 'unsafe-eval': Decap's bundle compiles its config validator (ajv) with `new Function`.
 * - img-src/media-src blob: previews of images picked for upload and media read through the Git API;
 *   avatars.githubusercontent.com: the signed-in editor's GitHub picture.
 * - connect-src https://api.github.com: the github backend (git-gateway stays on the site's own
 *   origin, /.netlify/); http://localhost:* and http://127.0.0.1:*: Decap's local backend
 *   (`npm run cms`), which Decap only contacts when the editor itself runs on localhost.
 * Plugins, form posts elsewhere and framing by other sites stay forbidden.
 */
export function adminCsp(): Csp {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "https://api.github.com", "http://localhost:*", "http://127.0.0.1:*"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}
