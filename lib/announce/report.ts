// What a run says: one line per item and account for the terminal, the same as a Markdown
// table for the workflow's summary page ($GITHUB_STEP_SUMMARY), and the dry run's preview.
import type { Composed } from "./text.ts";

export interface Line {
  item: string;
  account: string;
  /** sent; pending (tried next run); uncertain (a person must check); waiting (cannot be sent now). */
  state: "sent" | "pending" | "uncertain" | "waiting";
  detail: string;
}

const MARK: Record<Line["state"], string> = { sent: "sent", pending: "PENDING", uncertain: "CHECK BY HAND", waiting: "waiting" };

export function terminalReport(lines: readonly Line[], notes: readonly string[]): string {
  const out = [...notes];
  for (const l of lines) out.push(`${MARK[l.state].padEnd(13)} ${l.item} → ${l.account}: ${l.detail}`);
  const count = (s: Line["state"]) => lines.filter((l) => l.state === s).length;
  out.push(
    `announce: ${count("sent")} sent, ${count("pending")} pending, ${count("uncertain")} to check by hand, ${count("waiting")} waiting`,
  );
  return out.join("\n") + "\n";
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function markdownReport(lines: readonly Line[], notes: readonly string[]): string {
  const out = ["## Announcements", ""];
  for (const n of notes) out.push(`- ${cell(n)}`);
  if (notes.length) out.push("");
  if (lines.length) {
    out.push("| item | account | state | detail |", "| --- | --- | --- | --- |");
    for (const l of lines) out.push(`| ${cell(l.item)} | ${cell(l.account)} | ${MARK[l.state]} | ${cell(l.detail)} |`);
  } else out.push("Nothing to announce.");
  if (lines.some((l) => l.state === "pending"))
    out.push("", "Pending announcements are tried again on the next run; the site itself was published.");
  return out.join("\n") + "\n";
}

/** --dry-run: exactly what each account would be sent. */
export function previewReport(preview: readonly { item: string; account: string; composed: Composed }[], notes: readonly string[]): string {
  const out = [...notes];
  if (!preview.length && !notes.length) out.push("Nothing to announce.");
  for (const p of preview) {
    const c = p.composed;
    out.push(`── ${p.item} → ${p.account} (${c.length}/${c.limit})`, c.text);
    if (c.network === "facebook") out.push(`link: ${c.link}`);
    if (c.facets) out.push(`facets: ${JSON.stringify(c.facets)}`);
    if (c.image) out.push(`image: ${c.image.path} (alt: ${c.image.alt})`);
    out.push("");
  }
  return out.join("\n") + "\n";
}
