// The social kit's square: how its title is broken into lines (by what a reader sees as one
// character, never inside an emoji or an accented letter), and that its SVG is well-formed
// whatever the title holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { squareSvg, wrapLines } from "../../lib/kit/square.ts";

const graphemes = (s: string) => [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(s)].length;

test("titles break at spaces into lines of at most the given length, and what does not fit ends in an ellipsis", () => {
  assert.deepEqual(wrapLines("Saturday flu-shot clinic", 19, 4), ["Saturday flu-shot", "clinic"]);
  assert.deepEqual(wrapLines("  many   spaces  between\twords ", 40, 2), ["many spaces between words"]);
  assert.deepEqual(wrapLines("one two three four five six", 9, 2), ["one two", "three…"]);
  assert.deepEqual(wrapLines("one two three four", 10, 1), ["one two…"]);
  // A word longer than a line is cut, not left to run off the picture.
  assert.deepEqual(wrapLines("Supercalifragilistic", 8, 3), ["Supercal", "ifragili", "stic"]);
  assert.deepEqual(wrapLines("", 10, 3), []);
});

test("line lengths count graphemes: an emoji family or an accented letter is one, and is never split", () => {
  const family = "👨‍👩‍👧‍👦";
  const lines = wrapLines(`${family}${family}${family}${family} niños`, 3, 3);
  assert.deepEqual(lines, [`${family}${family}${family}`, family, "ni…"]);
  for (const line of lines) assert.ok(graphemes(line) <= 3, line);
  // "é" written as e + combining accent stays whole.
  const decomposed = "Cafe\u0301 cafe\u0301";
  assert.deepEqual(wrapLines(decomposed, 4, 2), ["Cafe\u0301", "cafe\u0301"]);
});

test("the square's SVG is 1080×1080 and well-formed XML whatever the title, details or name hold", () => {
  const svg = squareSvg({
    title: `Fever & "cough" <script>alert(1)</script> ¿niños? 🌡️`,
    details: ["Dec 5 <9:00>", "Oficina & más"],
    name: `Dr. O'Neil & Partners <Pediatrics>`,
  });
  assert.equal(XMLValidator.validate(svg), true);
  const doc = new XMLParser({ ignoreAttributes: false, preserveOrder: false }).parse(svg) as { svg: Record<string, string> };
  assert.equal(doc.svg["@_width"], "1080");
  assert.equal(doc.svg["@_height"], "1080");
  assert.ok(!svg.includes("<script"), "the title is text, never markup");
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&"),
  );
  assert.deepEqual(texts.slice(-3), ["Dec 5 <9:00>", "Oficina & más", `Dr. O'Neil & Partners <Pediatrics>`]);
  // Every character of the title is drawn, in order (a word longer than a line is cut across lines).
  const title = `Fever & "cough" <script>alert(1)</script> ¿niños? 🌡️`;
  assert.equal(texts.slice(0, -3).join("").replace(/\s/g, ""), title.replace(/\s/g, ""));
});

test("with a photo the title moves below it; a long title gets smaller type but never runs into the name's band", () => {
  const y = (svg: string) => [...svg.matchAll(/<text x="\d+" y="(\d+)" class="t"/g)].map((m) => Number(m[1]));
  const short = squareSvg({ title: "Flu shots", details: [], name: "Practice" }, false);
  const photo = squareSvg({ title: "Flu shots", details: [], name: "Practice" }, true);
  assert.ok(y(photo)[0]! > 540, "below the photo's band");
  assert.ok(y(short)[0]! < 540);
  const long = squareSvg(
    { title: "word ".repeat(80).trim(), details: ["Saturday, December 5, 2026", "9:00 AM – 1:00 PM", "North office"], name: "Practice" },
    true,
  );
  const size = Number(/\.t\{font:700 (\d+)px/.exec(long)![1]);
  assert.ok(size < Number(/\.t\{font:700 (\d+)px/.exec(short)![1]!));
  const lastDetail = Math.max(...[...long.matchAll(/<text x="\d+" y="(\d+)" class="s"/g)].map((m) => Number(m[1])));
  assert.ok(lastDetail < 1080 - 110, `the details end at ${lastDetail}, above the name's band`);
  assert.match(long, /…<\/text>/);
});
