// Authors link to other pages as "/new-patients/"; on a host that serves the site
// under a sub-path those links need the prefix, so it is added here, once.
import type { Plugin } from "./types.ts";

export const rootLinks: Plugin = (md) => {
  md.core.ruler.push("root_links", (state) => {
    const prefix = (state.env as { prefix?: string }).prefix;
    if (!prefix) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        for (const attr of ["href", "src"] as const) {
          const value = token.attrGet(attr);
          if (typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) token.attrSet(attr, prefix + value);
        }
      }
    }
  });
};
