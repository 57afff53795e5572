// Adds the staff page (/_staff/, rendered by layouts/staff.tsx) and its small stylesheet to
// preview builds only. Like the web editor it is no route of the site model, so no menu,
// sitemap, feed, search index or link on parents' pages can name it; and a production build
// does not register it at all, so nothing of it is written. Its styles live here, not in
// the site's stylesheet, so parents never download them.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Mode } from "../model/model.ts";

/** Site path of the staff page. */
export const STAFF_URL = "/_staff/";
export const STAFF_CSS = `${STAFF_URL}staff.css`;

// On top of the site's stylesheet (colours, type, .note, .status, .badge, .skip).
const CSS = `main { padding-block: 1.5rem 3rem; }
.table-scroll { overflow-x: auto; margin-block: 1rem 2rem; }
.table-scroll table { border-collapse: collapse; width: 100%; min-width: 40rem; background: var(--card); }
.table-scroll th, .table-scroll td { border: 1px solid var(--line); padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
.table-scroll thead th { background: var(--brand-soft); }
.table-scroll tbody th { font-weight: 400; }
.table-scroll .file { display: block; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.table-scroll .status { margin: 0 0 0 0.25rem; padding: 0 0.5rem; font-size: 0.9rem; }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
`;

export function addStaffPage(cfg: UserConfig, mode: Mode, render: () => string): void {
  if (mode !== "preview") return;
  const files: Record<string, () => string> = { [`${STAFF_URL}index.html`]: render, [STAFF_CSS]: () => CSS };
  cfg.addGlobalData("staffFiles", () => Object.keys(files));
  cfg.addTemplate("staff.11ty.js", {
    data: {
      pagination: { data: "staffFiles", size: 1, alias: "staffFile" },
      permalink: (data: { staffFile: string }) => data.staffFile,
      eleventyExcludeFromCollections: true,
    },
    render: (data: { staffFile: string }) => files[data.staffFile]!(),
  });
}
