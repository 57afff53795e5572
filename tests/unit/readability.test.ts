// Reading level: what is measured (prose only), how Spanish syllables are counted, and the
// formulas, each checked against counts worked out by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { proseBlocks, sentences, sentencesOf } from "../../lib/readability/text.ts";
import { easeToGrade, fernandezHuerta, infleszBand, spanishSyllables, szigrisztPazos } from "../../lib/readability/spanish.ts";
import {
  aboveTarget,
  gradeFromCounts,
  MIN_WORDS,
  readingLevel,
  readingLevelOf,
  type ReadingLevel,
  type ReadingLevelCache,
} from "../../lib/readability/index.ts";
import { KeptWhileUsed } from "../../lib/build/cache.ts";

test("Spanish syllables follow the RAE's rules: diphthongs, hiatus, silent u, y as a vowel", () => {
  const table: [string, number][] = [
    ["perro", 2],
    ["ciudad", 2], // iu: two weak vowels, one syllable
    ["cielo", 2], // ie: diphthong
    ["día", 2], // í: accented weak vowel, hiatus
    ["baúl", 2],
    ["leer", 2], // two strong vowels: hiatus
    ["poeta", 3],
    ["aéreo", 4],
    ["océano", 4],
    ["queso", 2], // silent u in que
    ["guiso", 2], // and in gui
    ["guion", 1], // monosyllable since 2010
    ["pingüino", 3], // ü is read
    ["vergüenza", 3],
    ["averiguáis", 4], // triphthong uái
    ["buey", 1], // y at the end: a vowel
    ["hoy", 1],
    ["muy", 1],
    ["y", 1],
    ["reyes", 2], // y before a vowel: a consonant
    ["ya", 1],
    ["construcción", 3],
    ["psicología", 5],
    ["Llámenos", 3], // capitals as lower case
    ["enseguida", 4],
    ["Sr", 1], // no vowel: still one
  ];
  for (const [word, n] of table) assert.equal(spanishSyllables(word), n, word);
});

test("Fernández-Huerta (Law's correction) and Szigriszt-Pazos from counts", () => {
  // 100 words, 10 sentences, 200 syllables: 206.84 − 60 × 2 − 1.02 × 10; 206.835 − 62.3 × 2 − 10.
  const c = { words: 100, sentences: 10, syllables: 200 };
  assert.equal(fernandezHuerta(c).toFixed(2), "76.64");
  assert.equal(szigrisztPazos(c).toFixed(3), "72.235");
});

test("INFLESZ bands at their edges", () => {
  const table: [number, string][] = [
    [-5, "muy difícil"],
    [39.9, "muy difícil"],
    [40, "algo difícil"],
    [54.9, "algo difícil"],
    [55, "normal"],
    [64.9, "normal"],
    [65, "bastante fácil"],
    [80, "bastante fácil"],
    [80.1, "muy fácil"],
    [120, "muy fácil"],
  ];
  for (const [score, band] of table) assert.equal(infleszBand(score), band, String(score));
});

test("a Flesch-scale ease reads as a US grade through Flesch's table, straight through each band", () => {
  const table: [number, number][] = [
    [200, 1], // never below grade 1
    [110, 4], // above 100: a grade per ten points
    [100, 5],
    [95, 5.5],
    [90, 6],
    [85, 6.5],
    [80, 7],
    [75, 7.5],
    [70, 8], // the start of "8th to 9th grade"
    [65, 9],
    [60, 10],
    [55, 11.5],
    [50, 13],
    [40, 15],
    [30, 17],
    [15, 17.5],
    [0, 18],
    [-40, 18],
  ];
  for (const [ease, grade] of table) assert.equal(Number(easeToGrade(ease).toFixed(6)), grade, String(ease));
});

test("only prose is measured: no code, raw HTML, alt text, addresses or practice facts", () => {
  const md = [
    "# Flu shots are here",
    "",
    "Visit https://example.org/flu or www.example.org, write to office@example.org, see <https://x.example> and [our hours](/hours/).",
    "",
    "![A nurse giving a shot](nurse.jpg) Call [[phone]] today.",
    "",
    "Use `npm run build` here.",
    "",
    "```",
    "Not prose at all.",
    "```",
    "",
    "<div>Raw markup here.</div>",
    "",
    "- Bring the card",
    "- Wear short sleeves",
    "",
    "| Day | Time |",
    "|---|---|",
    "| Saturday | mornings |",
  ].join("\n");
  assert.deepEqual(proseBlocks(md), [
    "Flu shots are here",
    "Visit https://example.org/flu or www.example.org, write to office@example.org, see  and our hours.",
    "Call [[phone]] today.",
    "Use  here.",
    "Bring the card",
    "Wear short sleeves",
    "Day",
    "Time",
    "Saturday",
    "mornings",
  ]);
  assert.deepEqual(sentences(md, "en"), [
    ["Flu", "shots", "are", "here"],
    ["Visit", "or", "write", "to", "see", "and", "our", "hours"],
    ["Call", "today"],
    ["Use", "here"],
    ["Bring", "the", "card"],
    ["Wear", "short", "sleeves"],
    ["Day"],
    ["Time"],
    ["Saturday"],
    ["mornings"],
  ]);
});

test("sentences end at . ! ? … but not after an abbreviation, an initial or inside a number", () => {
  const table: [string, string, string[][]][] = [
    [
      "Call Dr. Okafor. She can help!",
      "en",
      [
        ["Call", "Dr", "Okafor"],
        ["She", "can", "help"],
      ],
    ],
    ["Is it flu? Maybe… Rest now.", "en", [["Is", "it", "flu"], ["Maybe"], ["Rest", "now"]]],
    ["Maya S. Okafor said so.", "en", [["Maya", "S", "Okafor", "said", "so"]]],
    [
      "A fever is 100.4°F or more. Call us.",
      "en",
      [
        ["A", "fever", "is", "or", "more"],
        ["Call", "us"],
      ],
    ],
    [
      'He said "stop." Then he left.',
      "en",
      [
        ["He", "said", "stop"],
        ["Then", "he", "left"],
      ],
    ],
    ["Open at 8 a.m. every day, e.g. Monday.", "en", [["Open", "at", "a", "m", "every", "day", "e", "g", "Monday"]]],
    ["Abrimos a las 8 p. m. con la Dra. Reyes. ¿Viene?", "es", [["Abrimos", "a", "las", "p", "m", "con", "la", "Dra", "Reyes"], ["Viene"]]],
    ["Take 2nd dose, not an mp3.", "en", [["Take", "dose", "not", "an"]]],
    ["COVID-19 shots and well-known tips", "en", [["COVID", "shots", "and", "well-known", "tips"]]],
    ["... !", "en", []],
  ];
  for (const [text, lang, want] of table) assert.deepEqual(sentencesOf(text, lang), want, text);
});

const EN =
  "Give your child plenty of water. Most colds get better in a week or two. Call us if the fever lasts more than three days. Honey can calm a cough in kids over one year old. Never give honey to a baby.";
const ES =
  "La fiebre es una señal de que el cuerpo combate una infección. Ofrézcale muchos líquidos y deje que descanse. Llámenos si la fiebre dura más de tres días. Si su bebé tiene menos de tres meses, llámenos enseguida.";

test("English: Flesch–Kincaid grade from the body, counted by hand", () => {
  // Syllables per sentence: 8, 10, 11, 13, 9 = 51 in 42 words, 5 sentences:
  // 0.39 × 42/5 + 11.8 × 51/42 − 15.59 = 2.015
  assert.deepEqual(readingLevel(EN, "en"), { words: 42, sentences: 5, syllables: 51, formula: "flesch-kincaid", grade: 2 });
});

test("Spanish: Fernández-Huerta ease as a grade, with the INFLESZ score beside it, counted by hand", () => {
  // Syllables per sentence: 21, 16, 14, 19 = 70 in 38 words, 4 sentences.
  // Ease 206.84 − 60 × 70/38 − 1.02 × 38/4 = 86.62 → grade 6 + (90 − 86.62)/10 = 6.34;
  // Szigriszt-Pazos 206.835 − 62.3 × 70/38 − 38/4 = 82.57: "muy fácil".
  assert.deepEqual(readingLevel(ES, "es"), {
    words: 38,
    sentences: 4,
    syllables: 70,
    formula: "fernandez-huerta",
    grade: 6.3,
    ease: 86.6,
    inflesz: { score: 82.6, band: "muy fácil" },
  });
});

test("a grade from counts, or none: too short, or a language without a formula", () => {
  // 0.39 × 100/5 + 11.8 × 140/100 − 15.59 = 8.73
  assert.deepEqual(gradeFromCounts({ words: 100, sentences: 5, syllables: 140 }, "en"), {
    words: 100,
    sentences: 5,
    syllables: 140,
    formula: "flesch-kincaid",
    grade: 8.7,
  });
  // Very easy text goes below zero in the formula; no grade is below 0.
  assert.equal((gradeFromCounts({ words: 40, sentences: 10, syllables: 40 }, "en") as { grade: number }).grade, 0);
  assert.deepEqual(gradeFromCounts({ words: MIN_WORDS - 1, sentences: 2, syllables: 40 }, "en"), {
    words: MIN_WORDS - 1,
    sentences: 2,
    syllables: 40,
    formula: "none",
    reason: "short",
  });
  assert.deepEqual(gradeFromCounts({ words: 100, sentences: 5, syllables: 140 }, "vi"), {
    words: 100,
    sentences: 5,
    syllables: 140,
    formula: "none",
    reason: "language",
  });
  assert.deepEqual(readingLevel("Xin chào các bạn.", "vi"), { words: 0, sentences: 0, syllables: 0, formula: "none", reason: "language" });
});

test("above the target means above it to the decimal shown", () => {
  const at = (grade: number): ReadingLevel => ({ words: 100, sentences: 5, syllables: 140, formula: "flesch-kincaid", grade });
  const table: [ReadingLevel, number, boolean][] = [
    [at(8), 8, false],
    [at(8.1), 8, true],
    [at(12), 12, false],
    [at(3.5), 3, true],
    [{ words: 10, sentences: 1, syllables: 20, formula: "none", reason: "short" }, 1, false],
  ];
  for (const [level, target, above] of table) assert.equal(aboveTarget(level, target), above, `${JSON.stringify(level)} vs ${target}`);
});

test("a file's level is measured again only when its text or language changes", () => {
  const cache: ReadingLevelCache = new KeptWhileUsed();
  const first = readingLevelOf("/x/post.md", EN, "en", cache);
  assert.equal(readingLevelOf("/x/post.md", EN, "en", cache), first, "same object: remembered");
  assert.notEqual(readingLevelOf("/x/post.md", `${EN} Rest.`, "en", cache), first);
  assert.equal(readingLevelOf("/x/post.md", EN, "es", cache).formula, "fernandez-huerta");
  assert.equal(cache.size, 1, "one entry per file");
});
