// The security policy as data: the CSP of each kind of page and the headers for every path.
// One policy: lib/outputs/headers.ts writes it as `_headers` (Netlify, Cloudflare Pages), every
// page carries its own part as <meta> (lib/model/hosting.ts metaPolicy), the privacy page states
// it, and the test server reads the file back, so what is tested is what is deployed.
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
 *
 * No two rules that can match one path set the same header. Hosts do not agree on what
 * happens when they do: Cloudflare Pages joins the values of every matching rule ("a, b"),
 * which for a CSP means BOTH policies apply (the search page's WebAssembly and the editor's
 * eval would be blocked by the parent policy); Netlify's merge is not something to rely on.
 * So the one "/*" rule sends the widest policy any page needs (pagePolicyUnion), and every
 * HTML page narrows it with its own exact <meta> policy (pageCsp, layouts/components/host-policy.tsx
 * and lib/cms/admin.ts). A <meta> policy can only add restrictions: each page runs under the
 * intersection, which is its own narrow policy, whether the host replaces or joins values.
 */
export function securityHeaders(frames: readonly string[] = [], forms: readonly string[] = []): HeaderRule[] {
  return [
    {
      path: "/*",
      headers: {
        // What a <meta> cannot say (frame-ancestors) is the same in every policy, so it holds here.
        "Content-Security-Policy": cspString(pagePolicyUnion(frames, forms)),
        // The page address can say what a child is being treated for: never send it on.
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        // One value site-wide (a <meta> cannot set COOP, and a second rule for /admin/ would be
        // joined with this one on Cloudflare Pages). The editor's GitHub sign-in popup (Netlify's
        // or your own OAuth helper) reports back with postMessage to its opener, which
        // "same-origin" would cut. "same-origin-allow-popups" still puts every page in its own
        // browsing context group when another site opens it (no opener link to a cross-origin
        // page); it only keeps the link to popups a page opens itself, and parents' pages open
        // none (their links to other sites are plain links, which get noopener).
        "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
      },
    },
    // Only this rule sets X-Robots-Tag, so nothing overlaps.
    { path: "/admin/*", headers: { "X-Robots-Tag": "noindex, nofollow" } },
  ];
}

/** The search page only: Pagefind compiles its WebAssembly index reader, nothing else changes. */
export function searchCsp(frames: readonly string[] = [], forms: readonly string[] = []): Csp {
  const csp = parentCsp(frames, forms);
  return { ...csp, "script-src": [...(csp["script-src"] ?? []), "'wasm-unsafe-eval'"] };
}

/** The staff editor's pages (Decap CMS, lib/cms/admin.ts). */
export const ADMIN_PATH = "/admin/";

/**
 * A page's own policy, written into it as <meta>: the editor's under /admin/, the search
 * policy on each language's search page, the strict parent policy everywhere else.
 */
export function pageCsp(
  sitePath: string,
  frames: readonly string[] = [],
  searchPages: readonly string[] = ["/search/"],
  forms: readonly string[] = [],
): Csp {
  const kind = policyKind(sitePath, searchPages);
  return kind === "admin" ? adminCsp() : kind === "search" ? searchCsp(frames, forms) : parentCsp(frames, forms);
}

/**
 * Which of the three page policies a page runs under (pageCsp). The header rules of
 * securityHeaders differ only under /admin/ too, so pages of one kind on one site run under
 * the same headers (lib/model/hosting.ts metaPolicy works each kind out once per site).
 */
export type PolicyKind = "admin" | "search" | "parent";

export function policyKind(sitePath: string, searchPages: readonly string[] = ["/search/"]): PolicyKind {
  if (sitePath.startsWith(ADMIN_PATH)) return "admin";
  if (searchPages.some((p) => sitePath.startsWith(p))) return "search";
  return "parent";
}

/** Each language's search page (the pages that may run Pagefind's WebAssembly). */
export function searchPagesOf(site: PolicySite | undefined): string[] {
  return site ? site.langs.map((lang) => site.urls.local(lang, "/search/")) : ["/search/"];
}

/** Every source any page's policy allows, directive by directive: the header every page gets. */
export function pagePolicyUnion(frames: readonly string[] = [], forms: readonly string[] = []): Csp {
  return unionCsp([parentCsp(frames, forms), adminCsp(), searchCsp(frames, forms)]);
}

/** Directive-wise union; 'none' is dropped where another source joins it (it only means "none" alone). */
export function unionCsp(policies: readonly Csp[]): Csp {
  const out: Record<string, string[]> = {};
  for (const csp of policies)
    for (const [d, values] of Object.entries(csp)) for (const v of values) if (!(out[d] ??= []).includes(v)) out[d].push(v);
  for (const values of Object.values(out)) if (values.length > 1 && values.includes("'none'")) values.splice(values.indexOf("'none'"), 1);
  return out;
}

/**
 * Headers for a request path, as a host that REPLACES (a later matching rule's value wins);
 * `merge: "join"` as Cloudflare Pages does: the values of every matching rule, joined with ", ".
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string, merge: HeaderMerge = "replace"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    if (!ruleMatches(r.path, pathname)) continue;
    for (const [name, value] of Object.entries(r.headers)) out[name] = merge === "join" && name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

export type HeaderMerge = "replace" | "join";

export function ruleMatches(rulePath: string, pathname: string): boolean {
  return rulePath.endsWith("*") ? pathname.startsWith(rulePath.slice(0, -1)) : pathname === rulePath;
}

/** Header names set by more than one rule matching `pathname` (there must be none: see securityHeaders). */
export function overlappingHeaders(rules: readonly HeaderRule[], pathname: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of rules)
    if (ruleMatches(r.path, pathname))
      for (const name of Object.keys(r.headers)) (seen.has(name.toLowerCase()) ? twice : seen).add(name.toLowerCase());
  return [...twice];
}

/** What the policies of a site depend on: its video players, each language's search page and its comment form's service. */
export interface PolicySite {
  clickToLoadHosts: readonly { origin: string }[];
  langs: readonly string[];
  urls: { local(lang: string, path: string): string };
  practice?: { commentForm?: { endpoint: string } };
}

function policyInputs(site: PolicySite | undefined): [frames: string[], searchPages: string[], forms: string[]] {
  if (!site) return [[], ["/search/"], []];
  return [site.clickToLoadHosts.map((h) => h.origin), searchPagesOf(site), formOrigins(site.practice?.commentForm?.endpoint)];
}

/** The `_headers` rules for a built site. */
export function siteHeaders(site: PolicySite): HeaderRule[] {
  const [frames, , forms] = policyInputs(site);
  return securityHeaders(frames, forms);
}

/**
 * What a page of the site really runs under: the headers every host sends for it, with the
 * CSP narrowed to the page's own (<meta>) policy. Without a site: the defaults.
 */
export function pageHeaders(site: PolicySite | undefined, sitePath: string): Record<string, string> {
  const [frames, searchPages, forms] = policyInputs(site);
  return {
    ...headersFor(securityHeaders(frames, forms), sitePath),
    "Content-Security-Policy": cspString(pageCsp(sitePath, frames, searchPages, forms)),
  };
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
