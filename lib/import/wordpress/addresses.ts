// Old WordPress addresses → redirect lines: written in Netlify's `_redirects` form and
// checked with the build's own rules (lib/outputs/redirects.ts) before they are written, so the
// importer never writes a line its own build refuses. An old address that cannot be
// redirected is listed in the report instead, with the reason: every address the old site
// had either redirects or is named there.
import { checkRedirectRules, parseRedirects, pagesCovered } from "../../content/redirects.ts";
import type { Redirect, ReportLine } from "./types.ts";

/** A wanted redirect, before the final checks; `item` names the post or page it belongs to (for the report). */
export interface WantedRedirect extends Redirect {
  item?: string;
}

/**
 * An old address as the host will match it: one "/" where WordPress wrote "//" (a parent
 * page with an empty slug gives "https://site//greek/epipedo-2/"), and anything a
 * `_redirects` line cannot hold (spaces, control characters, non-ASCII) percent-encoded.
 * undefined when nothing usable is left.
 */
export function cleanOldPath(from: string): string | undefined {
  const q = from.indexOf("?");
  const pathPart = (q < 0 ? from : from.slice(0, q)).replace(/\/{2,}/g, "/");
  const query = q < 0 ? "" : from.slice(q);
  const encode = (s: string) => s.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  const out = `${encode(pathPart)}${encode(query)}`;
  return out.startsWith("/") && out !== "/?" ? out : undefined;
}

/** The redirects as `_redirects` lines (Netlify's format; the build adapts them to the host). */
export function redirectLine(r: Redirect): string {
  const q = r.from.indexOf("?");
  const from = q < 0 ? r.from : `${r.from.slice(0, q) || "/"}  ${r.from.slice(q + 1).replace(/&/g, " ")}`;
  return `${from}  ${r.to}  301`;
}

export function redirectsFile(redirects: readonly Redirect[], source: string): string {
  return `# Old WordPress addresses → this site. Written by npm run import:wordpress from ${source}.\n# The build copies these to _site/_redirects (see docs/operators/importing.md).\n${redirects.map(redirectLine).join("\n")}\n`;
}

export interface FinishOptions {
  /** Addresses the new site serves itself (its own pages, the imported ones): never redirected. */
  ownPath: (p: string) => boolean;
  /** Pages of the new site, for the build's "a redirect would take parents away from this page" rule. */
  pages: readonly string[];
}

/**
 * The final list: cleaned, without the site's own addresses, each address once, each line
 * one the build accepts. `notRedirected` names every old address of a post or page that has
 * no redirect, and why; catch-alls and lines the build would refuse are named too.
 */
export function finishRedirects(
  wanted: readonly WantedRedirect[],
  opts: FinishOptions,
): { redirects: Redirect[]; notRedirected: ReportLine[] } {
  const notRedirected: ReportLine[] = [];
  const out: Redirect[] = [];
  const seen = new Set<string>();
  const tell = (r: WantedRedirect, message: string) =>
    notRedirected.push({ item: r.item ?? `old address ${r.from}`, message, section: "addresses" });
  for (const w of wanted) {
    const from = cleanOldPath(w.from);
    if (!from) {
      tell(w, `its old address ${JSON.stringify(w.from)} is not one a redirect can hold: it is not redirected`);
      continue;
    }
    if (from === w.to || from === `${w.to}index.html` || from.replace(/\/$/, "") === w.to.replace(/\/$/, "")) continue;
    if (opts.ownPath(from)) {
      if (w.item)
        tell(w, `its old address ${from} is now a page of this site itself, so it is not redirected (parents get that page there)`);
      continue;
    }
    // Browsers send non-ASCII addresses with upper-case escapes; WordPress wrote lower-case ones.
    const upper = from.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
    for (const f of upper === from ? [from] : [from, upper]) {
      if (seen.has(f)) continue;
      seen.add(f);
      const line = redirectLine({ from: f, to: w.to });
      const { rules, problems } = parseRedirects(line);
      if (problems.length || !rules[0]) {
        tell(w, `its old address ${f} cannot be redirected: ${problems[0]?.message ?? "the line is not understood"}`);
        continue;
      }
      // Same rule as every build: an old address that is (or covers) a page of the new site is refused.
      const covered = rules[0].query === undefined ? pagesCovered(rules[0].from, opts.pages) : [];
      if (covered.length) {
        tell(w, `its old address ${f} is (or covers) the new site's page ${covered[0]}, so it is not redirected`);
        continue;
      }
      out.push({ from: f, to: w.to });
    }
  }
  // The build's checks of the whole file, as a last guard (a repeated address with another query order...).
  const text = out.map(redirectLine).join("\n");
  const bad = new Set(checkRedirectRules(parseRedirects(text).rules).map((p) => p.line - 1));
  return { redirects: out.filter((_r, i) => !bad.has(i)), notRedirected };
}
