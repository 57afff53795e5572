// The shell of the preview's staff-only pages (/_staff/ and its social kit): in English, kept
// out of search engines, under the page's own security policy, with the site's stylesheet and
// the page's own.
import type { Site } from "../../lib/model/model.ts";
import { ICONS } from "../../lib/model/site-files.ts";
import { HostPolicy } from "./host-policy.tsx";

export function StaffShell({
  site,
  url,
  title,
  css,
  script,
  children,
}: {
  site: Site;
  url: string;
  title: string;
  css: string;
  script?: string;
  children: JSX.Children;
}): JSX.Element {
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <HostPolicy site={site} url={url} />
        <meta name="robots" content="noindex, nofollow" />
        <title>
          {title} (preview only) · {site.practice.name}
        </title>
        <link rel="stylesheet" href={site.urls.href(site.assets.css)} />
        <link rel="stylesheet" href={site.urls.href(css)} />
        <link rel="icon" href={site.urls.href(ICONS.svg)} type="image/svg+xml" />
        {script && <script type="module" src={site.urls.href(script)} />}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <main id="main" tabindex="-1" class="wrap">
          {children}
        </main>
      </body>
    </html>
  );
}
