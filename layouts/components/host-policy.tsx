// For hosts that ignore `_headers` (GitHub Pages, a bucket): the page carries the same
// Content-Security-Policy and referrer policy itself, derived from lib/headers.ts so there
// is one policy. frame-ancestors cannot be set this way (browsers ignore it in <meta>).
import type { Site } from "../../lib/model.ts";
import { siteHeaders } from "../../lib/headers.ts";
import { metaPolicy } from "../../lib/deploy.ts";

/** Must come first in <head>: a <meta> policy covers only what the page loads after it. */
export function HostPolicy({ site, url }: { site: Site; url: string }): JSX.Element {
  if (!site.hosting.metaFallback) return null;
  const policy = metaPolicy(url, siteHeaders(site));
  return (
    <>
      <meta http-equiv="Content-Security-Policy" content={policy.csp} />
      {policy.referrer && <meta name="referrer" content={policy.referrer} />}
    </>
  );
}
