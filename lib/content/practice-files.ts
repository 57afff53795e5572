// Files practice.yaml names: the logo (published as it is, and made into icons) and the
// notice of privacy practices, when it is kept in the site. Both must exist inside the
// site's folders; an SVG logo must be a plain drawing.
import { stat } from "node:fs/promises";
import type { Problem } from "./problems.ts";
import { insideSitePath, type SiteFolders } from "./inside.ts";
import { checkSvgFile } from "./published.ts";

/** The logo is published as it is (favicon.svg) and made into icons: a file of the site, and a plain drawing. */
export function checkLogo(logo: string, folders: SiteFolders, file: string, svgChecked: ReadonlySet<string>, problems: Problem[]): void {
  const found = insideSitePath(logo, folders);
  if (!found.ok) {
    const message = found.why === "outside" ? `logo "${logo}" is outside the site's folders; keep the logo under /assets/` : `no such file: ${logo.slice(1)}`;
    problems.push({ file, field: "logo", message });
    return;
  }
  // An SVG under assets/ was checked with every other published file, and reported there.
  if (found.abs.toLowerCase().endsWith(".svg") && !svgChecked.has(found.abs)) {
    const message = checkSvgFile(found.abs);
    if (message) problems.push({ file, field: "logo", message: `${logo.slice(1)}: ${message}` });
  }
}

/** A notice kept in the site must exist, like any other download (checked before Eleventy runs). */
export async function checkNotice(value: string | undefined, folders: SiteFolders, file: string, problems: Problem[]): Promise<void> {
  if (!value || !value.startsWith("/")) return;
  const found = insideSitePath(value, folders);
  if (!found.ok && found.why === "outside") {
    problems.push({ file, field: "noticeOfPrivacyPractices", message: `notice "${value}" is outside the site's folders; keep the notice under /assets/` });
    return;
  }
  const s = await stat(found.abs).catch(() => undefined);
  if (!s?.isFile()) problems.push({ file, field: "noticeOfPrivacyPractices", message: `no such file: ${value.slice(1)}` });
}
