// Fills the practice facts a body names ([[phone]], see lib/markdown/facts.ts) with the
// values of practice.yaml in the body's language, escaped for HTML. A fact the practice
// does not have (no email, no location "north") is a problem naming the file and line.
import type { FactRef } from "../markdown/facts.ts";
import type { Practice } from "../schema/practice.ts";
import type { Resolved } from "./localize.ts";
import { telHref } from "../model/urls.ts";
import type { DateTime } from "luxon";
import type { Lang } from "../i18n/index.ts";
import { hoursData, statusAt } from "../model/hours.ts";

/** When and in which language the body is shown: [[hours-today]] depends on both. */
export interface FactContext {
  now: DateTime;
  lang: Lang;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const link = (href: string, text: string, plain: boolean) => (plain ? esc(text) : `<a href="${esc(href)}">${esc(text)}</a>`);

/** The HTML for one fact, or why the practice cannot give it. */
export function factHtml(ref: Pick<FactRef, "name" | "arg" | "plain">, practice: Resolved<Practice>, when: FactContext): { html: string } | { problem: string } {
  const location = ref.arg ? practice.locations.find((l) => l.key === ref.arg) : practice.locations[0];
  const noLocation = { problem: `practice.yaml has no location with the key "${ref.arg}" (known: ${practice.locations.map((l) => l.key).join(", ")})` };
  switch (ref.name) {
    case "name":
      return { html: esc(practice.name) };
    case "phone":
      return { html: link(telHref(practice.phone), practice.phone, ref.plain) };
    case "after-hours-phone":
      return practice.afterHours ? { html: link(telHref(practice.afterHours.phone), practice.afterHours.phone, ref.plain) } : { problem: "practice.yaml has no afterHours.phone to show" };
    case "email":
      return practice.email ? { html: link(`mailto:${practice.email}`, practice.email, ref.plain) } : { problem: "practice.yaml has no email to show" };
    case "address": {
      if (!location) return noLocation;
      const a = location.address;
      return { html: esc(`${a.street}, ${a.city}, ${a.region} ${a.postalCode}`) };
    }
    case "hours-today": {
      if (!location) return noLocation;
      // Right when built; live.js refreshes it from the same data and rules on the parent's
      // phone, so a page built last night still says whether the office is open now.
      const data = hoursData(practice, location, when.lang);
      const { status, text } = statusAt(data, when.now);
      if (ref.plain) return { html: esc(text) };
      return { html: `<span class="${status.open ? "open-status is-open" : "open-status"}" data-open-status="${esc(JSON.stringify(data))}">${esc(text)}</span>` };
    }
  }
}

/** The body's HTML with every fact's marker replaced; problems carry the fact's line. */
export function fillFacts(html: string, refs: readonly FactRef[], practice: Resolved<Practice>, when: FactContext): { html: string; problems: string[]; live: boolean } {
  const problems: string[] = [];
  for (const ref of refs) {
    const value = factHtml(ref, practice, when);
    if ("problem" in value) problems.push(`line ${ref.line}: [[${ref.name}${ref.arg ? `:${ref.arg}` : ""}]]: ${value.problem}`);
    html = html.replace(ref.marker, "html" in value ? value.html : "");
  }
  // A page showing the open status loads live.js, which keeps it current.
  return { html, problems, live: refs.some((r) => r.name === "hours-today" && !r.plain) };
}
