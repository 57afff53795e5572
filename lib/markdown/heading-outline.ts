// Keeps the heading outline unbroken under the page title (the only <h1>): a "#" in the
// body becomes <h2>, and no heading is more than one level deeper than the one before
// ("###" straight after the title becomes <h2>). Screen-reader users navigate by this
// outline, and WCAG 1.3.1 expects it to be real.
import type { Plugin } from "./types.ts";

export const headingOutline: Plugin = (md) => {
  md.core.ruler.push("heading_outline", (state) => {
    // Source levels of the headings that enclose the current one; depth gives the output level.
    const enclosing: number[] = [];
    const open: number[] = [];
    for (const token of state.tokens) {
      if (token.type === "heading_open") {
        const source = Number(token.tag.slice(1));
        while (enclosing.length && enclosing.at(-1)! >= source) enclosing.pop();
        const level = Math.min(6, 2 + enclosing.length);
        enclosing.push(source);
        token.tag = `h${level}`;
        open.push(level);
      } else if (token.type === "heading_close") {
        token.tag = `h${open.pop() ?? 2}`;
      }
    }
  });
};
