// The import's report, as plain text for the terminal: what was imported, what was left
// out and why, and what a person should look at before committing.
import type { HostId } from "../../schema/trust.ts";
import type { ApplyResult } from "./apply.ts";
import type { ImportReport, ReportLine, ReportSection } from "./types.ts";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** What the configured host does with the redirects (see lib/outputs/redirects.ts). */
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

const TITLES: [ReportSection, string][] = [
  ["media", "Media not copied"],
  ["links", "Links to old-site pages that were not imported (the text is kept, without the link)"],
  ["embeds", "Embeds turned into links, or removed"],
  ["comments", "Comments left out"],
  ["addresses", "Old addresses without a redirect"],
];

/**
 * Which list a line belongs in. Lines from the HTML converter are plain sentences, so they
 * are sorted by how they begin; the planner sets `section` on the ones it writes itself.
 */
export function sectionOf(line: ReportLine): ReportSection | undefined {
  if (line.section) return line.section;
  const m = line.message;
  if (
    /^(featured image: )?(image |file |its featured image|gallery photo|a \[gallery\]|\[(video|audio|playlist)\] shortcode|a <(video|audio)> file|a link to the uploaded file)/.test(
      m,
    )
  )
    return "media";
  if (/^a link to the old site's /.test(m)) return "links";
  if (/^(an embedded frame|an embed block|an embedded .* post became)/.test(m)) return "embeds";
  if (/^comment \d+/.test(line.item)) return "comments";
  return undefined;
}

function sections(report: ImportReport): Map<ReportSection | "skipped" | "review", ReportLine[]> {
  const out = new Map<ReportSection | "skipped" | "review", ReportLine[]>();
  const put = (key: ReportSection | "skipped" | "review", line: ReportLine) => out.set(key, [...(out.get(key) ?? []), line]);
  for (const s of report.skipped) put(sectionOf(s) ?? "skipped", s);
  // "Comments left out" holds only comments that were; notes on imported ones need a look.
  for (const r of report.review) {
    const section = sectionOf(r);
    put(section === "comments" || !section ? "review" : section, r);
  }
  return out;
}

export function formatReport(
  report: ImportReport,
  apply: ApplyResult | undefined,
  opts: { source: string; dryRun?: boolean; host?: HostId; problems?: readonly string[] },
): string {
  const c = report.counts;
  const lines: string[] = [];
  lines.push(`${opts.dryRun ? "Dry run (nothing written)" : "Imported"} from ${opts.source}:`);
  lines.push(
    `  ${plural(c.posts, "post")} (${c.drafts} as drafts, ${c.privatePosts} of them private; ${c.scheduled} scheduled), ${plural(c.pages, "page")}, ${plural(c.comments, "comment")}, ${plural(c.media, "media file")}, ${plural(c.redirects, "redirect")}`,
  );
  for (const n of report.notices) lines.push("", n);
  const lists = sections(report);
  if (opts.problems?.length) {
    lines.push("", `Fix before building (${opts.problems.length}): the build stops on these, as npm run check does`);
    for (const p of opts.problems) lines.push(`  ${p}`);
  }
  const skippedComments = Object.entries(report.commentsSkipped);
  for (const [section, title] of TITLES) {
    const list = lists.get(section) ?? [];
    if (section === "comments" && skippedComments.length) {
      lines.push(
        "",
        `${title} (${skippedComments.reduce((n, [, k]) => n + k, 0)}): ${skippedComments.map(([why, n]) => `${n} ${why}`).join(", ")}`,
      );
    } else if (list.length) lines.push("", `${title} (${list.length}):`);
    for (const r of list) lines.push(`  ${r.item}: ${r.message}`);
  }
  const skipped = lists.get("skipped") ?? [];
  if (skipped.length) {
    lines.push("", `Left out (${skipped.length}):`);
    for (const s of skipped) lines.push(`  ${s.item}: ${s.message}`);
  }
  const review = lists.get("review") ?? [];
  if (review.length) {
    lines.push("", `Needs a look (${review.length}):`);
    for (const r of review) lines.push(`  ${r.item}: ${r.message}`);
  }
  if (apply) {
    const by = (o: string) => apply.outcomes.filter((x) => x.outcome === o);
    const verb = opts.dryRun ? "would write" : "wrote";
    lines.push(
      "",
      `Files: ${by("new").length} new, ${by("updated").length + by("overwritten").length} updated, ${by("unchanged").length} unchanged (${verb} ${by("new").length + by("updated").length + by("overwritten").length}).`,
    );
    const kept = [...by("kept-edited"), ...by("kept-not-ours")];
    if (kept.length) {
      lines.push(`Kept as they are (${kept.length}); run again with --force to replace them:`);
      for (const k of kept)
        lines.push(
          `  content/${k.path}: ${k.outcome === "kept-edited" ? "edited since the last import" : "not written by an earlier import"}`,
        );
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
