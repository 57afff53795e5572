// What a reading-level formula measures: the prose a parent reads in a post's body, as
// sentences of words. The front matter is not here (only the body is passed in), and
// what is not prose is left out on purpose:
// - code (inline and blocks) and raw HTML: not sentences;
// - web addresses (a bare link, or a link whose text is its address) and e-mail
//   addresses: one long "word" that would count as many syllables;
// - image alt text: a description for screen readers, often not a full sentence;
// - practice facts such as [[phone]]: a number or a name, filled in at build time;
// - numbers ("2 months", "100.4°F"): formulas count syllables of words, and digits have none.
// Each heading, list item, table cell and paragraph ends a sentence, whatever its last
// character: a bulleted list without full stops is still short sentences to a reader,
// not one long one.
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";

// A plain instance, not the site's renderer: no plugin output (video players, pictures)
// and no problems to report; the site's renderer already checked this body. Without
// linkify (it made parsing four times slower): bare addresses are removed as text below.
const md = new MarkdownIt({ html: true });

/** Words read from a body, sentence by sentence (every sentence has at least one word). */
export type Sentences = readonly (readonly string[])[];

/** Abbreviations whose full stop does not end a sentence (lower case, without the final dot). */
const ABBREVIATIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(["dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "a.m", "p.m", "approx", "jr", "sr"]),
  es: new Set(["dr", "dra", "sr", "sra", "srta", "ud", "uds", "p. ej", "ej", "a. m", "p. m", "a.m", "p.m", "núm", "aprox", "tel"]),
};

// Letters glued to a digit or a degree sign are units or codes ("102°F", "2nd", "mp3"), not words.
const WORD = /(?<![\p{L}\p{N}°])\p{L}+(?:['’-]\p{L}+)*(?![\p{L}\p{N}])/gu;
const URLISH = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
const FACT = /\[\[[^\]\n]*\]\]/g;
// A sentence ends at . ! ? or … (any run of them, then closing quotes or brackets)
// followed by a space or the end of the block. "100.4" and "3.5" have no space after the dot.
const END = /[.!?…]+["'”’»)\]]*(?=\s|$)/gu;

/** The body's prose blocks (paragraphs, headings, list items, table cells) as plain text. */
export function proseBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type !== "inline") continue;
    const text = inlineText(token.children ?? []).trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

function inlineText(children: readonly Token[]): string {
  let out = "";
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    switch (child.type) {
      case "text":
        out += child.content;
        break;
      case "softbreak":
      case "hardbreak":
        out += " ";
        break;
      case "link_open": {
        // A link whose text is its own address (<https://…>, [https://…](https://…)) is an address: skip it whole.
        const close = children.findIndex((c, j) => j > i && c.type === "link_close");
        const inner = children.slice(i + 1, close === -1 ? undefined : close);
        const label = inner.map((c) => c.content).join("");
        const href = child.attrGet("href") ?? "";
        if (child.markup === "autolink" || label === href || `mailto:${label}` === href) i = close === -1 ? children.length : close;
        break;
      }
      // code_inline, image (its alt text lives in its children), html_inline: not prose.
    }
  }
  return out;
}

/** Splits one block into sentences of words, without breaking after "Dr." or "p. m.". */
export function sentencesOf(block: string, lang: string): string[][] {
  const abbreviations = ABBREVIATIONS[lang] ?? new Set<string>();
  const text = block.replace(FACT, " ").replace(URLISH, " ");
  const sentences: string[][] = [];
  let start = 0;
  let current: string[] = [];
  const take = (piece: string) => current.push(...(piece.match(WORD) ?? []));
  for (const m of text.matchAll(END)) {
    const before = text.slice(start, m.index);
    if (m[0].startsWith(".") && m[0].length === 1 && isAbbreviation(before, abbreviations)) continue;
    take(before);
    if (current.length) sentences.push(current);
    current = [];
    start = m.index + m[0].length;
  }
  take(text.slice(start));
  if (current.length) sentences.push(current);
  return sentences;
}

function isAbbreviation(before: string, abbreviations: ReadonlySet<string>): boolean {
  // The last word, with the dotted parts before it: "Dr", "e.g", "p. m".
  const last = /(?:^|[^\p{L}.])((?:\p{L}+\. ?)*\p{L}+)$/u.exec(before.slice(-12))?.[1];
  if (!last) return false;
  if (abbreviations.has(last.toLowerCase())) return true;
  // A single letter standing alone: an initial ("Maya S. Okafor") or the start of "p. m.", "e.g.".
  return last.length === 1 && /(?:^|\s)\p{L}$/u.test(before);
}

/** A body's sentences, block by block. */
export function sentences(markdown: string, lang: string): Sentences {
  return proseBlocks(markdown).flatMap((block) => sentencesOf(block, lang));
}
