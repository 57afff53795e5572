// Large text as a parent sets it: Chromium's text zoom can't be scripted, so the root font
// size stands in for it (every size in site.css is rem or em, so this is honest). Set through
// the CSSOM, which the pages' Content-Security-Policy allows, as soon as <html> exists.
// A string, not a function: tsx's compiled functions name helpers the page doesn't have.
export const textSizeScript = (size: string): string => `(() => {
  const set = () => document.documentElement.style.setProperty("font-size", ${JSON.stringify(size)}, "important");
  if (document.documentElement) set();
  else new MutationObserver((_, o) => { if (document.documentElement) { set(); o.disconnect(); } }).observe(document, { childList: true });
})();`;

/**
 * The same large text with JavaScript off (an init script needs it): the site's own
 * stylesheet, as the browser fetches it, ends with the root font size.
 */
export async function largeTextWithoutScript(context: import("playwright-core").BrowserContext, size: string): Promise<void> {
  await context.route(/\.css(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n:root{font-size:${size}!important}` });
  });
}
