// Large text as a parent sets it: Chromium's text zoom can't be scripted, so the root font
// size stands in for it (every size in site.css is rem or em, so this is honest). Set through
// the CSSOM, which the pages' Content-Security-Policy allows, as soon as <html> exists.
// A string, not a function: tsx's compiled functions name helpers the page doesn't have.
export const textSizeScript = (size: string): string => `(() => {
  const set = () => document.documentElement.style.setProperty("font-size", ${JSON.stringify(size)}, "important");
  if (document.documentElement) set();
  else new MutationObserver((_, o) => { if (document.documentElement) { set(); o.disconnect(); } }).observe(document, { childList: true });
})();`;
