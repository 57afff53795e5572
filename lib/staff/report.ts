// What staff are told about the content itself, beyond problems: each post's reading grade
// against the practice's target, and medical reviews that have gone stale. Read from a
// preview-mode site (drafts included, reading levels measured), shown by `npm run check`
// and on the preview's staff page (./page.ts); never part of a production build.
// Nothing here stops a build: these are warnings.
import type { DateTime } from "luxon";
import type { Page, Post, Provider, Site } from "../model/model.ts";
import type { ContentDate } from "../model/time.ts";
import { aboveTarget, DEFAULT_READING_GRADE, MIN_WORDS, type ReadingLevel } from "../readability/index.ts";

export const DEFAULT_REVIEW_MONTHS = 12;

export interface StaffSettings {
  /** practice.yaml `readingGrade`: the highest grade posts should be written at. */
  readingGrade: number;
  /** practice.yaml `reviewEveryMonths`: how old a medical review may get. */
  reviewEveryMonths: number;
}

export function staffSettings(practice: { readingGrade?: number; reviewEveryMonths?: number }): StaffSettings {
  return {
    readingGrade: practice.readingGrade ?? DEFAULT_READING_GRADE,
    reviewEveryMonths: practice.reviewEveryMonths ?? DEFAULT_REVIEW_MONTHS,
  };
}

/** The day a review made on `reviewed` is due again: the same date, `months` later (Jan 31 + 1 month: Feb 28). */
export function reviewDueOn(reviewed: DateTime, months: number): DateTime {
  return reviewed.plus({ months });
}

/** Due from the first moment of the due date, in the practice's zone (the review date's own). */
export function isReviewDue(reviewed: DateTime, now: DateTime, months: number): boolean {
  return now >= reviewDueOn(reviewed, months).startOf("day");
}

export interface ReadingRow {
  post: Post;
  level: ReadingLevel;
  above: boolean;
}

export interface ReviewRow {
  item: Post | Page;
  reviewedBy: Provider;
  reviewed: ContentDate;
  due: DateTime;
}

export interface StaffReport {
  settings: StaffSettings;
  now: DateTime;
  /** Every post, in file order. */
  reading: readonly ReadingRow[];
  /** Posts and pages whose medical review is due, most overdue first. */
  reviewsDue: readonly ReviewRow[];
}

/** Every post and page once (a language's lists can hold another language's items). */
function itemsOf(site: Site): { posts: Post[]; pages: Page[] } {
  const posts = new Map<string, Post>();
  const pages = new Map<string, Page>();
  for (const lang of site.langs) {
    for (const p of site.byLang[lang]?.posts ?? []) posts.set(p.file, p);
    for (const p of site.byLang[lang]?.pages ?? []) pages.set(p.file, p);
  }
  const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { posts: [...posts.values()].sort(byFile), pages: [...pages.values()].sort(byFile) };
}

export function staffReport(site: Site): StaffReport {
  const settings = staffSettings(site.practice);
  const { posts, pages } = itemsOf(site);
  const reading = posts.flatMap((post) =>
    post.reading ? [{ post, level: post.reading, above: aboveTarget(post.reading, settings.readingGrade) }] : [],
  );
  const reviewsDue: ReviewRow[] = [];
  for (const item of [...posts, ...pages]) {
    if (!item.reviewed || !item.reviewedBy) continue;
    if (!isReviewDue(item.reviewed.dt, site.now, settings.reviewEveryMonths)) continue;
    reviewsDue.push({
      item,
      reviewedBy: item.reviewedBy,
      reviewed: item.reviewed,
      due: reviewDueOn(item.reviewed.dt, settings.reviewEveryMonths),
    });
  }
  reviewsDue.sort((a, b) => a.due.toMillis() - b.due.toMillis() || (a.item.file < b.item.file ? -1 : 1));
  return { settings, now: site.now, reading, reviewsDue };
}

/** "Flesch–Kincaid", "Fernández-Huerta", for people. */
export function formulaName(level: ReadingLevel): string {
  return level.formula === "flesch-kincaid" ? "Flesch–Kincaid" : level.formula === "fernandez-huerta" ? "Fernández-Huerta" : "";
}

/** Why a post has no grade, for people. */
export function noGradeReason(level: ReadingLevel & { formula: "none" }): string {
  return level.reason === "short" ? `too short to measure (under ${MIN_WORDS} words)` : "no reading formula for this language";
}

const statusNote = (item: Post | Page) => (item.status === "published" ? "" : ` (${item.status})`);

/** The lines `npm run check` prints: every post's grade, then the warnings, each naming its file. */
export function checkLines(report: StaffReport): { grades: string[]; warnings: string[] } {
  const { readingGrade, reviewEveryMonths } = report.settings;
  const grades = report.reading.map(({ post, level, above }) => {
    const shown = level.formula === "none" ? "   –" : level.grade.toFixed(1).padStart(4);
    const note = level.formula === "none" ? `: ${noGradeReason(level)}` : above ? `: above ${readingGrade}` : "";
    return `${shown}  ${post.file}${statusNote(post)}${note}`;
  });
  const warnings: string[] = [];
  for (const { post, level, above } of report.reading) {
    if (!above || level.formula === "none") continue;
    warnings.push(
      `${post.file}${statusNote(post)}: reading grade ${level.grade.toFixed(1)} (${formulaName(level)}) is above the practice's target of grade ${readingGrade}; shorter sentences and everyday words bring it down`,
    );
  }
  for (const r of report.reviewsDue) {
    warnings.push(
      `${r.item.file}${statusNote(r.item)}: reviewed: the medical review by ${r.reviewedBy.name} on ${r.reviewed.dt.toISODate()} was due again on ${r.due.toISODate()} (every ${reviewEveryMonths} months); have it reviewed, then update reviewed`,
    );
  }
  return { grades, warnings };
}
