// The staff report's pure parts: when a medical review is due, the settings' defaults, and
// the lines `npm run check` prints.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { checkLines, isReviewDue, reviewDueOn, staffSettings, type StaffReport } from "../../lib/staff/report.ts";
import type { Page, Post, Provider } from "../../lib/model/model.ts";
import { toZoned } from "../../lib/model/time.ts";

const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

test("a review is due from the first moment of the same date, so many months later, in the practice's zone", () => {
  const table: [reviewed: string, months: number, now: string, due: boolean][] = [
    ["2025-03-14", 12, "2026-03-13T23:59:59", false],
    ["2025-03-14", 12, "2026-03-14T00:00:00", true],
    ["2025-03-14", 12, "2027-01-01T09:00:00", true],
    ["2025-03-14", 24, "2026-12-07T09:00:00", false],
    ["2025-03-14", 1, "2025-04-14T00:00:00", true],
    ["2026-01-31", 1, "2026-02-27T23:59:59", false], // Jan 31 + 1 month: Feb 28
    ["2026-01-31", 1, "2026-02-28T00:00:00", true],
    ["2024-02-29", 12, "2025-02-28T00:00:00", true], // a leap day: Feb 28 the next year
    ["2026-06-01T15:30", 6, "2026-12-01T00:00:00", true], // a review with a time: due that whole day
  ];
  for (const [reviewed, months, now, due] of table) {
    assert.equal(isReviewDue(toZoned(reviewed, ZONE).dt, at(now), months), due, `${reviewed} + ${months} months, at ${now}`);
  }
  // The build clock is UTC; 06:59 UTC on March 14, 2026 is still March 13 in Los Angeles (PDT, UTC−7).
  assert.equal(isReviewDue(toZoned("2025-03-14", ZONE).dt, DateTime.fromISO("2026-03-14T06:59:00Z", { zone: "utc" }), 12), false);
  assert.equal(isReviewDue(toZoned("2025-03-14", ZONE).dt, DateTime.fromISO("2026-03-14T07:00:00Z", { zone: "utc" }), 12), true);
  assert.equal(reviewDueOn(toZoned("2026-01-31", ZONE).dt, 1).toISODate(), "2026-02-28");
});

test("settings default to grade 8 and reviews every 12 months", () => {
  assert.deepEqual(staffSettings({}), { readingGrade: 8, reviewEveryMonths: 12 });
  assert.deepEqual(staffSettings({ readingGrade: 6, reviewEveryMonths: 24 }), { readingGrade: 6, reviewEveryMonths: 24 });
});

test("npm run check's lines: every post's grade, then one warning per post above the target and per review due", () => {
  const maya = { name: "Dr. Maya Okafor" } as Provider;
  const post = (file: string, status: Post["status"]) => ({ file, status }) as Post;
  const counts = { words: 100, sentences: 5, syllables: 140 };
  const report: StaffReport = {
    settings: { readingGrade: 8, reviewEveryMonths: 12 },
    now: at("2026-11-25T12:00:00"),
    reading: [
      { post: post("content/blog/a.md", "published"), level: { ...counts, formula: "flesch-kincaid", grade: 8 }, above: false },
      {
        post: post("content/blog/b.es.md", "draft"),
        level: { ...counts, formula: "fernandez-huerta", grade: 10.3, ease: 63.8, inflesz: { score: 59, band: "normal" } },
        above: true,
      },
      { post: post("content/blog/c.md", "scheduled"), level: { ...counts, words: 12, formula: "none", reason: "short" }, above: false },
      { post: post("content/blog/d.vi.md", "published"), level: { ...counts, formula: "none", reason: "language" }, above: false },
      { post: post("content/blog/e.md", "published"), level: { ...counts, formula: "flesch-kincaid", grade: 12.3 }, above: true },
    ],
    reviewsDue: [
      {
        item: { file: "content/pages/when-to-call.md", status: "published" } as Page,
        reviewedBy: maya,
        reviewed: toZoned("2025-03-14", ZONE),
        due: at("2026-03-14"),
      },
    ],
  };
  const { grades, warnings } = checkLines(report);
  assert.deepEqual(grades, [
    " 8.0  content/blog/a.md",
    "10.3  content/blog/b.es.md (draft): above 8",
    "   –  content/blog/c.md (scheduled): too short to measure (under 30 words)",
    "   –  content/blog/d.vi.md: no reading formula for this language",
    "12.3  content/blog/e.md: above 8",
  ]);
  assert.deepEqual(warnings, [
    "content/blog/b.es.md (draft): reading grade 10.3 (Fernández-Huerta) is above the practice's target of grade 8; shorter sentences and everyday words bring it down",
    "content/blog/e.md: reading grade 12.3 (Flesch–Kincaid) is above the practice's target of grade 8; shorter sentences and everyday words bring it down",
    "content/pages/when-to-call.md: reviewed: the medical review by Dr. Maya Okafor on 2025-03-14 was due again on 2026-03-14 (every 12 months); have it reviewed, then update reviewed",
  ]);
  assert.deepEqual(checkLines({ ...report, reading: [], reviewsDue: [] }), { grades: [], warnings: [] });
});
