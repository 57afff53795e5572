// Rendering a body while noting every file it asked about (a caption track, a poster):
// a cached result stays valid only while each of those still exists, or still doesn't.
import { assetInside } from "../content/inside.ts";
import { renderMarkdown, type Rendered } from "./index.ts";
import type { Lang } from "../i18n/index.ts";

export interface RenderTask {
  source: string;
  lang: Lang;
  prefix: string;
}

export interface RenderedWithChecks {
  result: Rendered;
  /** Every site path the body asked about, and whether it existed. */
  checked: [string, boolean][];
}

/** Whether a site path such as /assets/video/a.vtt is a file really inside root/assets (links followed). */
export function assetExists(root: string, sitePath: string): boolean {
  return !sitePath.includes("..") && assetInside(root, sitePath);
}

export function renderChecked(task: RenderTask, root: string): RenderedWithChecks {
  const checked: [string, boolean][] = [];
  const exists = (sitePath: string) => {
    const found = assetExists(root, sitePath);
    checked.push([sitePath, found]);
    return found;
  };
  return { result: renderMarkdown(task.source, { prefix: task.prefix, lang: task.lang, exists }), checked };
}
