// Spanish by hand: no kept npm package splits Spanish syllables (the one published,
// silabea 1.0.0, ships its test tools as runtime dependencies), and the rules are
// regular enough to write down (Real Academia Española, Ortografía 2010, §4.1):
// - a syllable has one vowel nucleus; a, e, o are "strong", i, u (and ü) "weak";
// - a weak vowel next to another vowel joins it (diphthong: "cie-lo", "ciu-dad";
//   triphthong: "buey"), unless it carries the accent (í, ú), which makes it strong
//   ("dí-a", "ba-úl");
// - two strong vowels side by side are two syllables (hiatus: "le-er", "po-e-ta");
// - u is silent in que, qui, gue, gui ("que-so", "gui-so"), not when written ü ("pin-güi-no");
// - y is a vowel at the end of a word or before a consonant ("hoy", "muy", "y"), a consonant
//   before a vowel ("ya", "re-yes").
// So a word has as many syllables as strong vowels in each run of vowels, and a run of
// weak vowels alone ("ui" in "cui-da") is one. h between vowels is read as a consonant here:
// "pro-hi-bir" comes out right, "ahu-mar" one too many (rare in health writing).

const STRONG = new Set(["a", "e", "o", "á", "é", "ó", "í", "ú"]);
const WEAK = new Set(["i", "u", "ü", "y"]);

/** Syllables in one Spanish word (at least 1). */
export function spanishSyllables(word: string): number {
  const w = word
    .toLowerCase()
    .normalize("NFC")
    // Silent u: "que", "qui", "gue", "gui" (with or without an accent on the e or i).
    .replace(/([qg])u(?=[eiéí])/g, "$1");
  let count = 0;
  let strong = 0;
  let inRun = false;
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const vowel = STRONG.has(c) || (WEAK.has(c) && (c !== "y" || !isVowel(w[i + 1])));
    if (vowel) {
      inRun = true;
      if (STRONG.has(c)) strong++;
      continue;
    }
    if (inRun) count += Math.max(1, strong);
    inRun = false;
    strong = 0;
  }
  if (inRun) count += Math.max(1, strong);
  return Math.max(1, count);
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && (STRONG.has(c) || (WEAK.has(c) && c !== "y"));
}

/**
 * Fernández-Huerta (1959) reading ease, as corrected by Law (2011): the published formula
 * multiplied by sentences per 100 words where Flesch's, which it adapts, has words per
 * sentence. 206.84 − 60 × syllables/word − 1.02 × words/sentence; 100 is very easy.
 */
export function fernandezHuerta(c: { words: number; sentences: number; syllables: number }): number {
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

/** Szigriszt-Pazos (1993) perspicuity, the score the INFLESZ scale reads: 206.835 − 62.3 × syllables/word − words/sentence. */
export function szigrisztPazos(c: { words: number; sentences: number; syllables: number }): number {
  return 206.835 - 62.3 * (c.syllables / c.words) - c.words / c.sentences;
}

export type InfleszBand = "muy difícil" | "algo difícil" | "normal" | "bastante fácil" | "muy fácil";

/** The INFLESZ scale (Barrio-Cantalejo et al., 2008): health information should score 55 ("normal") or more. */
export function infleszBand(score: number): InfleszBand {
  if (score < 40) return "muy difícil";
  if (score < 55) return "algo difícil";
  if (score < 65) return "normal";
  if (score <= 80) return "bastante fácil";
  return "muy fácil";
}

/**
 * A Flesch-scale reading ease (Fernández-Huerta's is one: same range, same meaning) as a
 * US school grade, so Spanish posts are held to the same target as English ones. Flesch's
 * own table (1949), which Fernández-Huerta kept for Spanish, gives a grade per band of
 * ten points: 90–100 grade 5, 80–90 grade 6, 70–80 grade 7, 60–70 grades 8–9,
 * 50–60 grades 10–12, 30–50 college (13–16), 0–30 college graduate. A grade of n here,
 * as in Flesch–Kincaid, spans n.0 to n.9, so each band's easy end is the start of its first
 * grade and its hard end the start of the grade after its last (70 → 8.0, 60 → 10.0), and the
 * grade runs straight through the band in between (75 → 7.5, 65 → 9.0).
 */
const EASE_TO_GRADE: readonly (readonly [ease: number, grade: number])[] = [
  [100, 5],
  [90, 6],
  [80, 7],
  [70, 8],
  [60, 10],
  [50, 13],
  [30, 17],
  [0, 18],
];

export function easeToGrade(ease: number): number {
  const first = EASE_TO_GRADE[0]!;
  const last = EASE_TO_GRADE[EASE_TO_GRADE.length - 1]!;
  // Beyond the table: one grade per ten points, never below grade 1 or above 18.
  if (ease >= first[0]) return Math.max(1, first[1] - (ease - first[0]) / 10);
  if (ease <= last[0]) return last[1];
  for (let i = 1; i < EASE_TO_GRADE.length; i++) {
    const [hiEase, hiGrade] = EASE_TO_GRADE[i - 1]!;
    const [loEase, loGrade] = EASE_TO_GRADE[i]!;
    if (ease >= loEase) return hiGrade + ((hiEase - ease) / (hiEase - loEase)) * (loGrade - hiGrade);
  }
  return last[1];
}
