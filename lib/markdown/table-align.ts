// Table column alignment as classes instead of style attributes: the Content-Security-
// Policy allows no inline styles, and a blocked style would be a CSP violation report.
import type { Plugin } from "./types.ts";

export const tableAlign: Plugin = (md) => {
  md.core.ruler.push("table_align_class", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const style = token.attrGet("style");
      const m = typeof style === "string" ? /^text-align:(left|right|center)$/.exec(style) : null;
      if (!m) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${m[1]}`);
    }
  });
};
