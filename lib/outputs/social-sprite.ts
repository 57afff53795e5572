// The social networks' icons as one SVG sprite, fetched once and cached, instead of long
// paths inlined on every page. The glyphs come from the simple-icons package, read once.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { NETWORKS, type Network } from "../model/social.ts";

const LINKEDIN_PATH =
  "M4 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm-2 6h4v12H2V9Zm7 0h3.8v1.7h.1c.5-1 1.8-2 3.8-2 4 0 4.8 2.6 4.8 6.1V21h-4v-5.5c0-1.3 0-3-1.8-3s-2.1 1.4-2.1 2.9V21H9V9Z";

const iconCache = new Map<string, string>();
const require = createRequire(import.meta.url);

/** The SVG path data (24×24 viewBox) for a network's icon. */
export function iconPath(network: Network): string {
  if (!network.icon) return LINKEDIN_PATH;
  let d = iconCache.get(network.icon);
  if (d === undefined) {
    const svg = readFileSync(require.resolve(`simple-icons/icons/${network.icon}.svg`), "utf8");
    d = /\sd="([^"]+)"/.exec(svg)?.[1] ?? "";
    iconCache.set(network.icon, d);
  }
  return d;
}

/** One SVG sprite with every network's icon, fetched once and cached, instead of long paths inlined on every page. */
export function socialSprite(): string {
  const symbols = NETWORKS.map((n) => `<symbol id="${n.key}" viewBox="0 0 24 24"><path d="${iconPath(n)}"/></symbol>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols}</svg>\n`;
}
