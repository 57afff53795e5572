// Which host serves the site, and so which security settings it can apply (every page
// carries its own policy as <meta> tags; hosts that ignore `_headers` get only that).
import { pageHeaders, policyKind, searchPagesOf, type PolicyKind, type PolicySite } from "./policy.ts";
import { HOST_IDS, type HostId } from "../schema/trust.ts";

export { HOST_IDS, type HostId };

export interface Hosting {
  host: HostId;
  /** The company that serves the site and keeps its access logs. */
  name: string;
  privacyUrl: string;
  /** The host applies `_site/_headers` (CSP, referrer policy...) to every response. */
  headersFile: boolean;
  /**
   * The host ignores `_headers`: the pages' <meta> policy (written on every host, see
   * lib/model/policy.ts securityHeaders) is all the policy there is; frame-ancestors is lost.
   */
  metaFallback: boolean;
}

interface KnownHost {
  name: string;
  privacyUrl: string;
  headersFile: boolean;
}

/** Hosts docs/operators/hosting.md documents. "other" (nginx, Apache, any bucket) names its own company. */
export const HOSTS: Record<Exclude<HostId, "other">, KnownHost> = {
  netlify: { name: "Netlify", privacyUrl: "https://www.netlify.com/privacy/", headersFile: true },
  "cloudflare-pages": { name: "Cloudflare", privacyUrl: "https://www.cloudflare.com/privacypolicy/", headersFile: true },
  "github-pages": {
    name: "GitHub",
    privacyUrl: "https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement",
    headersFile: false,
  },
  s3: { name: "Amazon Web Services", privacyUrl: "https://aws.amazon.com/privacy/", headersFile: false },
};

/** practice.yaml `hosting` → what the build and the privacy page need to know. */
export function resolveHosting(h: { host: HostId; name?: string; privacyUrl?: string }): Hosting {
  const known = h.host === "other" ? undefined : HOSTS[h.host];
  // "other": we cannot know whether the server sends _headers, so the pages carry the policy too.
  const headersFile = known?.headersFile ?? false;
  return {
    host: h.host,
    name: h.name ?? known?.name ?? "",
    privacyUrl: h.privacyUrl ?? known?.privacyUrl ?? "",
    headersFile,
    metaFallback: !headersFile,
  };
}

/** Directives a <meta http-equiv> policy may not contain (browsers ignore them there, with a console warning). */
const NOT_IN_META = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

export interface MetaPolicy {
  csp: string;
  referrer?: string;
}

/**
 * A page's own policy as <meta> tags (every page, every host): its exact CSP (lib/model/policy.ts
 * pageCsp), which narrows the wider `/*` header, minus what only a header can say, and the
 * referrer policy. `site`: its video players, search pages and form service (defaults without).
 */
export function metaPolicy(sitePath: string, site?: PolicySite): MetaPolicy {
  if (!site) return policyOf(sitePath, site);
  // Every page asks (1,500 pages at 1,000 posts), and a page's policy depends only on its
  // kind: worked out once per kind, remembered per site object, so the memo goes with the
  // model it belongs to (nothing outlives a build).
  const kind = policyKind(sitePath, searchPagesOf(site));
  let byKind = metaPolicies.get(site);
  if (!byKind) metaPolicies.set(site, (byKind = new Map<PolicyKind, MetaPolicy>()));
  let policy = byKind.get(kind);
  if (!policy) byKind.set(kind, (policy = policyOf(sitePath, site)));
  return policy;
}

const metaPolicies = new WeakMap<PolicySite, Map<PolicyKind, MetaPolicy>>();

function policyOf(sitePath: string, site: PolicySite | undefined): MetaPolicy {
  const h = pageHeaders(site, sitePath);
  const csp = (h["Content-Security-Policy"] ?? "")
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d && !NOT_IN_META.has(d.split(/\s+/)[0]!))
    .join("; ");
  return { csp, referrer: h["Referrer-Policy"] };
}
