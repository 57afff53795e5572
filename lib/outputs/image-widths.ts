// Which widths a picture is encoded at: WIDTHS, the most a page ever offers, and for one
// use the widest a browser can pick given its `sizes` attribute (lib/outputs/images.ts
// encodes no wider). Pure: an attribute in, a width out.

/** The widths every photo may be encoded at (never upscaled). */
export const WIDTHS = [480, 800, 1200, 1600];

/** CSS px of one `sizes` length at a viewport `vw` px wide: rem, px, vw and calc(a - b) of those. */
function lengthPx(length: string, vw: number): number {
  const one = (t: string): number => {
    const m = /^(-?[\d.]+)(rem|px|vw)$/.exec(t.trim());
    if (!m) return vw;
    const n = Number(m[1]);
    return m[2] === "rem" ? n * 16 : m[2] === "vw" ? (n / 100) * vw : n;
  };
  const calc = /^calc\((.+)\)$/.exec(length.trim());
  if (!calc) return one(length);
  const [a, op, b] = calc[1]!.split(/\s+([+-])\s+/);
  return op === "-" ? one(a!) - one(b!) : op === "+" ? one(a!) + one(b!) : one(a!);
}

/**
 * The widest of WIDTHS a browser can pick for an image with this `sizes` attribute: the
 * first that covers the largest slot at 3 device pixels per CSS pixel below the smallest
 * breakpoint (phones) and at 2 above it (e.g. a 7rem thumbnail never needs more than 480
 * pixels). Wider files would be encoded for nobody; an attribute this cannot read keeps
 * every width.
 */
export function widestUseful(sizes: string): number {
  const entries = sizes.split(/,(?![^(]*\))/).map((e) => e.trim());
  let needed = 0;
  let smallest = Infinity;
  for (const e of entries) {
    const m = /^\(min-width:\s*([\d.]+)(rem|px)\)\s+(.+)$/.exec(e);
    if (m) {
      const at = Number(m[1]) * (m[2] === "rem" ? 16 : 1);
      smallest = Math.min(smallest, at);
      // Above a breakpoint the slot may grow with the viewport (vw): then keep everything.
      if (/vw/.test(m[3]!)) return WIDTHS.at(-1)!;
      needed = Math.max(needed, lengthPx(m[3]!, at) * 2);
    } else if (!e.startsWith("(")) {
      if (/vw/.test(e) && smallest === Infinity) return WIDTHS.at(-1)!;
      needed = Math.max(needed, lengthPx(e, smallest === Infinity ? 0 : smallest - 1) * 3);
    } else return WIDTHS.at(-1)!;
  }
  return WIDTHS.find((w) => w >= needed) ?? WIDTHS.at(-1)!;
}
