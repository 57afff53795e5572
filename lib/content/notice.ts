// The notice of privacy practices practice.yaml links to: when it is a file kept in the site,
// it must exist, like any other download (checked before Eleventy runs).
import { stat } from "node:fs/promises";
import type { Problem } from "./problems.ts";
import { insideSitePath, type SiteFolders } from "./inside.ts";

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
