// The page title is the only <h1>; a "# Heading" in the body becomes <h2> so the
// outline screen-reader users navigate by stays correct.
import type { Plugin } from "./types.ts";

export const demoteH1: Plugin = (md) => {
  md.core.ruler.push("demote_h1", (state) => {
    for (const token of state.tokens) {
      if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
    }
  });
};
