// A post's reading level as a US school grade, so staff can keep health writing at the
// grade the practice chose (practice.yaml `readingGrade`, grade 8 unless set), which is what
// health-literacy guidance asks of patient materials.
// - English: Flesch–Kincaid grade level (the `flesch-kincaid` package), syllables counted
//   by the `syllable` package.
// - Spanish: Fernández-Huerta reading ease, computed here (lib/readability/spanish.ts, with
//   its syllable count), mapped to a grade through Flesch's table; the Szigriszt-Pazos score
//   and its INFLESZ band are given beside it, as Spanish health writing is often judged by them.
// - Other languages: no grade (no formula for them here).
// What is measured (body prose only, no code, addresses, alt text or numbers): ./text.ts.
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import type { Lang } from "../i18n/index.ts";
import type { KeptWhileUsed } from "../build/cache.ts";
import { easeToGrade, fernandezHuerta, infleszBand, spanishSyllables, szigrisztPazos, type InfleszBand } from "./spanish.ts";
import { sentences, type Sentences } from "./text.ts";

/** Fewer words than this give a grade that says nothing (one short sentence can be grade 12). */
export const MIN_WORDS = 30;

export const DEFAULT_READING_GRADE = 8;

export interface Counts {
  words: number;
  sentences: number;
  syllables: number;
}

export type ReadingLevel = Counts &
  (
    | { formula: "flesch-kincaid"; grade: number }
    | {
        formula: "fernandez-huerta";
        grade: number;
        /** Fernández-Huerta ease (0–100, higher is easier). */ ease: number;
        inflesz: { score: number; band: InfleszBand };
      }
    | { formula: "none"; /** Too short to measure, or a language without a formula. */ reason: "short" | "language" }
  );

const SYLLABLES: Readonly<Record<string, (word: string) => number>> = {
  // `syllable` counts 0 for a word it cannot read (a lone consonant, an initialism); a word is at least one.
  en: memo((w) => Math.max(1, syllable(w))),
  es: memo(spanishSyllables),
};

/** Words repeat a lot: a site of a thousand posts has far fewer distinct words than words. */
function memo(count: (word: string) => number): (word: string) => number {
  const seen = new Map<string, number>();
  return (word) => {
    const key = word.toLowerCase();
    let n = seen.get(key);
    if (n === undefined) {
      if (seen.size > 100_000) seen.clear();
      seen.set(key, (n = count(key)));
    }
    return n;
  };
}

export function countText(text: Sentences, lang: Lang): Counts | undefined {
  const perWord = SYLLABLES[lang];
  if (!perWord) return undefined;
  let words = 0;
  let syllables = 0;
  for (const sentence of text) {
    words += sentence.length;
    for (const word of sentence) syllables += perWord(word);
  }
  return { words, sentences: text.length, syllables };
}

/** Grades to one decimal: a finer figure would claim more than the formulas know. */
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The grade from counts (pure: the tests give counts straight from published examples). */
export function gradeFromCounts(counts: Counts, lang: Lang): ReadingLevel {
  if (lang !== "en" && lang !== "es") return { ...counts, formula: "none", reason: "language" };
  if (counts.words < MIN_WORDS || counts.sentences === 0) return { ...counts, formula: "none", reason: "short" };
  if (lang === "en") {
    const fk = fleschKincaid({ word: counts.words, sentence: counts.sentences, syllable: counts.syllables });
    return { ...counts, formula: "flesch-kincaid", grade: round1(Math.max(0, fk)) };
  }
  const ease = fernandezHuerta(counts);
  const sp = szigrisztPazos(counts);
  return {
    ...counts,
    formula: "fernandez-huerta",
    grade: round1(easeToGrade(ease)),
    ease: round1(ease),
    inflesz: { score: round1(sp), band: infleszBand(sp) },
  };
}

/** The reading level of a Markdown body (without its front matter) in the given language. */
export function readingLevel(markdown: string, lang: Lang): ReadingLevel {
  const counts = countText(sentences(markdown, lang), lang);
  return counts ? gradeFromCounts(counts, lang) : { words: 0, sentences: 0, syllables: 0, formula: "none", reason: "language" };
}

/** Levels measured by a build session: the preview rebuilds on every save, and a file's level is measured again only when its text changed. */
export type ReadingLevelCache = KeptWhileUsed<string, { source: string; lang: Lang; level: ReadingLevel }>;

/** readingLevel(), remembered in `cache` per file (key: its path) while its text and language stay the same. */
export function readingLevelOf(key: string, markdown: string, lang: Lang, cache: ReadingLevelCache): ReadingLevel {
  const hit = cache.get(key);
  if (hit && hit.source === markdown && hit.lang === lang) return hit.level;
  const level = readingLevel(markdown, lang);
  cache.set(key, { source: markdown, lang, level });
  return level;
}

/** Whether a measured grade is above the target (to the decimal shown: 8.1 is above 8). */
export function aboveTarget(level: ReadingLevel, target: number): boolean {
  return level.formula !== "none" && level.grade > target;
}
