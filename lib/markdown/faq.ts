// Questions and answers from a Markdown page: each top-level heading is a question and
// the text up to the next such heading its answer (for FAQPage structured data).
import { createMarkdown, renderMarkdown } from "./index.ts";
import type { FactRef } from "./facts.ts";

const md = createMarkdown();

export interface FaqEntry {
  question: string;
  answerHtml: string;
  answerText: string;
}

/** `fill`: puts the practice facts ([[phone]]) into an answer (the body's own rendering reports their problems). */
export function extractFaq(
  source: string,
  opts: { prefix?: string; fill?: (html: string, facts: readonly FactRef[]) => string } = {},
): FaqEntry[] {
  const tokens = md.parse(source, {});
  const headings = tokens.map((tok, i) => ({ tok, i })).filter(({ tok }) => tok.type === "heading_open" && tok.map);
  if (headings.length === 0) return [];
  const top = Math.min(...headings.map(({ tok }) => Number(tok.tag.slice(1))));
  const questions = headings.filter(({ tok }) => Number(tok.tag.slice(1)) === top);
  const lines = source.split("\n");
  return questions.map(({ tok, i }, n) => {
    const next = questions[n + 1]?.tok.map?.[0] ?? lines.length;
    const answer = lines.slice(tok.map![1], next).join("\n");
    const rendered = renderMarkdown(answer, opts);
    const html = (rendered.facts.length && opts.fill ? opts.fill(rendered.html, rendered.facts) : rendered.html).trim();
    return {
      question: tokens[i + 1]?.content ?? "",
      answerHtml: html,
      answerText: html
        .replace(/<[^>]+>/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    };
  });
}
