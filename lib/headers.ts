// Security headers as data: one policy, written out as `_headers` (Netlify, Cloudflare
// Pages) and read back by the test server, so what is tested is what is deployed.
export type Csp = Record<string, readonly string[]>;

/**
 * Parent-facing pages: nothing but the site itself; no inline script or style at all.
 * `frames`: video players a page may load after a parent clicks "Play" (none by default).
 */
export function parentCsp(frames: readonly string[] = []): Csp {
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
    "form-action": ["'self'"],
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
export function securityHeaders(frames: readonly string[] = [], searchPages: readonly string[] = ["/search/"]): HeaderRule[] {
  return [
    {
      path: "/*",
      headers: {
        "Content-Security-Policy": cspString(parentCsp(frames)),
        // The page address can say what a child is being treated for: never send it on.
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
      },
    },
    // After "/*" on purpose: headersFor lets a later rule replace an earlier one's value.
    ...searchPages.map((page) => ({ path: `${page}*`, headers: { "Content-Security-Policy": cspString(searchCsp(frames)) } })),
  ];
}

/** The search page only: Pagefind compiles its WebAssembly index reader, nothing else changes. */
export function searchCsp(frames: readonly string[] = []): Csp {
  const csp = parentCsp(frames);
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

/** The headers for a built site: its video players and each language's search page. */
export function siteHeaders(site: { clickToLoadHosts: readonly { origin: string }[]; langs: readonly string[]; urls: { local(lang: string, path: string): string } }): HeaderRule[] {
  return securityHeaders(
    site.clickToLoadHosts.map((h) => h.origin),
    site.langs.map((lang) => site.urls.local(lang, "/search/")),
  );
}
