// `npm start` only: a rebuild after a save renders every route again, but most pages come
// out exactly as the last build wrote them (a body edit changes one page; a title edit a
// few more). Writing ~1,500 identical files again cost about two thirds of a second per
// rebuild at 1,000 posts, and the saved post's page waited its turn behind them. So the
// preview remembers a fingerprint of what it last wrote at each address, and a page whose
// HTML is the same, and whose file is still there, is not written again (Eleventy writes
// nothing for a template whose render gives `undefined`). Every page is still rendered from
// the current model, so a page whose output changed in any way is always written.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";

export interface WrittenPages {
  /**
   * Whether `content` is what the last build wrote to `file` (Eleventy's outputPath) and
   * the file is still there; when not, remembers it as written now.
   */
  unchanged(file: string, content: string): boolean;
}

export function createWrittenPages(): WrittenPages {
  const last = new Map<string, string>();
  return {
    unchanged(file, content) {
      // A fingerprint, not the HTML: 1,500 pages kept whole would be tens of MB.
      const digest = createHash("sha1").update(content).digest("base64");
      if (last.get(file) === digest && existsSync(file)) return true;
      last.set(file, digest);
      return false;
    },
  };
}
