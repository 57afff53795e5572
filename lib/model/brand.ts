// The practice's colours: one brand colour (and an optional accent) in practice.yaml become
// the whole palette the stylesheet uses. Every text/background pair the palette produces
// is checked against WCAG 2.1 AA (4.5:1 for text); a colour that fails is refused with the
// nearest shade that passes, so a brand never costs a parent the ability to read the page.
// The dark scheme (prefers-color-scheme: dark) is derived from the same colour: a page and
// card tinted with the brand, and brand text and fills lightened until each pair passes.

export interface Palette {
  brand: string;
  brandDark: string;
  brandSoft: string;
  strip: string;
  accent: string;
  deep: string;
  deepText: string;
  deepLink: string;
  deepMuted: string;
  dark: DarkPalette;
}

/** The dark scheme: the same roles, for text that is light on dark backgrounds. */
export interface DarkPalette {
  bg: string;
  card: string;
  line: string;
  ink: string;
  muted: string;
  /** Hover backgrounds, tags, table heads. */
  brandSoft: string;
  /** Brand-coloured text (links), and the hover fill of buttons. */
  brandDark: string;
  /** Buttons and the current menu item, with `onFill` text. */
  fill: string;
  onFill: string;
  accent: string;
}

/** The palette the stylesheet ships with (lib/public/css/site.css :root). */
export const DEFAULT_BRAND = "#0b6e69";
export const DEFAULT_ACCENT = "#b4451f";

/** WCAG 2.1 AA for normal text. */
export const AA = 4.5;

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (c: Rgb) =>
  `#${c
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/** Mixes `c` with `with` (t = 0: c, 1: with). */
const mix = (c: Rgb, withColor: Rgb, t: number): Rgb => c.map((v, i) => v + (withColor[i]! - v) * t) as Rgb;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const INK: Rgb = [12, 22, 28];
/** The darkest shade the dark scheme's page is mixed toward. */
const NIGHT: Rgb = [13, 18, 22];
const GREY: Rgb = [128, 128, 128];

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)!), luminance(parseHex(b)!)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `c` mixed toward `toward` from `from` on, in 1 % steps, until it reaches `ratio` against every background. */
function until(c: Rgb, toward: Rgb, backgrounds: readonly string[], from: number, ratio = AA): string {
  for (let step = Math.round(from * 100); step <= 100; step++) {
    const candidate = toHex(mix(c, toward, step / 100));
    if (backgrounds.every((bg) => contrast(candidate, bg) >= ratio)) return candidate;
  }
  return toHex(toward);
}

export function deriveDark(brand: string, accent = DEFAULT_ACCENT): DarkPalette {
  const c = parseHex(brand)!;
  // A little white in each raised surface, so cards stand out from the page even for a black brand.
  const bg = toHex(mix(c, NIGHT, 0.9));
  const card = toHex(mix(mix(c, NIGHT, 0.82), WHITE, 0.03));
  const brandSoft = toHex(mix(mix(c, NIGHT, 0.64), WHITE, 0.06));
  const surfaces = [bg, card, brandSoft];
  const fill = until(c, WHITE, [bg], 0.45);
  return {
    bg,
    card,
    line: toHex(mix(parseHex(card)!, WHITE, 0.16)),
    ink: until(c, WHITE, surfaces, 0.9, 7),
    // Secondary text: the brand greyed, so it never reads as a link.
    muted: until(mix(c, GREY, 0.65), WHITE, surfaces, 0.3, 6),
    brandSoft,
    brandDark: until(c, WHITE, surfaces, 0.45, 7),
    fill,
    onFill: bg,
    accent: until(parseHex(accent)!, WHITE, [bg, card], 0.3),
  };
}

export function derivePalette(brand: string, accent = DEFAULT_ACCENT): Palette {
  const c = parseHex(brand)!;
  return {
    brand: toHex(c),
    brandDark: toHex(mix(c, BLACK, 0.25)),
    brandSoft: toHex(mix(c, WHITE, 0.88)),
    strip: toHex(mix(c, INK, 0.7)),
    accent: toHex(parseHex(accent)!),
    deep: toHex(mix(c, INK, 0.82)),
    deepText: toHex(mix(c, WHITE, 0.92)),
    deepLink: toHex(mix(c, WHITE, 0.75)),
    deepMuted: toHex(mix(c, WHITE, 0.7)),
    dark: deriveDark(brand, accent),
  };
}

/** Every text/background pair the stylesheet draws with the palette. */
export function pairs(p: Palette): { what: string; fg: string; bg: string }[] {
  return [
    { what: "white text on the brand colour (buttons)", fg: "#ffffff", bg: p.brand },
    { what: "brand-coloured links on the page", fg: p.brand, bg: "#f5f8f7" },
    { what: "brand-coloured links on cards", fg: p.brand, bg: "#ffffff" },
    { what: "dark brand text on the soft brand background", fg: p.brandDark, bg: p.brandSoft },
    { what: "white text on the dark brand colour", fg: "#ffffff", bg: p.brandDark },
    { what: "white text on the urgent-help strip", fg: "#ffffff", bg: p.strip },
    { what: "yellow links on the urgent-help strip", fg: "#ffe3a3", bg: p.strip },
    { what: "footer text", fg: p.deepText, bg: p.deep },
    { what: "footer links", fg: p.deepLink, bg: p.deep },
    { what: "the footer's small print", fg: p.deepMuted, bg: p.deep },
    { what: "accent text on the page", fg: p.accent, bg: "#f5f8f7" },
    { what: "accent text on cards", fg: p.accent, bg: "#ffffff" },
    { what: "text on the dark page", fg: p.dark.ink, bg: p.dark.bg },
    { what: "text on dark cards", fg: p.dark.ink, bg: p.dark.card },
    { what: "text on the dark soft brand background (table heads, menu hover)", fg: p.dark.ink, bg: p.dark.brandSoft },
    { what: "secondary text on the dark page", fg: p.dark.muted, bg: p.dark.bg },
    { what: "secondary text on dark cards", fg: p.dark.muted, bg: p.dark.card },
    { what: "brand-coloured links on the dark page", fg: p.dark.brandDark, bg: p.dark.bg },
    { what: "brand-coloured links on dark cards", fg: p.dark.brandDark, bg: p.dark.card },
    { what: "brand text on the dark soft brand background (tags)", fg: p.dark.brandDark, bg: p.dark.brandSoft },
    { what: "dark text on the light brand fill (dark-scheme buttons)", fg: p.dark.onFill, bg: p.dark.fill },
    { what: "dark text on the hovered dark-scheme button", fg: p.dark.onFill, bg: p.dark.brandDark },
    { what: "accent text on the dark page", fg: p.dark.accent, bg: p.dark.bg },
    { what: "accent text on dark cards", fg: p.dark.accent, bg: p.dark.card },
  ];
}

export function failures(p: Palette): string[] {
  return pairs(p)
    .map((x) => ({ ...x, ratio: contrast(x.fg, x.bg) }))
    .filter((x) => x.ratio < AA)
    .map((x) => `${x.what} has a contrast of ${x.ratio.toFixed(1)}:1 (WCAG AA needs ${AA}:1)`);
}

/** The nearest shade of `hex` (same hue, darker or lighter) for which `passes` holds, if any. */
export function nearestPassing(hex: string, passes: (candidate: string) => boolean): string | undefined {
  const c = parseHex(hex)!;
  for (let step = 1; step <= 100; step++) {
    for (const toward of [BLACK, WHITE]) {
      const candidate = toHex(mix(c, toward, step / 100));
      if (passes(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Why the brand settings cannot be used, field by field; empty when they can. */
export function brandProblems(brand: { color?: string; accent?: string }): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const primaryFails = brand.color ? failures(derivePalette(brand.color)).filter((f) => !f.startsWith("accent")) : [];
  if (brand.color && primaryFails.length) {
    const near = nearestPassing(brand.color, (c) => failures(derivePalette(c)).every((f) => f.startsWith("accent")));
    out.push({
      field: "brand.color",
      message: `${JSON.stringify(brand.color)} can't be read on the page: ${primaryFails[0]}${near ? `; the nearest shade that passes is ${JSON.stringify(near)}` : ""}`,
    });
  }
  if (brand.accent) {
    const accentFails = failures(derivePalette(DEFAULT_BRAND, brand.accent)).filter((f) => f.startsWith("accent"));
    if (accentFails.length) {
      const near = nearestPassing(brand.accent, (c) => failures(derivePalette(DEFAULT_BRAND, c)).every((f) => !f.startsWith("accent")));
      out.push({
        field: "brand.accent",
        message: `${JSON.stringify(brand.accent)} can't be read on the page: ${accentFails[0]}${near ? `; the nearest shade that passes is ${JSON.stringify(near)}` : ""}`,
      });
    }
  }
  return out;
}

/** The custom properties that put the palette into the stylesheet (appended to it at build time). */
export function paletteCss(p: Palette): string {
  return `:root{--brand:${p.brand};--brand-dark:${p.brandDark};--brand-soft:${p.brandSoft};--strip:${p.strip};--accent:${p.accent};--deep:${p.deep};--deep-text:${p.deepText};--deep-link:${p.deepLink};--deep-muted:${p.deepMuted}}\n${darkCss(p.dark)}`;
}

/** The dark scheme's custom properties (the stylesheet's own block for the default brand has the same shape). */
export function darkCss(d: DarkPalette): string {
  return `@media (prefers-color-scheme:dark){:root{${darkVars(d)
    .map(([k, v]) => `${k}:${v}`)
    .join(";")}}}\n`;
}

export function darkVars(d: DarkPalette): [string, string][] {
  return [
    ["--bg", d.bg],
    ["--card", d.card],
    ["--line", d.line],
    ["--ink", d.ink],
    ["--muted", d.muted],
    ["--brand-soft", d.brandSoft],
    ["--brand-dark", d.brandDark],
    ["--fill", d.fill],
    ["--on-fill", d.onFill],
    ["--accent", d.accent],
  ];
}
