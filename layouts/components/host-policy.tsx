// Every page carries its own Content-Security-Policy and referrer policy, derived from
// lib/model/policy.ts so there is one policy. On hosts that apply `_headers` it narrows the wider
// site-wide header to exactly this page's policy (a <meta> policy can only add restrictions);
// on hosts that ignore `_headers` (GitHub Pages, a bucket) it is the whole policy.
// frame-ancestors cannot be set this way (browsers ignore it in <meta>): it is in the header.
import type { Site } from "../../lib/model/model.ts";
import { metaPolicy } from "../../lib/model/hosting.ts";

/** Must come first in <head>: a <meta> policy covers only what the page loads after it. */
export function HostPolicy({ site, url }: { site: Site; url: string }): JSX.Element {
  const policy = metaPolicy(url, site);
  return (
    <>
      <meta http-equiv="Content-Security-Policy" content={policy.csp} />
      {policy.referrer && <meta name="referrer" content={policy.referrer} />}
    </>
  );
}
