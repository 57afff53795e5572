// Search ranking: the page a worried parent needs first outranks everything else that
// mentions the same words. "when-to-call" is the page the sick-child strip links to on
// every page; a search for "fever" should land there before the fever blog post.
import type { Page } from "../model.ts";

/** Pagefind weight for a page's whole body (Pagefind's default for body text is 1). */
export const PAGE_SEARCH_WEIGHTS: Readonly<Record<string, number>> = {
  "when-to-call": 10,
};

export function searchWeight(page: Pick<Page, "key">): string | undefined {
  const w = PAGE_SEARCH_WEIGHTS[page.key];
  return w === undefined ? undefined : String(w);
}
