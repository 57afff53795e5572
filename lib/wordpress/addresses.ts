// Old WordPress addresses → redirect lines: written in Netlify's `_redirects` form and
// checked with the build's own rules (lib/redirects.ts) before they are written, so the
// importer never writes a line its own build refuses.
import type { Redirect } from "./types.ts";

/** The redirects as `_redirects` lines (Netlify's format; the build adapts them to the host). */
export function redirectsFile(redirects: readonly Redirect[], source: string): string {
  const lines = redirects.map((r) => {
    const q = r.from.indexOf("?");
    const from = q < 0 ? r.from : `${r.from.slice(0, q) || "/"}  ${r.from.slice(q + 1).replace(/&/g, " ")}`;
    return `${from}  ${r.to}  301`;
  });
  return `# Old WordPress addresses → this site. Written by npm run import:wordpress from ${source}.\n# The build copies these to _site/_redirects (see README "Move in from WordPress").\n${lines.join("\n")}\n`;
}
