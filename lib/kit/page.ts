// Adds the social kit (/_staff/social-kit/, rendered by layouts/kit.tsx), its stylesheet, its
// small Copy script and its square images to preview builds only, like the staff page
// (lib/staff/page.ts): no route of the site model, so no menu, sitemap, feed, search index or
// parents' page can name it, and a production build registers none of it, so nothing of it
// is written to _site.
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Mode } from "../model/model.ts";
import type { Site } from "../model/model.ts";
import { readRecord, RECORD_FILE } from "../announce/record.ts";
import { KIT_URL, socialKit, type Kit } from "./items.ts";
import { readPhoto, writeSquare } from "./square.ts";

export const KIT_CSS = `${KIT_URL}kit.css`;
export const KIT_JS = `${KIT_URL}copy.js`;

// On top of the site's stylesheet (colours, type, .note, .status, .badge, .skip).
const CSS = `main { padding-block: 1.5rem 3rem; }
.kit-item { border-top: 2px solid var(--line); padding-block: 1rem 1.5rem; }
.kit-item .file { display: block; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.kit-images { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin-block: 1rem; }
.kit-images figure { margin: 0; max-width: 100%; }
/* Shown small; the width and height attributes are the file's own, for its shape. */
.kit-images img { display: block; width: 18rem; max-width: 100%; height: auto; border: 1px solid var(--line); }
.kit-copy { margin-block: 1rem; }
.kit-copy label { display: block; font-weight: 700; }
.kit-copy textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; resize: vertical; background: var(--card); color: inherit; border: 1px solid var(--muted); }
.kit-copy p { margin-block: 0.25rem; }
.kit-copy button { font: inherit; padding: 0.3rem 0.9rem; margin-inline-end: 0.75rem; }
.kit-item details { margin-block: 1rem; }
.kit-accounts code { overflow-wrap: anywhere; }
.kit-item summary { cursor: pointer; font-weight: 700; }
`;

// Progressive: the page works without it (each text is in a read-only box to select and
// copy); with it, each box gets a Copy button, and what happened is said to screen readers.
const JS = `for (const button of document.querySelectorAll("button[data-copy]")) {
  const box = document.getElementById(button.getAttribute("data-copy"));
  const status = document.getElementById(button.getAttribute("data-status"));
  if (!box || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = "Copied.";
    } catch {
      box.select();
      status.textContent = "Could not copy: the text is selected, press Ctrl+C (or Command+C).";
    }
  });
}
`;

export function addKitPage(cfg: UserConfig, mode: Mode, render: () => string): void {
  if (mode !== "preview") return;
  const files: Record<string, () => string> = { [`${KIT_URL}index.html`]: render, [KIT_CSS]: () => CSS, [KIT_JS]: () => JS };
  cfg.addGlobalData("kitFiles", () => Object.keys(files));
  cfg.addTemplate("social-kit.11ty.js", {
    data: {
      pagination: { data: "kitFiles", size: 1, alias: "kitFile" },
      permalink: (data: { kitFile: string }) => data.kitFile,
      eleventyExcludeFromCollections: true,
    },
    render: (data: { kitFile: string }) => files[data.kitFile]!(),
  });
}

/**
 * The kit of a preview site, with the announce record if there is one. A record that cannot
 * be read does not stop the preview: the kit says why and lists the recent items instead
 * (`npm run announce` reports the same file with its fix).
 */
export async function loadKit(site: Site, contentDir: string): Promise<Kit> {
  try {
    return socialKit(site, await readRecord(path.join(contentDir, RECORD_FILE)));
  } catch (err) {
    return socialKit(site, undefined, (err as Error).message);
  }
}

/** Draws each item's square into the preview's output (cached in `cacheDir`, so a rebuild redraws only what changed). */
export async function writeKitImages(kit: Kit, outDir: string, cacheDir: string): Promise<void> {
  for (const item of [...kit.posts, ...kit.events]) {
    const { photoFile, ...draw } = item.square.draw;
    await writeSquare(
      { ...draw, photo: await readPhoto(photoFile) },
      path.join(outDir, item.square.url),
      path.join(cacheDir, "social-kit"),
    );
  }
}
