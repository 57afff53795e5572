// Text pasted from Word or Google Docs, made into what staff meant before anything reads
// it. Word processors change characters behind the author's back: a no-break space after
// "##" (the heading shows as "## Title"), "•" and a tab for a bullet (the list runs into
// one paragraph), “curly quotes” around a date, an em dash for the opening "---" (the
// whole front matter becomes text, and every field reads as missing), invisible
// zero-width spaces, tabs for indentation (which YAML refuses).
//
// Only changes whose meaning is certain are made, and every change keeps each line on its
// own line number, so messages still point at the line staff see in their editor. What
// is not certain is left as it is and reported as a warning (pasteWarnings).
import MarkdownIt from "markdown-it";
import { quote } from "./problems.ts";

/** Zero-width space, word joiner and a byte-order mark inside the text: invisible, and meaningless in content. */
const INVISIBLE = /[\u200b\u2060\ufeff]/g;
/** A line of dashes as a word processor leaves "---": hyphens, en and em dashes, horizontal bar, minus. */
const DASHES = /^[-\u2010-\u2015\u2212]{1,4}[ \t\u00a0]*$/;
/** A line that starts a front-matter field: a name and a colon. */
const FIELD_LINE = /^[A-Za-z][\w-]*[ \t\u00a0]*:/;

export interface Fences {
  /** Index of the opening and closing fence lines, when the file has front matter. */
  open: number;
  close: number;
}

/**
 * The front matter's fence lines. A line of one to four dashes of any kind counts as a
 * fence when a field follows the first one: that is a word processor's "---" and nothing
 * else (a horizontal rule never opens a file).
 */
export function findFences(lines: readonly string[]): Fences | undefined {
  const first = (lines[0] ?? "").replace(/^\ufeff/, "");
  if (!(first.trimEnd() === "---" || (DASHES.test(first) && FIELD_LINE.test(lines[1] ?? "")))) return undefined;
  for (let i = 1; i < lines.length; i++) if (DASHES.test(lines[i]!) || lines[i]!.trimEnd() === "---") return { open: 0, close: i };
  return undefined;
}

const DOUBLE_OPEN = "\"“„”";
const DOUBLE_CLOSE = "\"”“";

/**
 * A front-matter line with a value wrapped whole in curly quotes (“…”, or one curly and
 * one straight) gets straight ones: the author typed quotes and the word processor curled
 * them. Written back as a JSON string, which YAML reads as the same double-quoted text.
 */
function straightenQuotes(line: string): string {
  const m = /^(\s*(?:[A-Za-z][\w-]*:|-)[ \t]+)(.*?)([ \t]*)$/.exec(line);
  if (!m) return line;
  const value = m[2]!;
  if (value.length < 2 || !/[“”„‘’]/.test(value[0]! + value.at(-1)!)) return line;
  const open = value[0]!;
  const close = value.at(-1)!;
  const inner = value.slice(1, -1);
  const double = DOUBLE_OPEN.includes(open) && DOUBLE_CLOSE.includes(close) && !/["“”„]/.test(inner);
  const single = open === "‘" && close === "’" && !/['‘’]/.test(inner);
  return double || single ? `${m[1]}${JSON.stringify(inner)}${m[3]}` : line;
}

/** A front-matter line as YAML needs it: spaces for indentation, a plain space after the colon or dash. */
function cleanFieldLine(line: string): string {
  const indented = line.replace(/^[\t\u00a0 ]+/, (lead) => lead.replaceAll("\t", "  ").replaceAll("\u00a0", " "));
  const spaced = indented.replace(/^(\s*(?:[A-Za-z][\w-]*:|-))[\u00a0\t]+/, (_m, head: string) => `${head} `);
  return straightenQuotes(spaced);
}

const BULLETS = "•◦▪●○■·";
const BULLET_LINE = new RegExp(`^[ \\t\\u00a0]*([${BULLETS}])[ \\t\\u00a0]*(.*)$`);
/** Word's second-level bullet is the letter o and a tab, but only inside a list of bullets. */
const WORD_SUB_BULLET = /^[ \t\u00a0]*o\t+(.*)$/;
const MARKER_SPACE = /^([ \t]*(?:#{1,6}|[-*+]|\d{1,9}[.)]|>))[\u00a0\t]+/;
const CODE_FENCE = /^ {0,3}(```|~~~)/;

/** Body lines as Markdown reads them: real spaces after markers, pasted bullets as "-" lists. */
function cleanBodyLines(lines: string[]): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  // Bullet characters in the order a run of bullet lines first uses them: the first is the
  // outer level, the next one level in (Word's •, o, ▪ and Docs' ●, ○, ■ both work).
  let levels: string[] = [];
  for (const line of lines) {
    const f = CODE_FENCE.exec(line)?.[1];
    if (fence) {
      if (f === fence) fence = undefined;
      out.push(line);
      continue;
    }
    if (f) {
      fence = f;
      out.push(line);
      continue;
    }
    const bullet = BULLET_LINE.exec(line);
    const sub = !bullet && levels.length ? WORD_SUB_BULLET.exec(line) : null;
    if (bullet || sub) {
      const mark = bullet ? bullet[1]! : "o";
      if (!levels.includes(mark)) levels.push(mark);
      out.push(`${"  ".repeat(Math.min(levels.indexOf(mark), 3))}- ${bullet ? bullet[2] : sub![1]}`);
      continue;
    }
    // A blank line keeps a list going (a loose list); any other line ends it.
    if (line.trim() !== "") levels = [];
    out.push(line.replace(MARKER_SPACE, (_m, marker: string) => `${marker} `));
  }
  return out;
}

/**
 * The file as its author meant it: zero-width characters removed, dash fences made "---",
 * front-matter indentation and quotes made plain, body markers and bullets made Markdown.
 * Line for line: the result has exactly as many lines as the source.
 */
export function cleanSource(source: string): string {
  if (!/[\u200b\u2060\ufeff\u00a0\t“”„‘’•◦▪●○■·\u2010-\u2015\u2212]/.test(source)) return source;
  const bom = source.startsWith("\ufeff") ? "\ufeff" : "";
  const lines = source.replace(INVISIBLE, "").split("\n");
  const fences = findFences(lines);
  if (!fences) return bom + cleanBodyLines(lines).join("\n");
  const cr = (l: string) => (l.endsWith("\r") ? "\r" : "");
  const front = lines.slice(1, fences.close).map((l) => cleanFieldLine(l.replace(/\r$/, "")) + cr(l));
  const body = cleanBodyLines(lines.slice(fences.close + 1));
  return bom + [`---${cr(lines[0]!)}`, ...front, `---${cr(lines[fences.close]!)}`, ...body].join("\n");
}

export interface PasteWarning {
  /** 1-based line of the file. */
  line: number;
  message: string;
}

const blocks = new MarkdownIt({ html: true });

/**
 * What may not be what the author meant, left as it is: a line indented by four spaces or
 * a tab shows as a grey code box. `bodyStart` is the body's first line in the file (1-based).
 */
export function pasteWarnings(body: string, bodyStart: number): PasteWarning[] {
  if (!/^(?: {4}|\t)/m.test(body)) return [];
  const warnings: PasteWarning[] = [];
  for (const token of blocks.parse(body, {})) {
    if (token.type !== "code_block" || !token.map) continue;
    const n = token.map[1] - token.map[0];
    const text = body.split("\n")[token.map[0]]!.trim();
    warnings.push({
      line: token.map[0] + bodyStart,
      message: `${quote(text)} ${n === 1 ? "starts" : `and the ${n - 1} line${n === 2 ? "" : "s"} after it start`} with four spaces or a tab, so the page shows ${n === 1 ? "it" : "them"} in a grey code box; remove the spaces at the start${n === 1 ? "" : " of each line"}`,
    });
  }
  return warnings;
}
