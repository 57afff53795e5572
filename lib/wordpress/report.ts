// The import's report, as plain text for the terminal: what was imported, what was left
// out and why, and what a person should look at before committing.
import type { HostId } from "../schema/trust.ts";
import type { ApplyResult } from "./apply.ts";
import type { ImportReport } from "./plan.ts";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** What the configured host does with the redirects (see lib/redirects.ts). */
export function hostNote(host: HostId | undefined): string {
  switch (host) {
    case "netlify":
      return "Netlify applies every redirect, including /?p=123 addresses.";
    case "cloudflare-pages":
      return "Cloudflare Pages cannot match ?p=123 or ?page_id=123 addresses: those lines are left out of its _redirects; every path redirect works.";
    case undefined:
      return "";
    default:
      return "This host reads no _redirects file: each old page address gets a small page that sends visitors on (a meta refresh and a visible link). Addresses with ?p=, wildcards (/2019/*) and uploaded files cannot be redirected there.";
  }
}

export function formatReport(report: ImportReport, apply: ApplyResult | undefined, opts: { source: string; dryRun?: boolean; host?: HostId }): string {
  const c = report.counts;
  const lines: string[] = [];
  lines.push(`${opts.dryRun ? "Dry run (nothing written)" : "Imported"} from ${opts.source}:`);
  lines.push(
    `  ${plural(c.posts, "post")} (${c.drafts} as drafts, ${c.privatePosts} of them private; ${c.scheduled} scheduled), ${plural(c.pages, "page")}, ${plural(c.comments, "comment")}, ${plural(c.media, "media file")}, ${plural(c.redirects, "redirect")}`,
  );
  const skippedComments = Object.entries(report.commentsSkipped);
  if (skippedComments.length) {
    lines.push(`  comments left out: ${skippedComments.map(([why, n]) => `${n} ${why}`).join(", ")}`);
  }
  if (report.skipped.length) {
    lines.push("", `Left out (${report.skipped.length}):`);
    for (const s of report.skipped) lines.push(`  ${s.item}: ${s.message}`);
  }
  if (report.review.length) {
    lines.push("", `Needs a look (${report.review.length}):`);
    for (const r of report.review) lines.push(`  ${r.item}: ${r.message}`);
  }
  if (apply) {
    const by = (o: string) => apply.outcomes.filter((x) => x.outcome === o);
    const verb = opts.dryRun ? "would write" : "wrote";
    lines.push("", `Files: ${by("new").length} new, ${by("updated").length + by("overwritten").length} updated, ${by("unchanged").length} unchanged (${verb} ${by("new").length + by("updated").length + by("overwritten").length}).`);
    const kept = [...by("kept-edited"), ...by("kept-not-ours")];
    if (kept.length) {
      lines.push(`Kept as they are (${kept.length}); run again with --force to replace them:`);
      for (const k of kept) lines.push(`  content/${k.path}: ${k.outcome === "kept-edited" ? "edited since the last import" : "not written by an earlier import"}`);
    }
  }
  const note = hostNote(opts.host);
  if (note) lines.push("", `Redirects: ${note}`);
  lines.push(
    "",
    "Commenters' email addresses, IP addresses and web sites were not copied.",
    "Before committing: read every imported comment (content/comments/) and delete any that shares",
    "health details about a child; then npm run check and npm start to preview.",
  );
  return lines.join("\n");
}
