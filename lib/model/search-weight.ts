// Search ranking. Two levers, both Pagefind's own:
// - data-pagefind-weight: the page a worried parent needs first (the when-to-call page
//   the sick-child strip links to) has its whole body weighted up;
// - searchTerms (front matter) become a "terms" meta field that the search page's
//   ranking weights highly, so "fever" finds when-to-call before the fever blog post
//   whose title says "fever" (Pagefind caps element weights at 10; a title match wins).
import type { Page } from "./model.ts";

/** Pagefind weight for a page's whole body (Pagefind's default for body text is 1, max 10). */
export const PAGE_SEARCH_WEIGHTS: Readonly<Record<string, number>> = {
  "when-to-call": 10,
};

/** The meta field searchTerms go into; lib/public/js/search.js weights it (TERMS_WEIGHT there). */
export const TERMS_META = "terms";

export function searchWeight(page: Pick<Page, "key">): string | undefined {
  const w = PAGE_SEARCH_WEIGHTS[page.key];
  return w === undefined ? undefined : String(w);
}

/** `data-pagefind-meta` value; commas and colons separate Pagefind meta fields, so they go. */
export function searchTermsMeta(page: Pick<Page, "searchTerms">): string | undefined {
  const terms = (page.searchTerms ?? []).map((s) => s.replace(/[,:]/g, " ").replace(/\s+/g, " ").trim()).filter(Boolean);
  return terms.length ? `${TERMS_META}:${terms.join(" ")}` : undefined;
}
