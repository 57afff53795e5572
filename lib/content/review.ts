// Medical review on posts and pages: `reviewedBy` (a provider's slug, checked like
// `author`) and `reviewed` (the date), always given together so parents never see a
// reviewer without a date or a date without a reviewer.
import type { Lang } from "../i18n/index.ts";
import type { Provider } from "../model/model.ts";
import { toZoned, type ContentDate } from "../model/time.ts";
import type { Problem } from "./problems.ts";

export interface Review {
  reviewedBy?: Provider;
  reviewed?: ContentDate;
}

interface ReviewCtx {
  defaultLang: Lang;
  problems: Problem[];
  practice: { timezone: string };
}

/** The resolved review, or undefined after adding a problem (the file is then skipped). */
export function resolveReview(
  ctx: ReviewCtx,
  file: string,
  fm: { reviewedBy?: string; reviewed?: string },
  lang: Lang,
  providers: ReadonlyMap<string, Provider>,
): Review | undefined {
  if (!fm.reviewedBy && !fm.reviewed) return {};
  if (!fm.reviewed) {
    ctx.problems.push({ file, field: "reviewed", message: `give the date of the medical review too, e.g. reviewed: "2026-01-15"` });
    return undefined;
  }
  if (!fm.reviewedBy) {
    ctx.problems.push({ file, field: "reviewedBy", message: `give the reviewing provider too (a provider's file name, e.g. maya-okafor)` });
    return undefined;
  }
  const reviewedBy = providers.get(`${lang}:${fm.reviewedBy}`) ?? providers.get(`${ctx.defaultLang}:${fm.reviewedBy}`);
  if (!reviewedBy) {
    const known = [...new Set([...providers.values()].map((p) => p.key))].join(", ") || "none yet";
    ctx.problems.push({ file, field: "reviewedBy", message: `no provider with the slug "${fm.reviewedBy}" (known: ${known})` });
    return undefined;
  }
  return { reviewedBy, reviewed: toZoned(fm.reviewed, ctx.practice.timezone) };
}
