// Where the build publishes the files every page links to: the icons and manifest
// (lib/outputs/icons.ts draws them) and the default social card (lib/outputs/social-card.ts).
// Plain values here, so the layouts link to them without loading the writers (and sharp).

export const ICONS = {
  svg: "/favicon.svg",
  png192: "/icon-192.png",
  png512: "/icon-512.png",
  apple: "/apple-touch-icon.png",
  manifest: "/manifest.webmanifest",
} as const;

/** The default social card shown when a page is shared: a 1200×630 PNG. */
export const CARD = { width: 1200, height: 630, path: "/assets/social-card.png" } as const;
